"""Validate API responses against the official OpenAPI specifications (STYLE.md 11).

Every response the test client receives under ``/<api>/api/v1/`` is checked: the status code
must be declared for the operation, and a JSON body must match the declared schema.
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass
from typing import Any

import orjson
from jsonschema import FormatChecker
from openapi_schema_validator import OAS30Validator, oas30_format_checker

from zaakwerk.api import documents
from zaakwerk.api.versions import APIS

_SEGMENTS = {info.spec_file: segment for segment, info in APIS.items()}

# The validator's own format checks, plus ``uri``, which it leaves unchecked: a ``format: uri``
# field holds an absolute URI, so ``""`` (or a relative path) is a contract violation.
FORMATS = FormatChecker()
FORMATS.checkers = dict(oas30_format_checker.checkers)
_ABSOLUTE_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$")


def _is_absolute_uri(value: object) -> bool:
    return not isinstance(value, str) or bool(_ABSOLUTE_URI.match(value))


FORMATS.checks("uri")(_is_absolute_uri)


class ContractViolation(AssertionError):
    pass


@dataclass
class Operation:
    template: str
    regex: re.Pattern[str]
    spec: dict[str, Any]


@functools.cache
def load_spec(filename: str) -> dict[str, Any]:
    """The document an API serves (self-contained, with its extensions), read as the texts mean."""
    spec = copy.deepcopy(documents.extended(_SEGMENTS[filename]))
    _read_expand_schemas_as_meant(spec)
    return spec


_CATCH_ALL = {"#/components/schemas/EmptyObject", "#/components/schemas/GenesteExpansie"}


def _is_catch_all(schema: dict[str, Any]) -> bool:
    """A schema any object matches: GenesteExpansie, or an inline ``type: object`` with no rules."""
    if schema.get("$ref") in _CATCH_ALL:
        return True
    return schema.get("type") == "object" and not set(schema) - {
        "type",
        "description",
        "title",
        "additionalProperties",
    }


def _read_expand_schemas_as_meant(spec: dict[str, Any]) -> None:
    """Three slips in the expand schemas (Zaken/Documenten/Besluiten 1.6+), read as the texts mean.

    - ``EmptyObject`` ("Leeg object … indien het te expanderen veld een null waarde heeft") has no
      size limit, so it matches every object: checked as an object without properties.
    - ``oneOf: [<Resource>, GenesteExpansie]`` (or an inline rule-less object): the second accepts
      any object, so a valid expansion matches both branches and fails ``oneOf``: read as ``anyOf``.
    - Not every ``*Embedded`` member lists ``EmptyObject`` although the rule for a null reference is
      the same everywhere: every member also accepts the empty object.
    """
    schemas = spec.get("components", {}).get("schemas", {})
    if "EmptyObject" not in schemas:
        return
    schemas["EmptyObject"]["maxProperties"] = 0

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            branches = node.get("oneOf")
            if isinstance(branches, list) and any(_is_catch_all(b) for b in branches):
                node["anyOf"] = node.pop("oneOf")
            for value in node.values():
                walk(value)

    walk(schemas)
    empty = {"$ref": "#/components/schemas/EmptyObject"}
    for name, schema in schemas.items():
        if name.endswith("Embedded"):
            for key, member in list(schema.get("properties", {}).items()):
                if member.get("type") == "array":
                    member["items"] = {"anyOf": [member.get("items", {}), empty]}
                else:
                    schema["properties"][key] = {"anyOf": [member, empty]}


@functools.cache
def operations(segment: str) -> list[Operation]:
    spec = load_spec(APIS[segment].spec_file)
    ops = []
    for template, item in spec["paths"].items():
        pattern = re.sub(r"\{[^}]+\}", r"[^/]+", template)
        ops.append(Operation(template, re.compile(f"^{pattern}$"), item))
    # literal paths first: /applicaties/consumer before /applicaties/{uuid}
    ops.sort(key=lambda op: op.template.count("{"))
    return ops


def _resolve(spec: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            raise ContractViolation(f"external $ref not resolvable: {ref}")
        target: Any = spec
        for part in ref[2:].split("/"):
            target = target[part]
        node = target
    return node


def _validator(schema: dict[str, Any], spec: dict[str, Any]) -> OAS30Validator:
    wrapped = dict(schema)
    wrapped["components"] = spec.get("components", {})
    return OAS30Validator(wrapped, format_checker=FORMATS)


def check_response(method: str, path: str, status: int, content_type: str, body: bytes) -> None:
    """Raise ContractViolation when the response does not match the spec."""
    match = re.match(r"^/([a-z]+)/api/v1(/.*)$", path)
    if not match or match.group(1) not in APIS:
        return
    segment, sub = match.group(1), match.group(2)
    if sub.startswith("/schema") or sub in ("/", "/openapi.yaml", "/openapi.json"):
        return  # the documents and the API root are no operations of the spec (tests/test_documents.py)
    info = APIS[segment]
    spec = load_spec(info.spec_file)
    operation = None
    # extension operations (x-zaakwerk-extension) are in the served document, checked alike
    for op in operations(segment):
        if op.regex.match(sub):
            operation = op.spec.get(method.lower())
            break
    if operation is None:
        if status in (404, 405):
            return
        raise ContractViolation(f"{method} {sub} is not an operation of {info.title} {info.version}")
    responses = operation.get("responses", {})
    declared = responses.get(str(status)) or responses.get("default")
    if declared is None and status == 304 and method in ("GET", "HEAD"):
        # RULES.md 1.10: If-None-Match → 304; the spec says so in text on the resources with ETags
        head = next((op.spec.get("head") for op in operations(segment) if op.regex.match(sub)), None)
        if head is not None:
            return
    if declared is None and "200" in responses and (method, status) in (("POST", 201), ("DELETE", 204)):
        # Catalogi 1.3.3 declares 200 for POST /informatieobjecttypen and for DELETE of the
        # main types (a generator slip; every other create/delete says 201/204, RULES.md 1.1).
        declared = responses["200"]
    if declared is None and status == 400 and method == "DELETE" and segment in ("catalogi", "documenten"):
        # ztc-009: deleting a published type, drc-008: deleting a document that still has
        # objectinformatieobjecten, are a 400 (ValidatieFout) the DELETE operations do not declare.
        fout = {"schema": {"$ref": "#/components/schemas/ValidatieFout"}}
        declared = {"content": {"application/problem+json": fout}}
    if declared is None and status == 400 and method == "GET":
        # Unknown or invalid query parameters are a 400 on every list (RULES.md 1.1), also where
        # a list operation declares no 400 (Referentielijsten: the plain-array lists).
        fout = {"schema": {"$ref": "#/components/schemas/ValidatieFout"}}
        declared = {"content": {"application/problem+json": fout}}
    if declared is None and status == 413 and "requestBody" in operation:
        # A body over ZGW_MAX_REQUEST_SIZE (ADR 0024): no operation declares 413; the body is a Fout.
        declared = {
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Fout"}}}
        }
    if declared is None and status == 404:
        # An out-of-range page is a 404 (RULES.md 1.3) though list operations do not declare it.
        declared = {
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Fout"}}}
        }
    if declared is None:
        raise ContractViolation(
            f"{method} {sub}: status {status} not declared "
            f"(declared: {sorted(responses)}); body={body[:300]!r}"
        )
    declared = _resolve(spec, declared)
    if status in (204, 304) or method == "HEAD" or not body:
        return
    content = declared.get("content") or {}
    media_type = content_type.split(";")[0].strip()
    if media_type == "application/octet-stream":
        # a download: the spec declares the media type, there is no JSON to check
        if media_type not in content:
            raise ContractViolation(f"{method} {sub} → {status}: {media_type} not declared")
        return
    media = content.get(media_type)
    if media is None:
        media = content.get("application/json") or content.get("application/problem+json")
    if media is None or "schema" not in media:
        return
    data = orjson.loads(body)
    validator = _validator(media["schema"], spec)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    if errors and status == 200 and operation.get("operationId") == "zaak__zoek":
        errors = _selected_fields_errors(data, media["schema"], info.spec_file)
    if errors:
        details = "\n".join(
            f"  at {'/'.join(str(p) for p in e.path) or '<root>'}: {e.message[-300:]}" for e in errors[:10]
        )
        raise ContractViolation(f"{method} {sub} → {status} does not match the spec:\n{details}")


# ``fields`` on POST /zaken/_zoek (zrc-029) answers with the fields the client chose, while the
# answer's schema (PaginatedZaakList → ZaakExpanded → Zaak) still lists fifteen required
# properties: a selection without them cannot match it. Only for that operation, a response that
# fails the schema is checked again with every ``required`` removed — types, formats, enums and
# nesting of what *is* present are still checked. The full representation stays strictly checked
# by every GET /zaken test (the same rendering). docs/adr/0017-fields-on-zoek.md.


def _without_required(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: _without_required(value) for key, value in node.items() if key != "required"}
    if isinstance(node, list):
        return [_without_required(item) for item in node]
    return node


def _selected_fields_errors(data: Any, schema: dict[str, Any], filename: str) -> list[Any]:
    wrapped = dict(schema)
    wrapped["components"] = _without_required(load_spec(filename).get("components", {}))
    validator = OAS30Validator(wrapped, format_checker=FORMATS)
    return sorted(validator.iter_errors(data), key=lambda e: list(e.path))
