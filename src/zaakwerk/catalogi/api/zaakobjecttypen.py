"""``/zaakobjecttypen``: list, create, read, update, delete (Catalogi 1.3.3)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet
from pydantic import Field

from zaakwerk.api.errors import ApiValidationError
from zaakwerk.api.params import QuerySchema
from zaakwerk.catalogi.api.subtype_endpoints import SubtypeApi, SubtypeIn, build_router, filter_by_zaaktype
from zaakwerk.catalogi.models import ZaakObjectType
from zaakwerk.catalogi.services.inputs import ZaakObjectTypeValues
from zaakwerk.catalogi.services.zaakobjecttypen import (
    create_zaakobjecttype,
    delete_zaakobjecttype,
    update_zaakobjecttype,
)
from zaakwerk.catalogi.subtype_representations import render_zaakobjecttypen
from zaakwerk.catalogi.urls import uuid_of
from zaakwerk.core.errors import FieldError
from zaakwerk.core.values import only


class ZaakObjectTypeIn(SubtypeIn):
    ander_objecttype: bool
    begin_geldigheid: date | None = None
    einde_geldigheid: date | None = None
    begin_object: date | None = None
    einde_object: date | None = None
    objecttype: str = Field(min_length=1, max_length=200)
    relatie_omschrijving: str = Field(min_length=1, max_length=80)
    zaaktype: str = Field(min_length=1, max_length=1000)
    catalogus: str = Field(min_length=1, max_length=1000)

    def to_values(self, fields: set[str] | None = None) -> ZaakObjectTypeValues:
        values: ZaakObjectTypeValues = {
            "zaaktype": self.zaaktype,
            "catalogus": self.catalogus,
            "ander_objecttype": self.ander_objecttype,
            "objecttype": self.objecttype,
            "relatie_omschrijving": self.relatie_omschrijving,
            "begin_geldigheid": self.begin_geldigheid,
            "einde_geldigheid": self.einde_geldigheid,
            "begin_object": self.begin_object,
            "einde_object": self.einde_object,
        }
        return only(values, fields) if fields is not None else values


class ZaakObjectTypeQuery(QuerySchema):
    ander_objecttype: bool | None = Field(None, alias="anderObjecttype")
    catalogus: str | None = None
    datum_begin_geldigheid: date | None = Field(None, alias="datumBeginGeldigheid")
    datum_einde_geldigheid: date | None = Field(None, alias="datumEindeGeldigheid")
    datum_geldigheid: date | None = Field(None, alias="datumGeldigheid")
    objecttype: str | None = None
    relatie_omschrijving: str | None = Field(None, alias="relatieOmschrijving")
    zaaktype: str | None = None
    zaaktype_identificatie: str | None = Field(None, alias="zaaktypeIdentificatie")
    expand: str | None = None


def _filter(rows: QuerySet[Any], query: ZaakObjectTypeQuery) -> QuerySet[Any]:
    # no status filter here: the spec defines none for zaakobjecttypen
    rows = filter_by_zaaktype(rows, query)
    if query.catalogus is not None:
        key = uuid_of("catalogussen", query.catalogus)
        if key is None:
            raise ApiValidationError(
                [FieldError("catalogus", "invalid", "Geef een geldige catalogus-URL op.")]
            )
        rows = rows.filter(zaaktype__catalogus__uuid=key)
    if query.ander_objecttype is not None:
        rows = rows.filter(ander_objecttype=query.ander_objecttype)
    if query.objecttype is not None:
        rows = rows.filter(objecttype=query.objecttype)
    if query.relatie_omschrijving is not None:
        rows = rows.filter(relatie_omschrijving=query.relatie_omschrijving)
    # validity follows the zaaktype (RULES.md 2.3); datumGeldigheid is applied above
    if query.datum_begin_geldigheid is not None:
        rows = rows.filter(zaaktype__begin_geldigheid=query.datum_begin_geldigheid)
    if query.datum_einde_geldigheid is not None:
        rows = rows.filter(zaaktype__einde_geldigheid=query.datum_einde_geldigheid)
    return rows


router = build_router(
    SubtypeApi(
        collection="zaakobjecttypen",
        model=ZaakObjectType,
        schema=ZaakObjectTypeIn,
        query=ZaakObjectTypeQuery,
        filter=_filter,
        render=render_zaakobjecttypen,
        create=create_zaakobjecttype,
        update=update_zaakobjecttype,
        delete=delete_zaakobjecttype,
    )
)
