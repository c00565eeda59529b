"""``expand``: embed the resources a representation refers to (RULES.md 1.12).

``expand=statustypen,catalogus`` adds ``"_expand": {"statustypen": [...], "catalogus": {...}}``
beside the normal fields, which stay URLs. Dotted paths go deeper (``statustypen.eigenschappen``);
every segment of a path is expanded, each embedded object carrying its own ``_expand``. The
referenced objects come through :func:`zaakwerk.core.references.fetch`: in-process for this
deployment's URLs, over HTTP for others — the same resolution every reference uses.

A name that is not a field of the resource, or an object that cannot be fetched, is a 404
(zrc-027, zrc-028; the same rule in the Documenten API, applied here to every API).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from zaakwerk.api.errors import ApiError
from zaakwerk.core import references

Tree = dict[str, "Tree"]
Fetch = Callable[[str], "dict[str, Any] | None"]


def parse(value: str | None) -> Tree:
    tree: Tree = {}
    for path in (value or "").split(","):
        path = path.strip()
        if not path:
            continue
        node = tree
        for part in path.split("."):
            if not part:
                raise ApiError(400, "invalid", f"Ongeldig expand-pad: {path!r}.")
            node = node.setdefault(part, {})
    return tree


class Expander:
    """Expands representations; caches every fetched URL for the duration of one request."""

    def __init__(self, fetch: Fetch | None = None) -> None:
        self._fetch = fetch or self._default_fetch
        self._cache: dict[str, dict[str, Any] | None] = {}

    @staticmethod
    def _default_fetch(url: str) -> dict[str, Any] | None:
        body, status = references.fetch(url)
        return body if status == 200 else None

    def _get(self, url: str) -> dict[str, Any]:
        if url not in self._cache:
            self._cache[url] = self._fetch(url)
        found = self._cache[url]
        if found is None:
            raise ApiError(404, "not_found", f"De resource {url} kon niet worden opgehaald voor expand.")
        return copy.deepcopy(found)

    def get(self, url: str) -> dict[str, Any]:
        """A private copy of the object at ``url``; 404 (zrc-028) when it may not be fetched.

        For callers that walk representations themselves (``fields`` on ``_zoek``) and want the
        same fetch, access rule and per-request cache as ``expand``.
        """
        return self._get(url)

    def expand(self, items: list[dict[str, Any]], tree: Tree) -> None:
        """Add ``_expand`` to each of ``items`` for the fields in ``tree``."""
        if not tree:
            return
        for item in items:
            embedded: dict[str, Any] = {}
            for name, subtree in tree.items():
                if name not in item or name == "url":
                    raise ApiError(404, "not_found", f"'{name}' is geen attribuut om te expanderen.")
                value = item[name]
                if isinstance(value, list):
                    # a list of URLs, or of objects that carry one (relevanteAndereZaken: {url, aardRelatie})
                    urls = [entry.get("url") if isinstance(entry, dict) else entry for entry in value]
                    objects = [self._get(url) for url in urls if isinstance(url, str) and url]
                    self.expand(objects, subtree)
                    embedded[name] = objects
                elif isinstance(value, str) and value.startswith(("http://", "https://")):
                    obj = self._get(value)
                    self.expand([obj], subtree)
                    embedded[name] = obj
                elif value in (None, ""):
                    embedded[name] = {}
                else:
                    raise ApiError(404, "not_found", f"'{name}' verwijst niet naar een resource.")
            item["_expand"] = embedded


def apply(
    items: list[dict[str, Any]] | dict[str, Any], value: str | None, fetch: Fetch | None = None
) -> None:
    """Expand one representation or a list of them in place, following ``value``; ``fetch``
    decides what may be embedded (a register's access rules), by default everything."""
    tree = parse(value)
    if tree:
        Expander(fetch).expand(items if isinstance(items, list) else [items], tree)
