"""Mijn zaken: the visitor's zaken, open and closed, from one filtered query (docs/adr/0071).

One ``GET /zaken`` with the visitor's rol filter, the configured maximum vertrouwelijkheid and
``expand`` of zaaktype, status(type) and resultaat(type): the Zaken API embeds each type once per
request however many zaken use it, so the page costs one request per 100 zaken, never one per
zaak. Zaken of a zaaktype that is not extern are left out (the loket is not authorised for them
in this deployment; another deployment may be less strict).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from zaakwerk.client import ZGWClient, models
from zaakwerk.loket.identity import Identity
from zaakwerk.loket.services import rules

EXPAND = ("zaaktype", "status", "status.statustype", "resultaat", "resultaat.resultaattype")


@dataclass(frozen=True)
class ZaakRegel:
    """One line of Mijn zaken."""

    uuid: str
    identificatie: str
    omschrijving: str
    zaaktype: str
    startdatum: date | None
    einddatum: date | None
    einddatum_gepland: date | None
    status: str
    status_gezet: datetime | None
    resultaat: str

    @property
    def open(self) -> bool:
        return self.einddatum is None


@dataclass(frozen=True)
class MijnZaken:
    lopend: list[ZaakRegel]
    afgerond: list[ZaakRegel]

    @property
    def total(self) -> int:
        return len(self.lopend) + len(self.afgerond)


def _embedded(zaak: models.Zaak, name: str) -> dict[str, Any]:
    value = zaak.expanded.get(name)
    return value if isinstance(value, dict) else {}


def _moment(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def regel(zaak: models.Zaak) -> ZaakRegel:
    """The line of one zaak read with :data:`EXPAND`."""
    status = _embedded(zaak, "status")
    statustype = status.get("_expand", {}).get("statustype") or {} if status else {}
    resultaat = _embedded(zaak, "resultaat")
    resultaattype = resultaat.get("_expand", {}).get("resultaattype") or {} if resultaat else {}
    return ZaakRegel(
        uuid=zaak.uuid,
        identificatie=zaak.identificatie,
        omschrijving=zaak.omschrijving,
        zaaktype=str(_embedded(zaak, "zaaktype").get("omschrijving", "")),
        startdatum=zaak.startdatum,
        einddatum=zaak.einddatum,
        einddatum_gepland=zaak.einddatum_gepland,
        status=str(statustype.get("omschrijving", "")),
        status_gezet=_moment(status.get("datumStatusGezet")),
        resultaat=str(resultaattype.get("omschrijving", "")),
    )


def mijn_zaken(client: ZGWClient, identity: Identity) -> MijnZaken:
    """The visitor's zaken of extern zaaktypen, newest first, split into open and closed."""
    found = client.zaken.zaken.list(
        **rules.rol_filter(identity),
        maximaleVertrouwelijkheidaanduiding=rules.maximum(),
        expand=",".join(EXPAND),
    )
    regels = [regel(zaak) for zaak in found if rules.is_extern(_embedded(zaak, "zaaktype"))]
    regels.sort(key=lambda r: (r.startdatum or date.min, r.identificatie), reverse=True)
    return MijnZaken(
        lopend=[r for r in regels if r.open],
        afgerond=[r for r in regels if not r.open],
    )
