"""``/statustypen``: list, create, read, update, delete (Catalogi 1.3.3)."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field

from zaakwerk.api.schemas import Duration
from zaakwerk.catalogi.api.subtype_endpoints import (
    SubtypeApi,
    SubtypeIn,
    SubtypeQuery,
    build_router,
    filter_by_zaaktype,
)
from zaakwerk.catalogi.models import StatusType
from zaakwerk.catalogi.services.inputs import ChecklistItem, StatusTypeValues
from zaakwerk.catalogi.services.statustypen import create_statustype, delete_statustype, update_statustype
from zaakwerk.catalogi.subtype_representations import render_statustypen
from zaakwerk.core.values import only


class CheckListItemIn(BaseModel):
    itemnaam: str = Field(min_length=1, max_length=30)
    toelichting: str | None = Field(None, max_length=1000)
    vraagstelling: str = Field(min_length=1, max_length=255)
    verplicht: bool = False

    def to_value(self) -> ChecklistItem:
        return {
            "itemnaam": self.itemnaam,
            "toelichting": self.toelichting,
            "vraagstelling": self.vraagstelling,
            "verplicht": self.verplicht,
        }


class StatusTypeIn(SubtypeIn):
    omschrijving: str = Field(min_length=1, max_length=80)
    omschrijving_generiek: str = Field("", max_length=80)
    statustekst: str = Field("", max_length=1000)
    zaaktype: str = Field(min_length=1, max_length=1000)
    volgnummer: int = Field(ge=1, le=9999)
    informeren: bool = False
    doorlooptijd: Duration | None = None
    toelichting: str | None = Field(None, max_length=1000)
    checklistitem_statustype: list[CheckListItemIn] = Field(default_factory=list)
    begin_geldigheid: date | None = None
    einde_geldigheid: date | None = None
    begin_object: date | None = None
    einde_object: date | None = None

    def to_values(self, fields: set[str] | None = None) -> StatusTypeValues:
        values: StatusTypeValues = {
            "zaaktype": self.zaaktype,
            "omschrijving": self.omschrijving,
            "omschrijving_generiek": self.omschrijving_generiek,
            "statustekst": self.statustekst,
            "volgnummer": self.volgnummer,
            "informeren": self.informeren,
            "doorlooptijd": self.doorlooptijd,
            "toelichting": self.toelichting,
            "checklistitem_statustype": [item.to_value() for item in self.checklistitem_statustype or []],
            "begin_geldigheid": self.begin_geldigheid,
            "einde_geldigheid": self.einde_geldigheid,
            "begin_object": self.begin_object,
            "einde_object": self.einde_object,
        }
        return only(values, fields) if fields is not None else values


router = build_router(
    SubtypeApi(
        collection="statustypen",
        model=StatusType,
        schema=StatusTypeIn,
        query=SubtypeQuery,
        filter=filter_by_zaaktype,
        render=render_statustypen,
        create=create_statustype,
        update=update_statustype,
        delete=delete_statustype,
    )
)
