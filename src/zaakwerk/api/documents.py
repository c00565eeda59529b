"""The OpenAPI document each API serves: the official one, self-contained, aimed at this deployment.

Three steps turn a vendored file (``specs/``, kept exactly as published) into the served document:

1. **Self-contained.** The expand schemas of Zaken, Documenten and Besluiten refer to sibling
   specifications by relative paths of the upstream repository
   (``../../../../catalogi/ztc/1.3.x/1.3.2/openapi.yaml#/components/schemas/ZaakType``), which
   resolve nowhere a client downloads the document from. Each such schema is copied into this
   document's ``components/schemas`` from the vendored sibling of that API (the versions this
   deployment serves, see ``specs/SOURCES.md``), together with every schema it refers to, and the
   reference is rewritten to point there. A copied schema keeps its name when the document has no
   schema of that name, or has the very same one; otherwise it is prefixed with its API
   (``CatalogiZaakType``).
2. **Extensions** registered by the registers are merged in (:mod:`zaakwerk.api.extensions`).
3. **Servers** name this deployment's own base URL of the API (``ZAAKWERK_PUBLIC_URL``), so
   documentation try-outs, code generators and Postman imports aim at it, not at VNG's test hosts.
"""

from __future__ import annotations

import copy
import functools
import re
from typing import Any

import orjson
import yaml
from django.conf import settings

from zaakwerk.api import extensions
from zaakwerk.api.versions import APIS

# ../../../../catalogi/ztc/1.3.x/1.3.2/openapi.yaml#/components/schemas/ZaakType
_UPSTREAM_REF = re.compile(
    r"^(?:\.\./)+(?P<api>[a-z]+)/[a-z]+/(?:[0-9][0-9.x]*/)+openapi\.yaml#/components/schemas/(?P<name>[^/]+)$"
)
_LOCAL_PREFIX = "#/components/schemas/"
# libyaml's parser and emitter where PyYAML has them: the documents are large (the pure-Python
# parser takes seconds for the Zaken document and its siblings)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@functools.cache
def official(segment: str) -> dict[str, Any]:
    """The vendored document of API ``segment``, parsed (shared: callers copy before changing it)."""
    data: dict[str, Any] = yaml.load(APIS[segment].spec_path.read_text(encoding="utf-8"), Loader=_LOADER)
    return data


class _Bundler:
    """Copies the schemas an API's document refers to in sibling documents into that document."""

    def __init__(self, segment: str, spec: dict[str, Any]) -> None:
        self.segment = segment
        self.schemas: dict[str, Any] = spec.setdefault("components", {}).setdefault("schemas", {})
        self.names: dict[tuple[str, str], str] = {}

    def rewrite(self, node: Any, source: str) -> Any:
        """``node`` with every reference made local to this document; ``source`` is its API."""
        if isinstance(node, list):
            return [self.rewrite(item, source) for item in node]
        if not isinstance(node, dict):
            return node
        result = {key: self.rewrite(value, source) for key, value in node.items() if key != "$ref"}
        ref = node.get("$ref")
        if isinstance(ref, str):
            result["$ref"] = self._local_ref(ref, source)
        return result

    def _local_ref(self, ref: str, source: str) -> str:
        if ref.startswith("#/") and source == self.segment:
            return ref
        if ref.startswith(_LOCAL_PREFIX):
            api, name = source, ref.removeprefix(_LOCAL_PREFIX)
        else:
            match = _UPSTREAM_REF.match(ref.strip())
            if match is None:
                raise ValueError(f"cannot resolve $ref {ref!r} in the {source} document")
            api, name = match.group("api"), match.group("name")
        if api == self.segment:
            return _LOCAL_PREFIX + name
        return _LOCAL_PREFIX + self._import(api, name)

    def _import(self, api: str, name: str) -> str:
        key = (api, name)
        if key in self.names:
            return self.names[key]
        schema = official(api)["components"]["schemas"][name]
        local = name
        # the document's own schema of that name serves when it is the same leaf schema
        same = self.schemas.get(name) == schema and b'"$ref"' not in orjson.dumps(schema)
        if name in self.schemas and not same:
            local = api.capitalize() + name
            if local in self.schemas:
                raise ValueError(f"schema {local} is already in the {self.segment} document")
        self.names[key] = local
        if local not in self.schemas:
            self.schemas[local] = {}  # reserved first: schemas may refer to each other in a cycle
            self.schemas[local] = self.rewrite(schema, api)
        return local


@functools.cache
def self_contained(segment: str) -> dict[str, Any]:
    """The official document of ``segment`` with every external reference resolved into it."""
    spec = copy.deepcopy(official(segment))
    bundler = _Bundler(segment, spec)
    own = list(bundler.schemas)
    for key in list(spec):
        if key != "components":
            spec[key] = bundler.rewrite(spec[key], segment)
    for section, members in list(spec["components"].items()):
        if section != "schemas":
            spec["components"][section] = bundler.rewrite(members, segment)
    for name in own:
        bundler.schemas[name] = bundler.rewrite(bundler.schemas[name], segment)
    return spec


def base_url(segment: str, public_url: str | None = None) -> str:
    """The URL this deployment serves API ``segment`` at."""
    return f"{public_url or settings.PUBLIC_URL}/{segment}/api/v1"


def collections(segment: str) -> list[str]:
    """The collections an API offers: its top-level paths that can be read (``/zaken``, …)."""
    return [
        template.removeprefix("/")
        for template, item in official(segment)["paths"].items()
        if template.count("/") == 1 and "{" not in template and "get" in item
    ]


@functools.cache
def extended(segment: str) -> dict[str, Any]:
    """The self-contained document with the registered extensions; call after URLs are loaded."""
    return extensions.extended(segment, self_contained(segment))


@functools.cache
def _serialised(segment: str, fmt: str, public_url: str) -> bytes:
    spec = dict(extended(segment))
    spec["servers"] = [{"url": base_url(segment, public_url)}]
    if fmt == "yaml":
        return yaml.dump(spec, Dumper=_DUMPER, sort_keys=False, allow_unicode=True).encode()
    return orjson.dumps(spec)


def serialised(segment: str, fmt: str) -> bytes:
    """The served document as YAML (``fmt="yaml"``) or JSON bytes, cached per public URL."""
    return _serialised(segment, fmt, settings.PUBLIC_URL)
