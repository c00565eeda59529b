"""JSON representations of besluiten and besluitinformatieobjecten (Besluiten API 1.1.0)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from zaakwerk.besluiten.models import Besluit, BesluitInformatieObject, Vervalreden
from zaakwerk.core.shapes import given_uris

Data = dict[str, Any]


def _date(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def render_besluit(row: Besluit) -> Data:
    data = {
        "url": row.url,
        "identificatie": row.identificatie,
        "verantwoordelijkeOrganisatie": row.verantwoordelijke_organisatie,
        "besluittype": row.besluittype,
        "datum": row.datum.isoformat(),
        "toelichting": row.toelichting,
        "bestuursorgaan": row.bestuursorgaan,
        "ingangsdatum": row.ingangsdatum.isoformat(),
        "vervaldatum": _date(row.vervaldatum),
        "publicatiedatum": _date(row.publicatiedatum),
        "verzenddatum": _date(row.verzenddatum),
        "uiterlijkeReactiedatum": _date(row.uiterlijke_reactiedatum),
        **given_uris(zaak=row.zaak),
    }
    # vervalreden is neither nullable nor blank in the spec: a besluit without one leaves it out
    if row.vervalreden:
        data["vervalreden"] = row.vervalreden
        data["vervalredenWeergave"] = Vervalreden(row.vervalreden).label
    return data


def render_besluiten(rows: Iterable[Besluit]) -> list[Data]:
    return [render_besluit(row) for row in rows]


def render_bio(row: BesluitInformatieObject) -> Data:
    return {"url": row.url, "informatieobject": row.informatieobject, "besluit": row.besluit.url}


def kenmerken(besluit: Besluit) -> dict[str, str]:
    """The notification kenmerken of the kanaal ``besluiten`` (VNG spelling, RULES.md 9.2)."""
    return {
        "verantwoordelijke_organisatie": besluit.verantwoordelijke_organisatie,
        "besluittype": besluit.besluittype,
    }
