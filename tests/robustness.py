"""Request bodies for property-based tests, generated from the official spec.

Half the bodies follow the operation's request schema (so they reach the business rules),
half are arbitrary JSON (so they probe the parsing). Whatever comes in, the API must answer
with a 2xx or a 4xx in the standard's format — never a 5xx — and the response must match the
spec (the ZGWClient checks that on every call).
"""

from __future__ import annotations

from typing import Any, TypeAlias

from hypothesis import strategies as st

from tests.contract import load_spec

# A JSON document as a client may send it (integers of any size included).
Json: TypeAlias = bool | int | float | str | list["Json"] | dict[str, "Json"] | None


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
            return st.datetimes().map(lambda d: d.isoformat()) | texts
        return texts | st.just("x" * (limit + 1))
    return json_values


json_values: st.SearchStrategy[Json] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


def bodies(
    spec_file: str, path: str, method: str, overrides: dict[str, Json] | None = None
) -> st.SearchStrategy[Json]:
    """Bodies for one operation: schema-shaped (with fixed ``overrides``) or arbitrary JSON."""
    shaped = from_schema(request_schema(spec_file, path, method))
    if overrides:
        shaped = shaped.map(lambda body: {**body, **overrides} if isinstance(body, dict) else body)
    return st.one_of(shaped, json_values, st.dictionaries(st.text(max_size=20), json_values, max_size=6))
