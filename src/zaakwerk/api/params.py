"""Query parameters: validated like input (RULES.md 1.1), unknown ones refused."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

import pydantic
from django.http import HttpRequest
from pydantic import BaseModel, ConfigDict, Field

from zaakwerk.api.errors import ApiValidationError
from zaakwerk.api.invalid_params import field_errors
from zaakwerk.core.errors import NON_FIELD, FieldError

QueryT = TypeVar("QueryT", bound=BaseModel)


class QuerySchema(BaseModel):
    """Base of query parameter schemas: field aliases are the exact parameter names."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid")


class NoQuery(QuerySchema):
    pass


def filter_fields(table: Mapping[str, tuple[Any, str]]) -> dict[str, Any]:
    """The parameters of a filter table (parameter → (type, lookup)) as optional fields of a query
    model, for ``pydantic.create_model(name, __base__=<a QuerySchema>, **filter_fields(table))``.

    A field is named by its position and aliased to its parameter, as a parameter such as
    ``rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn`` makes a poor attribute name; the
    endpoint reads the filters by parameter name (``model_dump(by_alias=True)``), and the fields it
    reads as attributes are declared on the base class.
    """
    return {
        f"f_{index}": (kind | None, Field(None, alias=param))
        for index, (param, (kind, _)) in enumerate(table.items())
    }


_ALWAYS_ALLOWED = frozenset({"page"})


def parse_query(
    request: HttpRequest, schema: type[QueryT], *, list_fields: frozenset[str] = frozenset()
) -> QueryT:
    """Validate the query string against ``schema``; 400 for unknown or invalid parameters."""
    known = {info.alias or name for name, info in schema.model_fields.items()} | _ALWAYS_ALLOWED
    unknown = sorted(set(request.GET.keys()) - known)
    if unknown:
        raise ApiValidationError(
            [
                FieldError(
                    NON_FIELD,
                    "unknown-parameters",
                    "Onbekende query parameters: " + ", ".join(unknown),
                )
            ]
        )
    nul = [key for key, values in request.GET.lists() for value in values if "\x00" in value]
    if nul:
        raise ApiValidationError(
            [
                FieldError(key, "null_characters_not_allowed", "NUL-tekens zijn niet toegestaan.")
                for key in nul
            ]
        )
    data: dict[str, Any] = {}
    for key in request.GET:
        if key in _ALWAYS_ALLOWED:
            continue
        data[key] = request.GET.getlist(key) if key in list_fields else request.GET[key]
    try:
        return schema.model_validate(data)
    except pydantic.ValidationError as exc:
        raise ApiValidationError(_per_parameter(field_errors(exc, schema))) from exc


def _per_parameter(errors: list[FieldError]) -> list[FieldError]:
    """One entry per parameter, named as sent: an error in the third value of ``?x__in=a,b,c`` is
    an error of ``x__in``, not of an element the client never named."""
    found: dict[str, FieldError] = {}
    for error in errors:
        name = error.name.split(".", 1)[0]
        found.setdefault(name, FieldError(name, error.code, error.reason))
    return list(found.values())


def csv_list(value: str | None) -> list[str]:
    """A comma-separated parameter (``?uuid__in=a,b``) as a list."""
    if not value:
        return []
    return [part.strip() for part in value.split(",") if part.strip()]
