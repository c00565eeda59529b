"""Request bodies for property-based tests, generated from the official spec.

Half the bodies follow the operation's request schema (so they reach the business rules),
half are arbitrary JSON (so they probe the parsing). Whatever comes in, the API must answer
with a 2xx or a 4xx in the standard's format — never a 5xx — and the response must match the
spec (the ZGWClient checks that on every call).
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import Any, TypeAlias

from hypothesis import strategies as st

from tests.contract import load_spec
from zaakwerk.api.versions import APIS
from zaakwerk.core.errors import NON_FIELD

# A JSON document as a client may send it (integers of any size included).
Json: TypeAlias = bool | int | float | str | list["Json"] | dict[str, "Json"] | None


def _nested(depth: int) -> Json:
    value: Json = []
    for _ in range(depth):
        value = [value]
    return value


def _inline(spec: dict[str, Any], node: Any, depth: int = 0) -> Any:
    """OpenAPI 3.0 schema → plain JSON Schema: refs inlined, nullable and readOnly translated."""
    if isinstance(node, list):
        return [_inline(spec, item, depth) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        if not node["$ref"].startswith("#/"):
            return {}  # a schema of a sibling API (expand): any value will do for a request body
        target: Any = spec
        for part in node["$ref"][2:].split("/"):
            target = target[part]
        return _inline(spec, target, depth + 1) if depth < 8 else {}
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in ("readOnly", "writeOnly", "example", "examples", "description", "title", "discriminator"):
            continue
        if key == "properties":
            out[key] = {
                name: _inline(spec, sub, depth)
                for name, sub in value.items()
                if not (isinstance(sub, dict) and sub.get("readOnly"))
            }
        else:
            out[key] = _inline(spec, value, depth)
    if "required" in out and "properties" in out:
        out["required"] = [name for name in out["required"] if name in out["properties"]]
    if out.pop("nullable", False):
        out = {"anyOf": [out, {"type": "null"}]}
    # format "uri" and friends: any string will do, the server must cope
    if out.get("format") in ("uri", "email", "duration", "uuid"):
        out.pop("format")
    return out


def request_schema(spec_file: str, path: str, method: str) -> dict[str, Any]:
    spec = load_spec(spec_file)
    request_body: Any = spec["paths"][path][method]["requestBody"]
    if "$ref" in request_body:  # e.g. Autorisaties: #/components/requestBodies/Applicatie
        target: Any = spec
        for part in request_body["$ref"][2:].split("/"):
            target = target[part]
        request_body = target
    body = request_body["content"]
    media = body.get("application/json") or next(iter(body.values()))
    schema: dict[str, Any] = _inline(spec, media["schema"])
    return schema


def from_schema(schema: dict[str, Any], depth: int = 0) -> st.SearchStrategy[Json]:
    """Values that follow ``schema`` closely (types, enums, lengths), with edge cases."""
    if "anyOf" in schema or "oneOf" in schema:
        return st.one_of([from_schema(s, depth) for s in schema.get("anyOf") or schema["oneOf"]])
    if "allOf" in schema:
        merged: dict[str, Any] = {}
        for part in schema["allOf"]:
            merged.update(part)
        return from_schema(merged, depth)
    if "enum" in schema:
        return st.sampled_from([v for v in schema["enum"]] or [""]) | st.text(max_size=12)
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        required = [n for n in schema.get("required", []) if n in props]
        optional = [n for n in props if n not in required]
        if depth > 3:
            return st.just({})
        return st.fixed_dictionaries(
            {n: from_schema(props[n], depth + 1) for n in required},
            optional={n: from_schema(props[n], depth + 1) for n in optional},
        )
    if kind == "array":
        return st.lists(from_schema(schema.get("items", {}), depth + 1), max_size=3)
    if kind == "integer":
        return st.integers(min_value=-(2**63), max_value=2**63)
    if kind == "number":
        return st.floats(allow_nan=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "string":
        fmt = schema.get("format")
        limit = schema.get("maxLength", 50)
        texts = st.text(max_size=min(limit + 2, 60))
        if fmt == "date":
            return st.dates().map(str) | texts
        if fmt == "date-time":
            return st.datetimes().map(lambda d: d.isoformat()) | moments | texts
        return texts | st.just("x" * (limit + 1))
    return json_values


#: Date-times every ISO 8601 parser reads and no database stores: offsets beyond ±15:59, and
#: moments that leave the calendar when converted to UTC.
moments: st.SearchStrategy[str] = st.builds(
    lambda day, hours, minutes, sign: f"{day.isoformat()}T12:00:00{sign}{hours:02d}:{minutes:02d}",
    st.sampled_from([date(1, 1, 1), date(2024, 3, 1), date(9999, 12, 31)]),
    st.integers(0, 23),
    st.integers(0, 59),
    st.sampled_from("+-"),
) | st.sampled_from(["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "2024-01-01T00:00:00+23:59"])

#: Values that once reached a 500: nesting deeper than any document, integers beyond any float.
hostile: st.SearchStrategy[Json] = st.sampled_from(
    [
        _nested(200),
        10**400,
        -(10**400),
        "\x00",
        "9" * 5000,
    ]
)

json_values: st.SearchStrategy[Json] = (
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
        lambda children: (
            st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
        ),
        max_leaves=12,
    )
    | hostile
    | moments
)


def bodies(
    spec_file: str, path: str, method: str, overrides: dict[str, Json] | None = None
) -> st.SearchStrategy[Json]:
    """Bodies for one operation: schema-shaped (with fixed ``overrides``) or arbitrary JSON."""
    shaped = from_schema(request_schema(spec_file, path, method))
    if overrides:
        shaped = shaped.map(lambda body: {**body, **overrides} if isinstance(body, dict) else body)
    return st.one_of(shaped, json_values, st.dictionaries(st.text(max_size=20), json_values, max_size=6))


# --- what every error answer must be -------------------------------------------------------------

#: Pydantic's (and other libraries') English texts start like this; no reason or detail may.
ENGLISH = re.compile(
    r"^(Input |Field |String |Value error|List |Extra |Invalid|Data |URL |UUID |Decimal |Datetimes? |"
    r"Date |Timezone |Unable |Keys |Object |Assertion |Dictionary |Tuple |Set |JSON |Expecting |"
    r"This |Ensure |Not |Enter |Method |Unsupported |Authentication |You )"
)


@functools.cache
def spec_names() -> frozenset[str]:
    """Every property and parameter name of every served API: the words a field path may use."""
    names: set[str] = {NON_FIELD}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            names.update(node.get("properties", {}) if isinstance(node.get("properties"), dict) else ())
            if isinstance(node.get("name"), str) and node.get("in") in ("query", "header", "path"):
                names.add(node["name"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for info in APIS.values():
        walk(load_spec(info.spec_file))
    return frozenset(names)


def names_a_field(name: str, body: Any) -> bool:
    """True when ``name`` is a path through ``body`` (indexes and keys as sent, a key may hold a
    dot) or, where the body has nothing (a missing field), a name the standard's schemas use."""
    if name == "":
        return True
    if isinstance(body, list):
        index, _, rest = name.partition(".")
        if index.isdigit() and int(index) < len(body) and names_a_field(rest, body[int(index)]):
            return True
    if isinstance(body, dict):
        for key, value in body.items():
            if (name == key or name.startswith(f"{key}.")) and names_a_field(name[len(key) + 1 :], value):
                return True
    first, _, rest = name.partition(".")
    return first in spec_names() and names_a_field(rest, None)


def check_problem(response: Any, body: Any = None) -> None:
    """An error answer: Dutch texts; for a 400 one entry per field, each naming a field of the body."""
    if response.status_code < 400 or not isinstance(response.json_body, dict):
        return
    problem = response.json_body
    assert not ENGLISH.match(str(problem.get("detail", ""))), problem
    assert not ENGLISH.match(str(problem.get("title", ""))), problem
    entries = problem.get("invalidParams", [])
    errors = [(entry["name"], entry["code"]) for entry in entries]
    assert len(errors) == len(set(errors)), f"one entry per error per field: {errors}"
    for entry in entries:
        assert names_a_field(entry["name"], body), f"{entry['name']!r} names no field of {body!r:.300}"
        assert not ENGLISH.match(entry["reason"]), entry
