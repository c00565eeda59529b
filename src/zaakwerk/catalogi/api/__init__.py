"""The Catalogi API endpoints: one module per resource."""

from zaakwerk.api.factory import build_api
from zaakwerk.catalogi.api import besluittypen, catalogussen, informatieobjecttypen, zaaktypen  # main types

api = build_api("catalogi")
api.add_router("", catalogussen.router)
api.add_router("", zaaktypen.router)  # main types
api.add_router("", informatieobjecttypen.router)  # main types
api.add_router("", besluittypen.router)  # main types
