"""Request bodies of the Besluiten API 1.1.0 (``Besluit``, ``BesluitInformatieObject``)."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from zaakwerk.api import url_fields
from zaakwerk.api.schemas import RequestSchema, Rsin
from zaakwerk.besluiten.models import Vervalreden
from zaakwerk.besluiten.services.inputs import BesluitValues
from zaakwerk.core.values import only

Url = url_fields.Url1000
RequiredUrl = url_fields.RequiredUrl1000
# the spec limits besluittype and zaak to 200 characters
ShortUrl = url_fields.Url200


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

    def to_values(self, fields: set[str] | None = None) -> BesluitValues:
        """Service input: model field values for the fields given (all for POST/PUT)."""
        values: BesluitValues = {
            "identificatie": self.identificatie or "",
            "verantwoordelijke_organisatie": self.verantwoordelijke_organisatie,
            "besluittype": self.besluittype,
            "zaak": self.zaak or "",
            "datum": self.datum,
            "toelichting": self.toelichting or "",
            "bestuursorgaan": self.bestuursorgaan or "",
            "ingangsdatum": self.ingangsdatum,
            "vervaldatum": self.vervaldatum,
            "vervalreden": self.vervalreden.value if self.vervalreden is not None else "",
            "publicatiedatum": self.publicatiedatum,
            "verzenddatum": self.verzenddatum,
            "uiterlijke_reactiedatum": self.uiterlijke_reactiedatum,
        }
        return only(values, fields) if fields is not None else values


class BesluitInformatieObjectIn(RequestSchema):
    informatieobject: RequiredUrl
    besluit: RequiredUrl
