"""The Besluiten API endpoints: one module per resource, each with its own router."""

from zaakwerk.api.factory import build_api
from zaakwerk.besluiten.api import audittrail, besluiten, besluitinformatieobjecten

api = build_api("besluiten")
for module in (besluiten, audittrail, besluitinformatieobjecten):
    api.add_router("", module.router)
