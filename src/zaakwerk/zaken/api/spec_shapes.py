"""Validate a polymorphic part of a request body against the official Zaken API schema.

``Rol.betrokkeneIdentificatie`` has five shapes (one per ``betrokkeneType``) and
``ZaakObject.objectIdentificatie`` thirty-one (one per ``objectType``), several of them nested
several levels deep. Rather than restating each of them as a Pydantic model, the shape is read
from the vendored OpenAPI document — the contract itself — and checked with the small subset of
JSON Schema the OAS uses for them (types, lengths, patterns, enums, required, nesting). Errors
carry the same codes as the rest of the request validation (RULES.md 1.4).
"""

from __future__ import annotations

import functools
import re
from datetime import date, datetime
from typing import Any

import yaml

from zaakwerk.api.versions import SPEC_DIR
from zaakwerk.core.errors import FieldError

Schema = dict[str, Any]

_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
}


@functools.cache
def _components() -> dict[str, Schema]:
    with (SPEC_DIR / "zaken-1.7.0.yaml").open(encoding="utf-8") as handle:
        spec = yaml.safe_load(handle)
    schemas: dict[str, Schema] = spec["components"]["schemas"]
    return schemas


def _deref(schema: Schema) -> Schema:
    while "$ref" in schema:
        schema = _components()[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


@functools.cache
def variant_schema(resource: str, discriminator: str, field: str) -> Schema | None:
    """The schema of ``field`` for one discriminator value, e.g. ("Rol", "vestiging", …)."""
    base = _components()[resource]
    target = base["discriminator"]["mapping"].get(discriminator)
    if target is None:
        return None
    for part in _deref({"$ref": target}).get("allOf", []):
        found = _deref(part).get("properties", {}).get(field)
        if found is not None:
            return _deref(found)
    return None


def validate(schema: Schema, value: Any, path: str) -> list[FieldError]:
    """The errors of ``value`` against ``schema`` (empty when it conforms)."""
    schema = _deref(schema)
    if value is None:
        if schema.get("nullable"):
            return []
        return [FieldError(path, "null", "Dit veld mag niet leeg zijn.")]
    if "allOf" in schema:
        errors: list[FieldError] = []
        for part in schema["allOf"]:
            errors += validate(part, value, path)
        return errors
    if "oneOf" in schema:
        options = [validate(part, value, path) for part in schema["oneOf"]]
        return [] if any(not option for option in options) else options[0]
    if "enum" in schema:
        if value not in schema["enum"]:
            return [FieldError(path, "invalid_choice", f"'{value}' is geen geldige keuze.")]
        return []
    kind = schema.get("type")
    if kind is not None and not _is_type(value, kind):
        return [FieldError(path, "invalid", f"Verwacht een waarde van het type {kind}.")]
    if isinstance(value, str):
        return _string(schema, value, path)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _number(schema, value, path)
    if isinstance(value, list):
        item = schema.get("items", {})
        return [
            error for index, entry in enumerate(value) for error in validate(item, entry, f"{path}.{index}")
        ]
    if isinstance(value, dict):
        return _object(schema, value, path)
    return []


def _is_type(value: Any, kind: str) -> bool:
    if kind in ("integer", "number") and isinstance(value, bool):
        return False
    return isinstance(value, _TYPES.get(kind, (object,)))


def _string(schema: Schema, value: str, path: str) -> list[FieldError]:
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        return [FieldError(path, "max_length", f"Maximaal {schema['maxLength']} tekens.")]
    if "minLength" in schema and len(value) < schema["minLength"]:
        return [FieldError(path, "min_length", f"Minimaal {schema['minLength']} tekens.")]
    if value and "pattern" in schema and not re.search(schema["pattern"], value):
        return [FieldError(path, "invalid", "De waarde heeft niet het juiste formaat.")]
    if value and not _format_ok(schema.get("format"), value):
        return [FieldError(path, "invalid", f"Geen geldige waarde voor formaat {schema['format']}.")]
    return []


def _format_ok(fmt: str | None, value: str) -> bool:
    try:
        if fmt == "date":
            date.fromisoformat(value)
        elif fmt == "date-time":
            datetime.fromisoformat(value.replace("Z", "+00:00"))
        elif fmt == "uri":
            return value.startswith(("http://", "https://"))
    except ValueError:
        return False
    return True


def _number(schema: Schema, value: float, path: str) -> list[FieldError]:
    if "maximum" in schema and value > schema["maximum"]:
        return [FieldError(path, "max_value", f"De waarde mag niet groter zijn dan {schema['maximum']}.")]
    if "minimum" in schema and value < schema["minimum"]:
        return [FieldError(path, "min_value", f"De waarde mag niet kleiner zijn dan {schema['minimum']}.")]
    return []


def _object(schema: Schema, value: dict[str, Any], path: str) -> list[FieldError]:
    errors = [
        FieldError(f"{path}.{name}", "required", "Dit veld is vereist.")
        for name in schema.get("required", [])
        if name not in value
    ]
    for name, sub in schema.get("properties", {}).items():
        if name in value:
            errors += validate(sub, value[name], f"{path}.{name}")
    return errors
