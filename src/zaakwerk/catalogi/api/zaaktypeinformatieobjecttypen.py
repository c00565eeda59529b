"""``/zaaktype-informatieobjecttypen``: list, create, read, update, delete (Catalogi 1.3.3)."""

from __future__ import annotations

from typing import Any, Literal

from django.db.models import Q, QuerySet
from pydantic import Field

from zaakwerk.api.params import QuerySchema
from zaakwerk.catalogi.api.subtype_endpoints import SubtypeApi, SubtypeIn, build_router, filter_by_zaaktype
from zaakwerk.catalogi.models import InformatieObjectType, ZaakTypeInformatieObjectType
from zaakwerk.catalogi.models.choices import Richting
from zaakwerk.catalogi.services.inputs import ZaakTypeInformatieObjectTypeValues
from zaakwerk.catalogi.services.zaaktypeinformatieobjecttypen import (
    create_zaaktypeinformatieobjecttype,
    delete_zaaktypeinformatieobjecttype,
    update_zaaktypeinformatieobjecttype,
)
from zaakwerk.catalogi.subtype_representations import render_zaaktypeinformatieobjecttypen
from zaakwerk.catalogi.urls import uuid_of
from zaakwerk.core.values import only


class ZaakTypeInformatieObjectTypeIn(SubtypeIn):
    zaaktype: str = Field(min_length=1, max_length=1000)
    # the omschrijving (1.3.x: "GEEN URL-referentie") or the URL of a local version
    informatieobjecttype: str = Field(min_length=1, max_length=1000)
    volgnummer: int = Field(ge=1, le=999)
    richting: Richting
    statustype: str | None = Field(None, max_length=1000)

    def to_values(self, fields: set[str] | None = None) -> ZaakTypeInformatieObjectTypeValues:
        values: ZaakTypeInformatieObjectTypeValues = {
            "zaaktype": self.zaaktype,
            "informatieobjecttype": self.informatieobjecttype,
            "volgnummer": self.volgnummer,
            "richting": self.richting,
            "statustype": self.statustype,
        }
        return only(values, fields) if fields is not None else values


class ZaakTypeInformatieObjectTypeQuery(QuerySchema):
    zaaktype: str | None = None
    informatieobjecttype: str | None = None
    richting: Richting | None = None
    status: Literal["alles", "concept", "definitief"] | None = None
    expand: str | None = None


def _filter(rows: QuerySet[Any], query: ZaakTypeInformatieObjectTypeQuery) -> QuerySet[Any]:
    rows = filter_by_zaaktype(rows, query)
    if query.informatieobjecttype is not None:
        key = uuid_of("informatieobjecttypen", query.informatieobjecttype)
        if key is not None:
            # a URL: the relations of that version's omschrijving in its catalogus
            version = InformatieObjectType.objects.filter(uuid=key).first()
            if version is None:
                return rows.none()
            rows = rows.filter(
                Q(informatieobjecttype_omschrijving=version.omschrijving),
                zaaktype__catalogus_id=version.catalogus_id,
            )
        else:
            rows = rows.filter(informatieobjecttype_omschrijving=query.informatieobjecttype)
    if query.richting is not None:
        rows = rows.filter(richting=query.richting)
    return rows


router = build_router(
    SubtypeApi(
        collection="zaaktype-informatieobjecttypen",
        model=ZaakTypeInformatieObjectType,
        schema=ZaakTypeInformatieObjectTypeIn,
        query=ZaakTypeInformatieObjectTypeQuery,
        filter=_filter,
        render=render_zaaktypeinformatieobjecttypen,
        create=create_zaaktypeinformatieobjecttype,
        update=update_zaaktypeinformatieobjecttype,
        delete=delete_zaaktypeinformatieobjecttype,
    )
)
