"""Request bodies of the Besluiten API 1.1.0 (``Besluit``, ``BesluitInformatieObject``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from zaakwerk.api import url_fields
from zaakwerk.api.schemas import RequestSchema, Rsin
from zaakwerk.besluiten.models import Vervalreden

Url = url_fields.Url1000
RequiredUrl = url_fields.RequiredUrl1000
# the spec limits besluittype and zaak to 200 characters
ShortUrl = url_fields.Url200

# request name → model field
FIELDS = {
    "identificatie": "identificatie",
    "verantwoordelijke_organisatie": "verantwoordelijke_organisatie",
    "besluittype": "besluittype",
    "zaak": "zaak",
    "datum": "datum",
    "toelichting": "toelichting",
    "bestuursorgaan": "bestuursorgaan",
    "ingangsdatum": "ingangsdatum",
    "vervaldatum": "vervaldatum",
    "vervalreden": "vervalreden",
    "publicatiedatum": "publicatiedatum",
    "verzenddatum": "verzenddatum",
    "uiterlijke_reactiedatum": "uiterlijke_reactiedatum",
}


class BesluitIn(RequestSchema):
    identificatie: str = Field("", max_length=50)
    verantwoordelijke_organisatie: Rsin
    besluittype: url_fields.RequiredUrl200
    zaak: ShortUrl | None = ""
    datum: date
    toelichting: str = Field("", max_length=100_000)
    bestuursorgaan: str = Field("", max_length=50)
    ingangsdatum: date
    vervaldatum: date | None = None
    vervalreden: Vervalreden | None = None
    publicatiedatum: date | None = None
    verzenddatum: date | None = None
    uiterlijke_reactiedatum: date | None = None

    def to_values(self, fields: set[str] | None = None) -> dict[str, Any]:
        """Service input: model field values for the fields given (all for POST/PUT)."""
        sent = fields if fields is not None else set(type(self).model_fields)
        values: dict[str, Any] = {}
        for name in sent:
            value = getattr(self, name)
            if name in ("zaak", "vervalreden", "toelichting", "bestuursorgaan", "identificatie"):
                value = value.value if isinstance(value, Vervalreden) else (value or "")
            values[FIELDS[name]] = value
        return values


class BesluitInformatieObjectIn(RequestSchema):
    informatieobject: RequiredUrl
    besluit: RequiredUrl
