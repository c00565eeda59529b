"""Extensions of a served OpenAPI document: what Zaakwerk offers beyond the ZGW standard.

The vendored spec files stay exactly as published. A register that offers an operation the
standard does not have writes an OpenAPI fragment (paths and component schemas) for its API, and
the composition root registers it in :data:`extension_fragments`; the document served at
``/<api>/api/v1/schema/openapi.yaml`` is the official one with those fragments merged in. Every
merged operation and schema is marked ``x-zaakwerk-extension: true`` so a client (or a
conformance check) can tell it apart. The mark is never put on a path item: clients such as
``gemma-zds-client`` read every key of a path item except ``parameters`` as an operation, and a
boolean there breaks them before they send anything.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from zaakwerk.core.registry import Registry

MARK = "x-zaakwerk-extension"
NOTICE = "Uitbreiding van Zaakwerk: geen onderdeel van de ZGW-standaard."
_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


@dataclass(frozen=True)
class Fragment:
    """An OpenAPI 3 YAML file with what API ``segment`` offers beyond the standard: operations and
    component schemas that the official document does not have (a fragment adds, never replaces)."""

    segment: str
    path: Path


#: The extensions of the served documents, by a name of the extension.
extension_fragments: Registry[Fragment] = Registry("OpenAPI extensions")


def fragments(segment: str) -> tuple[Path, ...]:
    """The fragments merged into the document of API ``segment``, in the order of their names."""
    return tuple(fragment.path for _, fragment in extension_fragments.items() if fragment.segment == segment)


def load_fragment(fragment: Path) -> dict[str, Any]:
    data = yaml.safe_load(fragment.read_text())
    if not isinstance(data, dict):
        raise ValueError(f"{fragment.name} is no OpenAPI fragment")
    return data


def _mark(node: dict[str, Any]) -> None:
    node[MARK] = True
    description = str(node.get("description") or "")
    if NOTICE not in description:
        node["description"] = f"{NOTICE}\n\n{description}".strip()


def merge(spec: dict[str, Any], fragment: dict[str, Any]) -> dict[str, Any]:
    """``spec`` with the operations and component schemas of ``fragment``, each marked; a copy.

    A fragment adds, never replaces: an operation or schema the document already has is an error,
    so an extension can never change what the standard defines. A fragment may add an operation
    to a path the standard has (a method the standard does not define there).
    """
    merged = copy.deepcopy(spec)
    paths = merged.setdefault("paths", {})
    for template, item in (fragment.get("paths") or {}).items():
        target = paths.setdefault(template, {})
        for key, value in item.items():
            if key not in _METHODS:
                if key in target and target[key] != value:
                    raise ValueError(f"extension path {template} changes its {key}")
                target.setdefault(key, copy.deepcopy(value))
                continue
            if key in target:
                raise ValueError(f"extension operation {key.upper()} {template} is already in the document")
            operation = copy.deepcopy(value)
            _mark(operation)
            target[key] = operation
    schemas = merged.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in ((fragment.get("components") or {}).get("schemas") or {}).items():
        if name in schemas:
            raise ValueError(f"extension schema {name} is already in the document")
        schema = copy.deepcopy(schema)
        _mark(schema)
        schemas[name] = schema
    return merged


def extended(segment: str, spec: dict[str, Any]) -> dict[str, Any]:
    """The document ``spec`` of API ``segment`` with every registered fragment merged in."""
    for fragment in fragments(segment):
        spec = merge(spec, load_fragment(fragment))
    return spec
