"""``/statustypen``: list, create, read, update, delete (Catalogi 1.3.3)."""

from __future__ import annotations

from datetime import date
from typing import Any

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
from zaakwerk.catalogi.services.statustypen import create_statustype, delete_statustype, update_statustype
from zaakwerk.catalogi.subtype_representations import render_statustypen


class CheckListItemIn(BaseModel):
    itemnaam: str = Field(min_length=1, max_length=30)
    toelichting: str | None = Field(None, max_length=1000)
    vraagstelling: str = Field(min_length=1, max_length=255)
    verplicht: bool = False


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

    def convert(self, name: str, value: Any) -> dict[str, Any]:
        if name == "checklistitem_statustype":
            return {name: [item.model_dump() for item in value or []]}
        return {name: value}


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
