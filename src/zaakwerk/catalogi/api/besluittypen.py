"""``/besluittypen``: list, create, read, update, delete, publish (Catalogi 1.3.3)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import QuerySet
from pydantic import Field

from zaakwerk.api.errors import ApiValidationError
from zaakwerk.api.schemas import Duration
from zaakwerk.catalogi.api.common import TypeIn
from zaakwerk.catalogi.api.main_type_endpoints import MainTypeApi, build_router
from zaakwerk.catalogi.api.versioned import VersionQuery
from zaakwerk.catalogi.models import BesluitType, InformatieObjectType, ZaakType
from zaakwerk.catalogi.representations import render_besluittypen
from zaakwerk.catalogi.services.besluittypen import (
    create_besluittype,
    delete_besluittype,
    publish_besluittype,
    update_besluittype,
)
from zaakwerk.catalogi.services.inputs import BesluitTypeValues
from zaakwerk.catalogi.urls import uuid_of
from zaakwerk.core.errors import FieldError
from zaakwerk.core.values import only


class BesluitTypeIn(TypeIn):
    catalogus: str = Field(min_length=1, max_length=1000)
    omschrijving: str = Field("", max_length=80)
    omschrijving_generiek: str = Field("", max_length=80)
    besluitcategorie: str = Field("", max_length=40)
    reactietermijn: Duration | None = None
    publicatie_indicatie: bool
    publicatietekst: str = ""
    publicatietermijn: Duration | None = None
    toelichting: str = ""
    # omschrijvingen (1.3.x) or URLs of informatieobjecttype versions (as Open Zaak)
    informatieobjecttypen: list[str]
    begin_geldigheid: date
    einde_geldigheid: date | None = None

    def to_values(self, fields: set[str] | None = None) -> BesluitTypeValues:
        values: BesluitTypeValues = {
            "catalogus": self.catalogus,
            "omschrijving": self.omschrijving or "",
            "omschrijving_generiek": self.omschrijving_generiek or "",
            "besluitcategorie": self.besluitcategorie or "",
            "reactietermijn": self.reactietermijn,
            "publicatie_indicatie": self.publicatie_indicatie,
            "publicatietekst": self.publicatietekst or "",
            "publicatietermijn": self.publicatietermijn,
            "toelichting": self.toelichting or "",
            "informatieobjecttypen": list(self.informatieobjecttypen or []),
            "begin_geldigheid": self.begin_geldigheid,
            "einde_geldigheid": self.einde_geldigheid,
        }
        return only(values, fields) if fields is not None else values


class BesluitTypeQuery(VersionQuery):
    omschrijving: str | None = None
    zaaktypen: str | None = None
    informatieobjecttypen: str | None = None


def _local(resource: str, value: str, name: str) -> Any:
    key = uuid_of(resource, value)
    if key is None:
        raise ApiValidationError(
            [FieldError(name, "invalid", f"Geef een geldige URL van een {resource[:-1]} op.")]
        )
    return key


def _filter(rows: QuerySet[Any], query: BesluitTypeQuery) -> QuerySet[Any]:
    """``omschrijving``, ``zaaktypen`` and ``informatieobjecttypen`` (URLs of local versions)."""
    if query.omschrijving is not None:
        rows = rows.filter(omschrijving=query.omschrijving)
    if query.zaaktypen is not None:
        zaaktype = ZaakType.objects.filter(uuid=_local("zaaktypen", query.zaaktypen, "zaaktypen")).first()
        if zaaktype is None:
            rows = rows.none()
        else:
            rows = rows.filter(
                catalogus_id=zaaktype.catalogus_id,
                omschrijving__in=zaaktype.besluittype_links.values("besluittype_omschrijving"),
            )
    if query.informatieobjecttypen is not None:
        key = _local("informatieobjecttypen", query.informatieobjecttypen, "informatieobjecttypen")
        iot = InformatieObjectType.objects.filter(uuid=key).first()
        if iot is None:
            rows = rows.none()
        else:
            rows = rows.filter(
                catalogus_id=iot.catalogus_id,
                informatieobjecttype_links__informatieobjecttype_omschrijving=iot.omschrijving,
            ).distinct()
    return rows


router = build_router(
    MainTypeApi(
        collection="besluittypen",
        model=BesluitType,
        schema=BesluitTypeIn,
        query=BesluitTypeQuery,
        filter=_filter,
        render=render_besluittypen,
        create=create_besluittype,
        update=update_besluittype,
        delete=delete_besluittype,
        publish=publish_besluittype,
    )
)
