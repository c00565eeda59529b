"""The Catalogi API endpoints: one module per resource."""

from zaakwerk.api.factory import build_api
from zaakwerk.catalogi.api import (  # main types  # sub-types of a zaaktype
    besluittypen,
    catalogussen,
    eigenschappen,
    informatieobjecttypen,
    resultaattypen,
    roltypen,
    statustypen,
    zaakobjecttypen,
    zaaktypeinformatieobjecttypen,
    zaaktypen,
)

api = build_api("catalogi")
api.add_router("", catalogussen.router)
api.add_router("", zaaktypen.router)  # main types
api.add_router("", informatieobjecttypen.router)  # main types
api.add_router("", besluittypen.router)  # main types
api.add_router("", statustypen.router)  # sub-types
api.add_router("", roltypen.router)  # sub-types
api.add_router("", resultaattypen.router)  # sub-types
api.add_router("", eigenschappen.router)  # sub-types
api.add_router("", zaaktypeinformatieobjecttypen.router)  # sub-types
api.add_router("", zaakobjecttypen.router)  # sub-types
