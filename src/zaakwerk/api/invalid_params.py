"""Pydantic's validation errors as the standard's ``invalidParams`` (ADR 0002, ADR 0025).

- **Name**: the camelCase path of the field as the client knows it (``rollen.0.roltype``). The
  location Pydantic reports also holds the names of union members (``str-enum[…]``,
  ``literal['']``) and the key the client used (a snake_case name is accepted too); the location
  is walked along the schema's own types, so only fields, list indexes and dictionary keys remain,
  fields under their alias.
- **One entry per field**: a value that fails every member of a union gives Pydantic one error per
  member; the client gets one, the most telling (see :func:`_one_per_field`).
- **Reason**: Dutch, chosen by Pydantic's error type and filled from the error's context
  (``max_length``, ``expected``…), never Pydantic's English text. Messages of our own validators
  (``ZGWValueError``) are used as they are.
- **Code**: the codes of the reference implementations (RULES.md 9.1).
"""

from __future__ import annotations

import inspect
import re
import types
from collections.abc import Sequence
from typing import Annotated, Any, Union, get_args, get_origin

import pydantic
from pydantic import BaseModel
from pydantic_core import ErrorDetails

from zaakwerk.core.errors import NON_FIELD, FieldError

# --- codes ---------------------------------------------------------------------------------------

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
    "url_too_long": "max_length",
    "list_type": "not_a_list",
}

_CHOICES = frozenset({"enum", "literal_error"})


def _code(error: ErrorDetails) -> str:
    kind = error["type"]
    if kind in ("value_error", "assertion_error"):
        code = getattr(error.get("ctx", {}).get("error"), "code", None)
        return code if isinstance(code, str) else "invalid"
    if _is_null(error):
        return "null"
    if kind == "string_too_short":
        return "blank" if error.get("ctx", {}).get("min_length") == 1 else "min_length"
    return _CODES.get(kind, "invalid")


def _is_null(error: ErrorDetails) -> bool:
    """``null`` sent for a field that does not take it."""
    return (
        error["type"] not in ("missing", "value_error", "assertion_error") and error.get("input", ...) is None
    )


# --- Dutch reasons -------------------------------------------------------------------------------

_OBJECT = "Verwacht een object."
_LIST = "Verwacht een lijst."
_INTEGER = "Verwacht een geheel getal."
_NUMBER = "Verwacht een getal."
_DATE = "Verwacht een datum (JJJJ-MM-DD)."
_DATETIME = "Verwacht een datum en tijd (ISO 8601), bijv. 2024-01-01T12:00:00Z."
_TIME = "Verwacht een tijd (uu:mm:ss)."
_DURATION = "Verwacht een duur (ISO 8601), bijv. P10D."
_UUID = "Verwacht een UUID."
_URL = "Voer een geldige URL in."
_DECIMAL = "Verwacht een decimaal getal."
_BYTES = "Verwacht binaire gegevens."
#: For error types no request schema of ours can produce (Python-only checks, internals).
GENERIC = "Ongeldige waarde."

#: Pydantic error type → Dutch reason; ``{name}`` is filled from the error's context.
MESSAGES: dict[str, str] = {
    "missing": "Dit veld is vereist.",
    "extra_forbidden": "Dit veld is onbekend.",
    "json_invalid": "Geen geldige JSON.",
    "none_required": "Dit veld moet null zijn.",
    "string_type": "Verwacht een tekst.",
    "string_unicode": "Verwacht een tekst in geldige unicode.",
    "string_too_short": "Gebruik minimaal {min_length} tekens.",
    "string_too_long": "Gebruik maximaal {max_length} tekens.",
    "string_pattern_mismatch": "De waarde heeft niet het juiste formaat.",
    "string_not_ascii": "Gebruik alleen ASCII-tekens.",
    "dict_type": _OBJECT,
    "mapping_type": _OBJECT,
    "model_type": _OBJECT,
    "model_attributes_type": _OBJECT,
    "dataclass_type": _OBJECT,
    "list_type": _LIST,
    "tuple_type": _LIST,
    "set_type": _LIST,
    "frozen_set_type": _LIST,
    "deque_type": _LIST,
    "iterable_type": _LIST,
    "too_short": "Geef minimaal {min_length} elementen.",
    "too_long": "Geef maximaal {max_length} elementen.",
    "bool_type": "Verwacht true of false.",
    "bool_parsing": "Verwacht true of false.",
    "int_type": _INTEGER,
    "int_parsing": _INTEGER,
    "int_from_float": _INTEGER,
    "int_parsing_size": "Het getal is te groot.",
    "float_type": _NUMBER,
    "float_parsing": _NUMBER,
    "finite_number": "Verwacht een eindig getal.",
    "greater_than": "Geef een waarde groter dan {gt}.",
    "greater_than_equal": "Geef een waarde groter dan of gelijk aan {ge}.",
    "less_than": "Geef een waarde kleiner dan {lt}.",
    "less_than_equal": "Geef een waarde kleiner dan of gelijk aan {le}.",
    "multiple_of": "Geef een veelvoud van {multiple_of}.",
    "date_type": _DATE,
    "date_parsing": _DATE,
    "date_from_datetime_parsing": _DATE,
    "date_from_datetime_inexact": _DATE,
    "date_past": "De datum moet in het verleden liggen.",
    "date_future": "De datum moet in de toekomst liggen.",
    "datetime_type": _DATETIME,
    "datetime_parsing": _DATETIME,
    "datetime_from_date_parsing": _DATETIME,
    "datetime_object_invalid": _DATETIME,
    "datetime_past": "Het moment moet in het verleden liggen.",
    "datetime_future": "Het moment moet in de toekomst liggen.",
    "timezone_naive": "Geef een datum en tijd zonder tijdzone.",
    "timezone_aware": "Geef een datum en tijd met tijdzone.",
    "timezone_offset": "Verwacht tijdzone {tz_expected}.",
    "time_type": _TIME,
    "time_parsing": _TIME,
    "time_delta_type": _DURATION,
    "time_delta_parsing": _DURATION,
    "uuid_type": _UUID,
    "uuid_parsing": _UUID,
    "uuid_version": _UUID,
    "url_type": _URL,
    "url_parsing": _URL,
    "url_syntax_violation": _URL,
    "url_scheme": _URL,
    "url_too_long": "Gebruik maximaal {max_length} tekens.",
    "decimal_type": _DECIMAL,
    "decimal_parsing": _DECIMAL,
    "decimal_max_digits": "Gebruik maximaal {max_digits} cijfers.",
    "decimal_max_places": "Gebruik maximaal {decimal_places} decimalen.",
    "decimal_whole_digits": "Gebruik maximaal {whole_digits} cijfers voor de komma.",
    "bytes_type": _BYTES,
    "bytes_invalid_encoding": _BYTES,
    "bytes_too_short": "Geef minimaal {min_length} bytes.",
    "bytes_too_long": "Geef maximaal {max_length} bytes.",
}


def _choices(expected: str) -> list[str]:
    """``"'a', 'b' or 'c'"`` (Pydantic's context) → ``["'a'", "'b'", "'c'"]``."""
    return [part for part in re.split(r", | or ", expected) if part]


def _choice_reason(value: Any, expected: list[str]) -> str:
    options = ", ".join(expected[:-1]) + " of " + expected[-1] if len(expected) > 1 else "".join(expected)
    shown = f"'{value}'" if isinstance(value, str | int | float) and not isinstance(value, bool) else "Dit"
    return f"{shown} is geen geldige keuze; kies {options}."


def _reason(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx = error.get("ctx", {})
    if kind in ("value_error", "assertion_error"):
        # our validators raise ZGWValueError (or a ValueError) with a Dutch message
        cause = ctx.get("error")
        if isinstance(cause, ValueError) and str(cause):
            return str(cause)
        return "Voer een geldig e-mailadres in." if "email address" in error["msg"] else GENERIC
    if _is_null(error):
        return "Dit veld mag niet null zijn."
    if kind == "string_too_short" and ctx.get("min_length") == 1:
        return "Dit veld mag niet leeg zijn."
    if kind in _CHOICES:
        return _choice_reason(error.get("input"), _choices(str(ctx.get("expected", ""))))
    try:
        return MESSAGES.get(kind, GENERIC).format(**ctx)
    except (KeyError, IndexError, ValueError):
        return GENERIC


# --- names ---------------------------------------------------------------------------------------


def _members(annotation: Any) -> list[Any]:
    """The types a value of ``annotation`` may have: Annotated unwrapped, unions flattened."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _members(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        return [member for arg in get_args(annotation) for member in _members(arg)]
    return [annotation]


def _field(model: type[BaseModel], key: str) -> tuple[str, Any] | None:
    for name, info in model.model_fields.items():
        if key in (name, info.alias):
            return info.alias or name, info.annotation
    return None


_SEQUENCES = (list, tuple, set, frozenset, Sequence)


def _step(candidates: list[Any], part: int | str) -> tuple[str, list[Any]] | None:
    """The name of ``part`` and the types below it, or None when it is a union member's tag."""
    members = [member for candidate in candidates for member in _members(candidate)]
    if isinstance(part, str):
        for member in members:
            if inspect.isclass(member) and issubclass(member, BaseModel):
                found = _field(member, part)
                if found is not None:
                    return found[0], [found[1]]
    for member in members:
        origin = get_origin(member) or member
        if isinstance(part, int) and origin in _SEQUENCES:
            return str(part), list(get_args(member)[:1]) or [Any]
        if isinstance(part, str) and origin is dict and len(members) == 1:
            return part, list(get_args(member)[1:2]) or [Any]
    if members == [Any]:
        return str(part), [Any]
    return None


def _name(schema: type[BaseModel], loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    candidates: list[Any] = [schema]
    for part in loc:
        step = _step(candidates, part)
        if step is not None:
            parts.append(step[0])
            candidates = step[1]
    return ".".join(parts) or NON_FIELD


# --- one entry per field -------------------------------------------------------------------------


def _one_per_field(name: str, errors: list[ErrorDetails]) -> FieldError:
    """Errors on one field from the members of a union, as one entry.

    ``null`` for a field that does not take it says so once; a value that is none of the choices
    of an enum-or-literal union lists every choice; otherwise a member that accepted the value's
    type and refused its content (``max_length``) tells more than one that refused the type.
    """
    first = errors[0]
    if len(errors) == 1 or _is_null(first):
        return FieldError(name, _code(first), _reason(first))
    if all(error["type"] in _CHOICES for error in errors):
        expected = [
            choice for error in errors for choice in _choices(str(error.get("ctx", {}).get("expected")))
        ]
        return FieldError(name, "invalid_choice", _choice_reason(first.get("input"), expected))
    # a member that refused the value's type (or is a literal) tells less than one that took the type
    content = [e for e in errors if not e["type"].endswith(("_type", "_parsing", "literal_error"))]
    chosen = (content or errors)[0]
    return FieldError(name, _code(chosen), _reason(chosen))


def field_errors(exc: pydantic.ValidationError, schema: type[BaseModel]) -> list[FieldError]:
    """The errors of validating input against ``schema``, as ``invalidParams`` entries."""
    grouped: dict[str, list[ErrorDetails]] = {}
    for error in exc.errors(include_url=False):
        grouped.setdefault(_name(schema, tuple(error["loc"])), []).append(error)
    return [_one_per_field(name, errors) for name, errors in grouped.items()]
