"""The Documenten API endpoints: one module per resource, each with its own router."""

from zaakwerk.api.factory import build_api
from zaakwerk.documenten.api import (
    audittrail,
    bestandsdelen,
    download,
    gebruiksrechten,
    informatieobjecten,
    locking,
    objectinformatieobjecten,
    verzendingen,
    zoek,
)

api = build_api("documenten")
# literal paths (/enkelvoudiginformatieobjecten/_zoek) before /enkelvoudiginformatieobjecten/{uuid}
for module in (zoek, informatieobjecten, download, locking, bestandsdelen, audittrail):
    api.add_router("", module.router)
for module in (gebruiksrechten, objectinformatieobjecten, verzendingen):
    api.add_router("", module.router)
