"""Request schemas: Pydantic models with the standard's camelCase names.

Request bodies are parsed explicitly in the endpoint (:func:`parse_body`) rather than by
Django Ninja's signature magic, so that authorisation is checked before validation (a caller
without the scope gets 403, not a list of field errors), and so that PATCH knows which fields
were sent.
"""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

import orjson
import pydantic
from django.http import HttpRequest
from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

from zaakwerk.api.errors import ApiError, ApiValidationError
from zaakwerk.api.invalid_params import field_errors
from zaakwerk.core.durations import InvalidDuration, parse_duration
from zaakwerk.core.errors import NON_FIELD, FieldError
from zaakwerk.core.rsin import rsin_problem


class RequestSchema(BaseModel):
    """Base of every request body: camelCase aliases, unknown fields ignored and a JSON number
    accepted where the spec asks for a string (``"identificatie": 20``), as the reference
    implementations did — clients written against them send both (ADR 0002)."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="ignore",
        str_strip_whitespace=False,
        frozen=False,
        coerce_numbers_to_str=True,
    )


SchemaT = TypeVar("SchemaT", bound=BaseModel)


class ZGWValueError(ValueError):
    """Raise from a Pydantic validator to report a specific ZGW error code."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(message)


def valid_rsin(value: str) -> str:
    """A non-empty value must be a valid RSIN (nine digits, eleven test)."""
    problem = rsin_problem(value) if value else None
    if problem is not None:
        raise ZGWValueError(*problem)
    return value


#: An RSIN field of a request body (bronorganisatie, verantwoordelijkeOrganisatie, rsin).
Rsin = Annotated[str, Field(min_length=1, max_length=9), AfterValidator(valid_rsin)]


#: Deeper than any ZGW document (a GeoJSON GeometryCollection of multipolygons inside a zaakobject
#: is about ten levels); deeper input is refused before anything walks it recursively.
MAX_DEPTH = 64


def _too_deep(data: Any) -> bool:
    pending: list[tuple[Any, int]] = [(data, 1)]
    while pending:
        value, depth = pending.pop()
        if isinstance(value, dict | list):
            if depth > MAX_DEPTH:
                return True
            children = value.values() if isinstance(value, dict) else value
            pending.extend((child, depth + 1) for child in children)
    return False


def _duration(value: str) -> str:
    try:
        parse_duration(value)
    except InvalidDuration:
        raise ZGWValueError("invalid", "Voer een geldige ISO 8601-duur in, bijvoorbeeld P10D.") from None
    return value


# An ISO 8601 duration by the one rule of zaakwerk.core.durations, kept as given (P1M and P30D are
# different durations).
Duration = Annotated[str, Field(max_length=40), AfterValidator(_duration)]


def read_json(request: HttpRequest) -> Any:
    content_type = request.content_type or ""
    if request.body and content_type and not content_type.endswith("json"):
        raise ApiError(415, "unsupported_media_type", f"Mediatype '{content_type}' wordt niet ondersteund.")
    if not request.body:
        return {}
    try:
        data = orjson.loads(request.body)
    except orjson.JSONDecodeError as exc:
        where = f" (regel {exc.lineno}, kolom {exc.colno})" if exc.lineno else ""
        raise ApiError(400, "parse_error", f"De inhoud is geen geldige JSON{where}.") from exc
    if _too_deep(data):
        raise ApiError(400, "parse_error", f"De JSON is dieper genest dan {MAX_DEPTH} niveaus.")
    return data


def _nul_characters(data: Any, path: tuple[str, ...] = ()) -> list[FieldError]:
    """Strings (values or keys) with NUL characters: databases refuse them, so they are refused as
    input, named by the path to them."""
    found: list[FieldError] = []
    if isinstance(data, str) and "\x00" in data:
        name = ".".join(path) or NON_FIELD
        found.append(FieldError(name, "null_characters_not_allowed", "NUL-tekens zijn niet toegestaan."))
    elif isinstance(data, dict):
        for key, value in data.items():
            found += _nul_characters(key, path) if "\x00" in key else _nul_characters(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _nul_characters(value, (*path, str(index)))
    return found


def validate(schema: type[SchemaT], data: Any) -> SchemaT:
    nul = {error.name: error for error in _nul_characters(data)}  # once per field
    if nul:
        raise ApiValidationError(nul.values())
    if not isinstance(data, dict):
        raise ApiValidationError([FieldError(NON_FIELD, "invalid", "Ongeldige data. Verwachtte een object.")])
    try:
        return schema.model_validate(data)
    except pydantic.ValidationError as exc:
        raise ApiValidationError(field_errors(exc, schema)) from exc


def parse_body(request: HttpRequest, schema: type[SchemaT]) -> SchemaT:
    """Parse and validate the JSON body; raise 400/415 in the standard's format."""
    return validate(schema, read_json(request))


_partials: dict[type[BaseModel], type[BaseModel]] = {}


def partial_schema(schema: type[SchemaT]) -> type[SchemaT]:
    """The same schema with every field optional, for PATCH.

    Missing fields get the default None without validation; a field that *is* sent is validated
    with its full type, so ``null`` for a non-nullable field is still refused.
    """
    found = _partials.get(schema)
    if found is None:
        fields: dict[str, Any] = {}
        for name, info in schema.model_fields.items():
            copy = info._copy()
            if info.is_required():
                copy.default = None
            fields[name] = (info.annotation, copy)
        found = pydantic.create_model(f"Partial{schema.__name__}", __base__=schema, **fields)
        _partials[schema] = found
    return found  # type: ignore[return-value]


def parse_partial(request: HttpRequest, schema: type[SchemaT]) -> tuple[SchemaT, set[str]]:
    """Parse a PATCH body: the validated values and the names of the fields that were sent."""
    instance = validate(partial_schema(schema), read_json(request))
    return instance, set(instance.model_fields_set)
