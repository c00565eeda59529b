"""The Zaken API endpoints: one module per resource, each with its own router."""

from zaakwerk.api.factory import build_api
from zaakwerk.zaken.api import (
    audittrail,
    contactmomenten,
    klantcontacten,
    notities,
    registreren,
    resultaten,
    rollen,
    statussen,
    verzoeken,
    zaakbesluiten,
    zaakeigenschappen,
    zaakinformatieobjecten,
    zaaknummers,
    zaakobjecten,
    zaken,
    zoek,
)

api = build_api("zaken")
# literal paths (/zaken/_zoek, /zaken/_registreren) before /zaken/{uuid}
for module in (
    zoek,
    registreren,
    zaken,
    zaaknummers,
    statussen,
    resultaten,
    zaakinformatieobjecten,
    zaakbesluiten,
    audittrail,
    rollen,
    zaakobjecten,
    zaakeigenschappen,
    klantcontacten,
    contactmomenten,
    verzoeken,
    notities,
):
    api.add_router("", module.router)
