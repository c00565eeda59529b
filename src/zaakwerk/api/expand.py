"""``expand``: embed the resources a representation refers to (RULES.md 1.12).

``expand=statustypen,catalogus`` adds ``"_expand": {"statustypen": [...], "catalogus": {...}}``
beside the normal fields, which stay URLs. Dotted paths go deeper (``statustypen.eigenschappen``);
every segment of a path is expanded, each embedded object carrying its own ``_expand``. The
referenced objects come through :func:`zaakwerk.core.references.fetch`: in-process for this
deployment's URLs, over HTTP for others — the same resolution every reference uses.

Only what the standard names can be expanded: the properties of the resource's ``…Embedded``
schema in the official spec (``RolEmbedded``: zaak, betrokkene, roltype, statussen). A name the
standard does not list for the resource, or an object that cannot be fetched, is a 404 (zrc-027,
zrc-028; the same rule in the Documenten API, applied here to every API). Objects of other APIs
are fetched only from hosts this deployment may call (:mod:`zaakwerk.client.policy`); a reference
outside the ZGW APIs (a rol's betrokkene, a zaakobject's object, a product) on any other host is
embedded as ``{"url": …}``, not fetched (docs/adr/0039).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from zaakwerk.api.errors import ApiError
from zaakwerk.api.expandable import EMBEDDED
from zaakwerk.client import policy
from zaakwerk.client.transport import is_local
from zaakwerk.core import references

Tree = dict[str, "Tree"]
Fetch = Callable[[str], "dict[str, Any] | None"]
#: many URLs at once, the same answers as :data:`Fetch` gives one by one
FetchMany = Callable[[list[str]], "dict[str, dict[str, Any] | None]"]
#: the names a resource may expand, from its URL; None: any field (the machinery's own tests)
Names = Callable[["dict[str, Any]"], "frozenset[str] | None"]

# References that point outside the ZGW APIs (a person in the BRP, any object, a product):
# embedded as {"url": …} when their host is not one this deployment may call.
OUTSIDE_ZGW = frozenset(
    {("rollen", "betrokkene"), ("zaakobjecten", "object"), ("zaken", "productenOfDiensten")}
)


def kind_of(url: Any) -> str:
    """The kind of resource a URL names: its collection (``rollen``), or ``zaken/besluiten`` and
    ``zaken/zaakeigenschappen`` for the ones nested under a zaak; "" when it names none."""
    segments = (
        [segment for segment in urlsplit(url).path.split("/") if segment] if isinstance(url, str) else []
    )
    if len(segments) >= 4 and segments[-4] == "zaken" and segments[-2] in ("besluiten", "zaakeigenschappen"):
        return f"zaken/{segments[-2]}"
    return segments[-2] if len(segments) >= 2 else ""


def standard_names(item: dict[str, Any]) -> frozenset[str]:
    """What the standard lets ``item`` expand: its kind's ``…Embedded`` properties (none if unknown)."""
    found = EMBEDDED.get(kind_of(item.get("url")))
    return found[1] if found else frozenset()


def may_fetch(url: str) -> bool:
    """Whether this deployment may call ``url`` at all (its own, or an allowed host)."""
    return is_local(url) or policy.current().host_allowed(url)


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
    """Expands representations; caches every fetched URL for the duration of one request.

    With ``fetch_many``, the URLs one level of a path needs, over all items, are fetched together
    before they are embedded (a zaak's rollen in one step, not one by one; docs/adr/0069).
    """

    def __init__(
        self,
        fetch: Fetch | None = None,
        *,
        names: Names = standard_names,
        fetch_many: FetchMany | None = None,
    ) -> None:
        self._fetch = fetch or self._default_fetch
        # a caller's own fetch (its access rules) is batched only by a fetch_many of its own
        self._fetch_many = fetch_many or (self._default_fetch_many if fetch is None else None)
        self._names = names
        self._cache: dict[str, dict[str, Any] | None] = {}

    @staticmethod
    def _default_fetch(url: str) -> dict[str, Any] | None:
        body, status = references.fetch(url)
        return body if status == 200 else None

    @staticmethod
    def _default_fetch_many(urls: list[str]) -> dict[str, dict[str, Any] | None]:
        return {
            url: body if status == 200 else None
            for url, (body, status) in references.fetch_many(urls).items()
        }

    def _prime(self, items: list[dict[str, Any]], tree: Tree) -> None:
        """Fetch together what embedding ``tree`` in ``items`` will ask for, by the same rules
        :meth:`embed` applies (only names that may be expanded; never a reference outside the ZGW
        APIs, which :meth:`embed` decides on one by one)."""
        if self._fetch_many is None:
            return
        wanted: list[str] = []
        for item in items:
            allowed = self._names(item)
            for name in tree:
                if (allowed is not None and name not in allowed) or (
                    kind_of(item.get("url")),
                    name,
                ) in OUTSIDE_ZGW:
                    continue
                value = item.get(name)
                for entry in value if isinstance(value, list) else [value]:
                    url = entry.get("url") if isinstance(entry, dict) else entry
                    if (
                        isinstance(url, str)
                        and url.startswith(("http://", "https://"))
                        and url not in self._cache
                    ):
                        wanted.append(url)
        if wanted:
            self._cache.update(self._fetch_many(list(dict.fromkeys(wanted))))

    def _get(self, url: str) -> dict[str, Any]:
        if url not in self._cache:
            self._cache[url] = self._fetch(url)
        found = self._cache[url]
        if found is None:
            raise ApiError(404, "not_found", f"De resource {url} kon niet worden opgehaald voor expand.")
        return copy.deepcopy(found)

    def embed(self, item: dict[str, Any], name: str, url: str) -> dict[str, Any]:
        """A private copy of the object ``item``'s field ``name`` refers to at ``url``, by the rules
        above; 404 (zrc-028) when it may not be fetched. Also for callers that walk representations
        themselves (``fields`` on ``_zoek``): the same names, fetch, access rule and cache."""
        allowed = self._names(item)
        if allowed is not None and name not in allowed:
            raise ApiError(404, "not_found", f"'{name}' is geen attribuut om te expanderen.")
        if (kind_of(item.get("url")), name) in OUTSIDE_ZGW and not may_fetch(url):
            return {"url": url}  # not a resource of an API this deployment may call: not fetched
        return self._get(url)

    def expand(self, items: list[dict[str, Any]], tree: Tree) -> None:
        """Add ``_expand`` to each of ``items`` for the fields in ``tree``."""
        if not tree:
            return
        self._prime(items, tree)
        for item in items:
            embedded: dict[str, Any] = {}
            for name, subtree in tree.items():
                if name == "url" or (name not in item and not self._left_out_when_empty(item, name)):
                    raise ApiError(404, "not_found", f"'{name}' is geen attribuut om te expanderen.")
                value = item.get(name)
                if isinstance(value, list):
                    # a list of URLs, or of objects that carry one (relevanteAndereZaken: {url, aardRelatie})
                    urls = [entry.get("url") if isinstance(entry, dict) else entry for entry in value]
                    objects = [self.embed(item, name, url) for url in urls if isinstance(url, str) and url]
                    self.expand(objects, subtree)
                    embedded[name] = objects
                elif isinstance(value, str) and value.startswith(("http://", "https://")):
                    obj = self.embed(item, name, value)
                    self.expand([obj], subtree)
                    embedded[name] = obj
                elif value in (None, ""):
                    self.embed_empty(item, name)
                    embedded[name] = {}
                else:
                    raise ApiError(404, "not_found", f"'{name}' verwijst niet naar een resource.")
            item["_expand"] = embedded

    def _left_out_when_empty(self, item: dict[str, Any], name: str) -> bool:
        """A name the standard lets ``item`` expand, missing because its value is empty (an
        optional reference is left out of a representation when empty): it expands to ``{}``."""
        allowed = self._names(item)
        return allowed is not None and name in allowed

    def embed_empty(self, item: dict[str, Any], name: str) -> None:
        """An empty reference embeds ``{}``, but only for a name the standard lets it expand."""
        allowed = self._names(item)
        if allowed is not None and name not in allowed:
            raise ApiError(404, "not_found", f"'{name}' is geen attribuut om te expanderen.")


def apply(
    items: list[dict[str, Any]] | dict[str, Any], value: str | None, fetch: Fetch | None = None
) -> None:
    """Expand one representation or a list of them in place, following ``value``; ``fetch``
    decides what may be embedded (a register's access rules), by default everything."""
    tree = parse(value)
    if tree:
        Expander(fetch).expand(items if isinstance(items, list) else [items], tree)
