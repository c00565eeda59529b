"""``/eigenschappen``: list, create, read, update, delete (Catalogi 1.3.3)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from zaakwerk.catalogi.api.common import sent_keys
from zaakwerk.catalogi.api.subtype_endpoints import (
    SubtypeApi,
    SubtypeIn,
    SubtypeQuery,
    build_router,
    filter_by_zaaktype,
)
from zaakwerk.catalogi.models import Eigenschap
from zaakwerk.catalogi.models.choices import Formaat
from zaakwerk.catalogi.services.eigenschappen import create_eigenschap, delete_eigenschap, update_eigenschap
from zaakwerk.catalogi.services.inputs import EigenschapValues
from zaakwerk.catalogi.subtype_representations import render_eigenschappen
from zaakwerk.core.values import only

# the columns ``specificatie`` is stored in
SPECIFICATIE = (
    "specificatie_groep",
    "specificatie_formaat",
    "specificatie_lengte",
    "specificatie_kardinaliteit",
    "specificatie_waardenverzameling",
)


class SpecificatieIn(BaseModel):
    groep: str = Field("", max_length=32)
    formaat: Formaat
    lengte: str = Field(min_length=1, max_length=14)
    kardinaliteit: str = Field(min_length=1, max_length=3)
    waardenverzameling: list[str] = Field(default_factory=list)


class EigenschapIn(SubtypeIn):
    naam: str = Field(min_length=1, max_length=20)
    definitie: str = Field(min_length=1, max_length=255)
    specificatie: SpecificatieIn
    toelichting: str = Field("", max_length=1000)
    zaaktype: str = Field(min_length=1, max_length=1000)
    statustype: str | None = Field(None, max_length=1000)
    begin_geldigheid: date | None = None
    einde_geldigheid: date | None = None
    begin_object: date | None = None
    einde_object: date | None = None

    def to_values(self, fields: set[str] | None = None) -> EigenschapValues:
        values: EigenschapValues = {
            "zaaktype": self.zaaktype,
            "naam": self.naam,
            "definitie": self.definitie,
            "toelichting": self.toelichting,
            "statustype": self.statustype,
            "begin_geldigheid": self.begin_geldigheid,
            "einde_geldigheid": self.einde_geldigheid,
            "begin_object": self.begin_object,
            "einde_object": self.einde_object,
        }
        specificatie = self.specificatie
        if specificatie is not None:  # left out of a PATCH
            values["specificatie_groep"] = specificatie.groep or ""
            values["specificatie_formaat"] = specificatie.formaat.value
            values["specificatie_lengte"] = specificatie.lengte
            values["specificatie_kardinaliteit"] = specificatie.kardinaliteit
            values["specificatie_waardenverzameling"] = list(specificatie.waardenverzameling)
        return (
            only(values, sent_keys(fields, {"specificatie": SPECIFICATIE})) if fields is not None else values
        )


router = build_router(
    SubtypeApi(
        collection="eigenschappen",
        model=Eigenschap,
        schema=EigenschapIn,
        query=SubtypeQuery,
        filter=filter_by_zaaktype,
        render=render_eigenschappen,
        create=create_eigenschap,
        update=update_eigenschap,
        delete=delete_eigenschap,
    )
)
