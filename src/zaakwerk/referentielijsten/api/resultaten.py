"""``/resultaten``: the Selectielijst's resultaten (selectielijstklassen), paginated, filtered on
``proces_type`` (the 0.6.0 spec spells this parameter in snake_case) or ``procesType`` (the
spelling real consumers such as archive-management tools send, and the reference implementation
accepts)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import Field

from zaakwerk.api.errors import ApiValidationError
from zaakwerk.api.params import QuerySchema, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.core.errors import FieldError
from zaakwerk.core.references import uuid_from_url
from zaakwerk.referentielijsten import queries
from zaakwerk.referentielijsten.api.common import found, page_of, path_uuid
from zaakwerk.referentielijsten.representations import API, render_resultaat

router = Router(tags=["resultaten"])


class ResultaatQuery(QuerySchema):
    proces_type: str | None = Field(None, alias="proces_type")
    proces_type_camel: str | None = Field(None, alias="procesType")

    def procestype_filter(self) -> tuple[str, str] | None:
        """The parameter sent and its value; both spellings only when they agree."""
        given = [(name, value) for name, value in self._spellings() if value]
        if len({value for _, value in given}) > 1:
            raise ApiValidationError(
                [
                    FieldError(
                        "procesType", "invalid", "proces_type en procesType noemen verschillende procestypen."
                    )
                ]
            )
        return given[0] if given else None

    def _spellings(self) -> tuple[tuple[str, str | None], ...]:
        return (("proces_type", self.proces_type), ("procesType", self.proces_type_camel))


@router.get("/resultaten")
def list_resultaten(request: HttpRequest) -> HttpResponse:
    query = parse_query(request, ResultaatQuery)
    procestype = None
    given = query.procestype_filter()
    if given is not None:
        name, value = given
        procestype = uuid_from_url(value, API, "procestypen")
        if procestype is None:
            raise ApiValidationError(
                [FieldError(name, "invalid", "Geef de URL van een procestype van deze API op.")]
            )
    rows = queries.resultaten(procestype=procestype)
    return json_response(page_of(request, rows, render_resultaat))


@router.get("/resultaten/{uuid}")
def read_resultaat(request: HttpRequest, uuid: str) -> HttpResponse:
    return json_response(render_resultaat(found(queries.resultaat(path_uuid(uuid)))))
