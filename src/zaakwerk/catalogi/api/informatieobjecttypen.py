"""``/informatieobjecttypen``: list, create, read, update, delete, publish (Catalogi 1.3.3)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet
from pydantic import BaseModel, Field

from zaakwerk.catalogi.api.common import TypeIn, sent_keys
from zaakwerk.catalogi.api.main_type_endpoints import MainTypeApi, build_router
from zaakwerk.catalogi.api.versioned import VersionQuery
from zaakwerk.catalogi.models import InformatieObjectType
from zaakwerk.catalogi.representations import render_informatieobjecttypen
from zaakwerk.catalogi.services.informatieobjecttypen import (
    create_informatieobjecttype,
    delete_informatieobjecttype,
    publish_informatieobjecttype,
    update_informatieobjecttype,
)
from zaakwerk.catalogi.services.inputs import InformatieObjectTypeValues
from zaakwerk.core.values import only
from zaakwerk.core.vertrouwelijkheid import VertrouwelijkheidAanduiding


class OmschrijvingGeneriekIn(BaseModel):
    informatieobjecttype_omschrijving_generiek: str = Field(
        max_length=80, alias="informatieobjecttypeOmschrijvingGeneriek"
    )
    definitie: str = Field(max_length=255, alias="definitieInformatieobjecttypeOmschrijvingGeneriek")
    herkomst: str = Field(max_length=12, alias="herkomstInformatieobjecttypeOmschrijvingGeneriek")
    hierarchie: str = Field(max_length=80, alias="hierarchieInformatieobjecttypeOmschrijvingGeneriek")
    opmerking: str | None = Field(
        None, max_length=255, alias="opmerkingInformatieobjecttypeOmschrijvingGeneriek"
    )


class InformatieObjectTypeIn(TypeIn):
    catalogus: str = Field(min_length=1, max_length=1000)
    omschrijving: str = Field(max_length=80, min_length=1)
    vertrouwelijkheidaanduiding: VertrouwelijkheidAanduiding
    begin_geldigheid: date
    einde_geldigheid: date | None = None
    informatieobjectcategorie: str = Field(max_length=80, min_length=1)
    trefwoord: list[str] = Field(default_factory=list)
    omschrijving_generiek: OmschrijvingGeneriekIn | None = None

    def to_values(self, fields: set[str] | None = None) -> InformatieObjectTypeValues:
        generiek = self.omschrijving_generiek
        values: InformatieObjectTypeValues = {
            "catalogus": self.catalogus,
            "omschrijving": self.omschrijving,
            "vertrouwelijkheidaanduiding": self.vertrouwelijkheidaanduiding,
            "begin_geldigheid": self.begin_geldigheid,
            "einde_geldigheid": self.einde_geldigheid,
            "informatieobjectcategorie": self.informatieobjectcategorie,
            "trefwoord": list(self.trefwoord or []),
            "omschrijving_generiek_informatieobjecttype": (
                generiek.informatieobjecttype_omschrijving_generiek if generiek else ""
            ),
            "omschrijving_generiek_definitie": generiek.definitie if generiek else "",
            "omschrijving_generiek_herkomst": generiek.herkomst if generiek else "",
            "omschrijving_generiek_hierarchie": generiek.hierarchie if generiek else "",
            "omschrijving_generiek_opmerking": generiek.opmerking if generiek else None,
        }
        return only(values, sent_keys(fields, GROUPS)) if fields is not None else values


# request group → the columns it is stored in
GROUPS = {
    "omschrijving_generiek": (
        "omschrijving_generiek_informatieobjecttype",
        "omschrijving_generiek_definitie",
        "omschrijving_generiek_herkomst",
        "omschrijving_generiek_hierarchie",
        "omschrijving_generiek_opmerking",
    )
}


class InformatieObjectTypeQuery(VersionQuery):
    omschrijving: str | None = None


def _filter(rows: QuerySet[Any], query: InformatieObjectTypeQuery) -> QuerySet[Any]:
    return rows if query.omschrijving is None else rows.filter(omschrijving=query.omschrijving)


router = build_router(
    MainTypeApi(
        collection="informatieobjecttypen",
        model=InformatieObjectType,
        schema=InformatieObjectTypeIn,
        query=InformatieObjectTypeQuery,
        filter=_filter,
        render=render_informatieobjecttypen,
        create=create_informatieobjecttype,
        update=update_informatieobjecttype,
        delete=delete_informatieobjecttype,
        publish=publish_informatieobjecttype,
    )
)
