"""``/informatieobjecttypen``: list, create, read, update, delete, publish (Catalogi 1.3.3)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet
from pydantic import BaseModel, Field

from zaakwerk.catalogi.api.common import TypeIn
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

    def to_values(self, fields: set[str] | None = None) -> dict[str, Any]:
        sent = fields if fields is not None else set(type(self).model_fields)
        values: dict[str, Any] = {}
        for name in sent:
            value = getattr(self, name)
            if name == "omschrijving_generiek":
                values["omschrijving_generiek_informatieobjecttype"] = (
                    value.informatieobjecttype_omschrijving_generiek if value else ""
                )
                values["omschrijving_generiek_definitie"] = value.definitie if value else ""
                values["omschrijving_generiek_herkomst"] = value.herkomst if value else ""
                values["omschrijving_generiek_hierarchie"] = value.hierarchie if value else ""
                values["omschrijving_generiek_opmerking"] = value.opmerking if value else None
            elif name == "trefwoord":
                values[name] = list(value or [])
            else:
                values[name] = value
        return values


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
