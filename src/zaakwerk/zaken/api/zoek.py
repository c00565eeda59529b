"""``POST /zaken/_zoek``: the list's filters in a JSON body, plus ``zaakgeometrie.within`` and
``fields`` (:mod:`zaakwerk.zaken.api.fields`)."""

from __future__ import annotations

from typing import Any

import pydantic
from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import ConfigDict, Field

from zaakwerk.api.errors import ApiValidationError
from zaakwerk.api.params import parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import read_json, validate
from zaakwerk.core.errors import FieldError, ValidationError
from zaakwerk.zaken import geometry
from zaakwerk.zaken.access import visible_zaken
from zaakwerk.zaken.api import expansion, fields, filters, listing
from zaakwerk.zaken.api.common import READ, caller_with, check_crs, with_crs
from zaakwerk.zaken.api.schemas import GeoWithinIn
from zaakwerk.zaken.api.zaken import DetailQuery

router = Router(tags=["zaken"])


class _ZaakZoek(pydantic.BaseModel):
    model_config = ConfigDict(populate_by_name=False, extra="ignore")

    uuid__in: list[pydantic.UUID4] | None = Field(None, alias="uuid__in")
    zaaktype__in: list[filters.Text] | None = Field(None, alias="zaaktype__in")
    zaakgeometrie: GeoWithinIn | None = Field(None, alias="zaakgeometrie")
    ordering: filters.Text | None = Field(None, alias="ordering")
    fields: list[Any] | None = Field(None, alias="fields")


ZaakZoek = pydantic.create_model("ZaakZoek", __base__=_ZaakZoek, **filters.model_fields())


def _within(rows: Any, area_json: dict[str, Any]) -> Any:
    """Bounding boxes narrow the candidates in SQL; shapely decides each exactly."""
    area = geometry.parse(area_json, field="zaakgeometrie.within")
    candidates = rows.filter(geometry.within_prefilter(area)).values_list("id", "zaakgeometrie")
    inside = [pk for pk, shape in candidates.iterator() if shape and geometry.is_within(shape, area)]
    return rows.filter(pk__in=inside)


@router.post("/zaken/_zoek")
def zoek(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, READ)
    check_crs(request, body=True)
    query = parse_query(request, DetailQuery)
    body = validate(ZaakZoek, read_json(request))
    values: dict[str, Any] = body.model_dump(by_alias=True)
    selection = None
    if values.get("fields"):
        if values.get("expand") or query.expand:
            raise ApiValidationError(
                [FieldError("nonFieldErrors", "invalid", "'fields' en 'expand' sluiten elkaar uit.")]
            )
        selection = fields.parse(values["fields"])
        fields.check_zaak_fields(selection)
    rows = filters.apply(visible_zaken(caller, READ), values)
    if values.get("uuid__in") is not None:
        rows = rows.filter(uuid__in=values["uuid__in"])
    if values.get("zaaktype__in") is not None:
        rows = rows.filter(zaaktype__in=values["zaaktype__in"])
    if values.get("zaakgeometrie") is not None:
        try:
            rows = _within(rows, values["zaakgeometrie"]["within"])
        except ValidationError as exc:
            raise ApiValidationError(exc.errors) from exc
    order_by = listing.ordering(values.get("ordering"))
    result = listing.page(request, rows, order_by)
    if selection is not None:
        fields.apply(expansion.expander(caller), result["results"], selection)
    else:
        expansion.expand(caller, result["results"], values.get("expand") or query.expand)
    return with_crs(json_response(result))
