"""The Referentielijsten API endpoints: one module per resource, no authentication (the 0.6.0
spec declares no security; the data are public reference lists)."""

from zaakwerk.api.factory import build_api
from zaakwerk.referentielijsten.api import (
    communicatiekanalen,
    procestypen,
    resultaattypeomschrijvingen,
    resultaten,
)

api = build_api("referentielijsten")
api.add_router("", procestypen.router)
api.add_router("", resultaten.router)
api.add_router("", resultaattypeomschrijvingen.router)
api.add_router("", communicatiekanalen.router)
