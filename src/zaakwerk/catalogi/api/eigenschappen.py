"""``/eigenschappen``: list, create, read, update, delete (Catalogi 1.3.3)."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, Field

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
from zaakwerk.catalogi.subtype_representations import render_eigenschappen


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

    def convert(self, name: str, value: Any) -> dict[str, Any]:
        if name == "specificatie":
            return {
                "specificatie_groep": value.groep or "",
                "specificatie_formaat": value.formaat.value,
                "specificatie_lengte": value.lengte,
                "specificatie_kardinaliteit": value.kardinaliteit,
                "specificatie_waardenverzameling": list(value.waardenverzameling),
            }
        return {name: value}


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
