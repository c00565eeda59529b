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
from zaakwerk.core.durations import InvalidDuration, parse_duration
from zaakwerk.core.errors import NON_FIELD, FieldError


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

# Pydantic error types → the error codes the standard's reference implementations use.
_CODES = {
    "missing": "required",
    "string_too_long": "max_length",
    "too_long": "max_length",
    "too_short": "min_length",
    "literal_error": "invalid_choice",
    "enum": "invalid_choice",
    "greater_than_equal": "min_value",
    "greater_than": "min_value",
    "less_than_equal": "max_value",
    "less_than": "max_value",
    "url_parsing": "invalid",
    "url_scheme": "invalid",
    "url_too_long": "max_length",
    "list_type": "not_a_list",
    "dict_type": "invalid",
    "model_type": "invalid",
    "string_pattern_mismatch": "invalid",
}


def _code(error: Any) -> str:
    kind = error["type"]
    if kind == "string_too_short":
        return "blank" if error.get("ctx", {}).get("min_length") == 1 else "min_length"
    if kind.endswith("_type") and error.get("input", ...) is None:
        return "null"
    if kind == "value_error":
        ctx_error = error.get("ctx", {}).get("error")
        code = getattr(ctx_error, "code", None)
        if isinstance(code, str):
            return code
    return _CODES.get(kind, "invalid")


def _name(loc: tuple[int | str, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "payload")]
    # union/tagged types put the variant name in the location; it is not a field
    parts = [p for p in parts if not p.startswith(("function-", "union[", "nullable["))]
    return ".".join(parts) or NON_FIELD


def field_errors(exc: pydantic.ValidationError) -> list[FieldError]:
    errors = []
    for error in exc.errors(include_url=False):
        reason = error["msg"]
        if reason.startswith("Value error, "):
            reason = reason.removeprefix("Value error, ")
        errors.append(FieldError(_name(tuple(error["loc"])), _code(error), reason))
    return errors


class ZGWValueError(ValueError):
    """Raise from a Pydantic validator to report a specific ZGW error code."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(message)


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
        return orjson.loads(request.body)
    except orjson.JSONDecodeError as exc:
        raise ApiError(400, "parse_error", f"JSON kon niet gelezen worden: {exc}") from exc


def _nul_characters(data: Any, path: str = "") -> list[FieldError]:
    """Strings with NUL characters: databases refuse them, so they are refused as input."""
    if isinstance(data, str):
        return (
            [FieldError(path or NON_FIELD, "null_characters_not_allowed", "NUL-tekens zijn niet toegestaan.")]
            if "\x00" in data
            else []
        )
    if isinstance(data, dict):
        found = []
        for key, value in data.items():
            found += _nul_characters(value, f"{path}.{key}" if path else str(key))
        return found
    if isinstance(data, list):
        found = []
        for index, value in enumerate(data):
            found += _nul_characters(value, f"{path}.{index}" if path else str(index))
        return found
    return []


def validate(schema: type[SchemaT], data: Any) -> SchemaT:
    nul = _nul_characters(data)
    if nul:
        raise ApiValidationError(nul)
    if not isinstance(data, dict):
        raise ApiValidationError([FieldError(NON_FIELD, "invalid", "Ongeldige data. Verwachtte een object.")])
    try:
        return schema.model_validate(data)
    except pydantic.ValidationError as exc:
        raise ApiValidationError(field_errors(exc)) from exc


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
            copy = info._copy()  # type: ignore[attr-defined]
            if info.is_required():
                copy.default = None
            fields[name] = (info.annotation, copy)
        found = pydantic.create_model(  # type: ignore[call-overload]
            f"Partial{schema.__name__}", __base__=schema, **fields
        )
        _partials[schema] = found
    return found  # type: ignore[return-value]


def parse_partial(request: HttpRequest, schema: type[SchemaT]) -> tuple[SchemaT, set[str]]:
    """Parse a PATCH body: the validated values and the names of the fields that were sent."""
    instance = validate(partial_schema(schema), read_json(request))
    return instance, set(instance.model_fields_set)
