"""Wie heeft mijn gegevens bekeken: who processed the visitor's zaken, and when (docs/adr/0073).

Built from the Zaken API's audit trail of each zaak (``GET {zaak}/audittrail``), after the model
of the Logboek Dataverwerkingen: per processing the moment, the processing activity (what was
done to which part of the zaak), the party that did it — the application, or the visitor
themselves through the loket — and the trace (the audit line's uuid). Staff names are never
shown: the registers keep them for the municipality, not for this page.

The registers of this deployment log changes, not reads (there is no read log to show); the page
says so. It is bounded: one request for the list of zaken, then one per zaak shown, at most
:data:`PAGE_SIZE` zaken per page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from zaakwerk.client import ZGWClient, models
from zaakwerk.loket import zgw
from zaakwerk.loket.identity import Identity
from zaakwerk.loket.services.mijn_zaken import ZaakRegel, mijn_zaken

PAGE_SIZE = 10

ACTIVITEIT: dict[str, str | Promise] = {
    "create": _("vastgelegd"),
    "update": _("gewijzigd"),
    "partial_update": _("gewijzigd"),
    "destroy": _("verwijderd"),
    "list": _("bekeken"),
    "retrieve": _("bekeken"),
}
ONDERDEEL: dict[str, str | Promise] = {
    "zaak": _("de zaak"),
    "status": _("de status"),
    "rol": _("een betrokkene"),
    "resultaat": _("het resultaat"),
    "zaakinformatieobject": _("een document bij de zaak"),
    "zaakeigenschap": _("een eigenschap"),
    "zaakobject": _("een object"),
    "klantcontact": _("een klantcontact"),
    "zaakbesluit": _("een besluit"),
}


@dataclass(frozen=True)
class Verwerking:
    """One processing of the visitor's data."""

    wanneer: datetime | None
    zaak: ZaakRegel
    activiteit: str | Promise
    onderdeel: str | Promise
    wie: str
    door_uzelf: bool
    trace: str


@dataclass(frozen=True)
class Inzage:
    verwerkingen: list[Verwerking]
    zaken: list[ZaakRegel]
    pagina: int
    paginas: int


def _verwerking(regel: ZaakRegel, line: models.AuditTrail, own_id: str) -> Verwerking:
    own = line.gebruikers_id == own_id
    return Verwerking(
        wanneer=line.aanmaakdatum,
        zaak=regel,
        activiteit=ACTIVITEIT.get(line.actie, line.actie_weergave or line.actie),
        onderdeel=ONDERDEEL.get(line.resource, line.resource),
        # the application (the organisation's system), never a person's name
        wie=line.applicatie_weergave or line.applicatie_id or line.bron,
        door_uzelf=own,
        trace=line.uuid,
    )


def inzage(client: ZGWClient, identity: Identity, pagina: int = 1) -> Inzage:
    """The processings of the visitor's zaken on page ``pagina`` (the most recent zaken first)."""
    alle = mijn_zaken(client, identity)
    zaken = [*alle.lopend, *alle.afgerond]
    paginas = max(1, -(-len(zaken) // PAGE_SIZE))
    pagina = min(max(1, pagina), paginas)
    shown = zaken[(pagina - 1) * PAGE_SIZE : pagina * PAGE_SIZE]
    own_id = zgw.user_id(identity)
    verwerkingen = [
        _verwerking(regel, line, own_id)
        for regel in shown
        for line in client.zaken.audittrail(f"{client.zaken.zaken.url}/{regel.uuid}")
    ]
    verwerkingen.sort(key=lambda v: v.wanneer.timestamp() if v.wanneer else 0.0, reverse=True)
    return Inzage(verwerkingen=verwerkingen, zaken=shown, pagina=pagina, paginas=paginas)
