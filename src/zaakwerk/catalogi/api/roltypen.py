"""``/roltypen``: list, create, read, update, delete (Catalogi 1.3.3)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet
from pydantic import Field

from zaakwerk.catalogi.api.subtype_endpoints import (
    SubtypeApi,
    SubtypeIn,
    SubtypeQuery,
    build_router,
    filter_by_zaaktype,
)
from zaakwerk.catalogi.models import RolType
from zaakwerk.catalogi.models.choices import RolOmschrijvingGeneriek
from zaakwerk.catalogi.services.inputs import RolTypeValues
from zaakwerk.catalogi.services.roltypen import create_roltype, delete_roltype, update_roltype
from zaakwerk.catalogi.subtype_representations import render_roltypen
from zaakwerk.core.values import only


class RolTypeIn(SubtypeIn):
    zaaktype: str = Field(min_length=1, max_length=1000)
    omschrijving: str = Field(min_length=1, max_length=100)
    omschrijving_generiek: RolOmschrijvingGeneriek
    # deprecated: if given, it must be the zaaktype's catalogus
    catalogus: str | None = Field(None, max_length=1000)
    begin_geldigheid: date | None = None
    einde_geldigheid: date | None = None
    begin_object: date | None = None
    einde_object: date | None = None

    def to_values(self, fields: set[str] | None = None) -> RolTypeValues:
        values: RolTypeValues = {
            "zaaktype": self.zaaktype,
            "omschrijving": self.omschrijving,
            "omschrijving_generiek": self.omschrijving_generiek,
            "catalogus": self.catalogus,
            "begin_geldigheid": self.begin_geldigheid,
            "einde_geldigheid": self.einde_geldigheid,
            "begin_object": self.begin_object,
            "einde_object": self.einde_object,
        }
        return only(values, fields) if fields is not None else values


class RolTypeQuery(SubtypeQuery):
    omschrijving_generiek: RolOmschrijvingGeneriek | None = Field(None, alias="omschrijvingGeneriek")


def _filter(rows: QuerySet[Any], query: RolTypeQuery) -> QuerySet[Any]:
    rows = filter_by_zaaktype(rows, query)
    if query.omschrijving_generiek is not None:
        rows = rows.filter(omschrijving_generiek=query.omschrijving_generiek)
    return rows


router = build_router(
    SubtypeApi(
        collection="roltypen",
        model=RolType,
        schema=RolTypeIn,
        query=RolTypeQuery,
        filter=_filter,
        render=render_roltypen,
        create=create_roltype,
        update=update_roltype,
        delete=delete_roltype,
    )
)
