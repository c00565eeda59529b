"""The filters of the versioned main types' endpoints: zaaktypen, informatieobjecttypen,
besluittypen (``catalogus``, ``status``, ``datumGeldigheid``)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal, TypeVar

from django.db.models import Model, QuerySet
from pydantic import Field

from zaakwerk.api.errors import ApiValidationError
from zaakwerk.api.params import QuerySchema
from zaakwerk.catalogi.queries import geldig_op, today
from zaakwerk.catalogi.urls import uuid_of
from zaakwerk.core.errors import FieldError

M = TypeVar("M", bound=Model)


class VersionQuery(QuerySchema):
    """Filters every versioned type's list has (catalogi-1.3.3.yaml)."""

    catalogus: str | None = None
    status: Literal["alles", "concept", "definitief"] | None = None
    datum_geldigheid: date | None = Field(None, alias="datumGeldigheid")
    expand: str | None = None


class DetailQuery(QuerySchema):
    """Query of a read. ``datumGeldigheid`` is declared for zaaktypen only, but the VNG suite's
    history tests send it to every main type; it sets the day relations are shown for."""

    expand: str | None = None
    datum_geldigheid: date | None = Field(None, alias="datumGeldigheid")


def filter_versions(rows: QuerySet[M, M], query: VersionQuery) -> QuerySet[M, M]:
    """``catalogus``, ``status`` (default ``definitief``) and ``datumGeldigheid``."""
    if query.catalogus is not None:
        key = uuid_of("catalogussen", query.catalogus)
        if key is None:
            raise ApiValidationError(
                [FieldError("catalogus", "invalid", "Geef een geldige catalogus-URL op.")]
            )
        rows = rows.filter(catalogus__uuid=key)
    status = query.status or "definitief"
    if status == "concept":
        rows = rows.filter(concept=True)
    elif status == "definitief":
        rows = rows.filter(concept=False)
    if query.datum_geldigheid is not None:
        rows = rows.filter(geldig_op(query.datum_geldigheid))
    return rows


def day_of(query: Any) -> date:
    """The day relations are shown for: ``datumGeldigheid`` when given, else today."""
    found = getattr(query, "datum_geldigheid", None)
    return found if isinstance(found, date) else today()
