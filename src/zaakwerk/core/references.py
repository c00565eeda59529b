"""URL references between registers (DESIGN.md, rule 1).

A register refers to another register's object by URL. A URL of this deployment (it starts with
``ZAAKWERK_PUBLIC_URL``) is resolved in-process: a resource URL in its canonical form
(``…/<collection>/<uuid>``) by the loader the owning register registered, any other URL of this
deployment (a list, a schema, a path nothing serves) by a GET through the in-process transport. Any
other URL is fetched over HTTP by :mod:`zaakwerk.client`, under the outgoing-request policy, with a
deadline, from the shared cache for published catalogue objects. Either way the caller gets the
answer an HTTP GET of that URL would give, and the same errors: ``bad-url`` when nothing (or not
HTTP 200) is there, ``invalid-resource`` when what is there is not the expected kind of resource.

While a request is handled, a remote URL is never fetched inside a database transaction
(:mod:`zaakwerk.core.prefetch`, docs/adr/0037).
"""

from __future__ import annotations

import functools
import logging
import re
import uuid as uuid_lib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Generic, Protocol, cast

from django.conf import settings
from typing_extensions import TypeVar

from zaakwerk.client import ClientError, Http
from zaakwerk.client.transport import is_local
from zaakwerk.client.urls import NotAUrl, canonical
from zaakwerk.core import prefetch
from zaakwerk.core.errors import ValidationError
from zaakwerk.core.registry import Registry

logger = logging.getLogger("zaakwerk.references")

Representation = dict[str, Any]
Fetched = tuple[Representation | None, int]
#: What a caller reads of a resource: a ``TypedDict`` of :mod:`zaakwerk.core.summaries`, or the
#: whole representation.
Shape = TypeVar("Shape", bound=Mapping[str, Any], default=Representation)


class LocalLoader(Protocol):
    """Resolves the URLs of one resource of this deployment in-process (DESIGN.md rule 1, fast path).

    The register that owns the resource lists it; the composition root registers it in
    :data:`loaders` under ``"<api>/<resource>"`` (:func:`loader_key`), a nested resource such as
    ``/zaken/<uuid>/zaakeigenschappen/<uuid>`` under ``"zaken/zaken/zaakeigenschappen"``.
    """

    def __call__(self, key: uuid_lib.UUID, /) -> Representation | None:
        """Exactly what ``GET`` on the URL with this UUID returns; None when there is no such object."""


class BatchLoader(Protocol):
    """Resolves many URLs of one resource of this deployment at once: a few queries for all of
    them instead of a few per URL (``expand`` of a list, docs/adr/0069)."""

    def __call__(self, keys: Sequence[uuid_lib.UUID], /) -> dict[uuid_lib.UUID, Representation]:
        """Exactly what ``GET`` returns for each key that exists; absent keys are left out."""


@dataclass(frozen=True)
class Summary:
    """A cheaper loader of some fields of a resource's representation (one row instead of every
    related collection), for :func:`resolve` callers that declare they read no more."""

    fields: frozenset[str]
    #: returns ``fields`` (at least) with the values the whole representation has; None when absent
    load: Callable[[uuid_lib.UUID], Mapping[str, Any] | None]


#: The loaders of this deployment's resources, by :func:`loader_key`.
loaders: Registry[LocalLoader] = Registry("local loaders")
#: The batch loaders of the resources that have one, by :func:`loader_key`.
batch_loaders: Registry[BatchLoader] = Registry("local batch loaders")
#: The summaries of resources that have one, by :func:`loader_key`.
summaries: Registry[Summary] = Registry("local summaries")


def loader_key(api: str, resource: str) -> str:
    """The key of a resource in :data:`loaders` and :data:`summaries`: ``"zaken/zaken"``."""
    return f"{api}/{resource}"


@dataclass(frozen=True)
class ResourceKind(Generic[Shape]):
    """What a reference must point at: a resource of one API, recognised by its fields.

    Built with :meth:`of` from the shape the caller reads, it names exactly the fields of that
    shape, and :func:`resolve` returns the representation as that shape (docs/adr/0050).
    """

    api: str  # URL segment of the API in this deployment, e.g. "catalogi"
    resource: str  # collection name, e.g. "zaaktypen"
    required_fields: tuple[str, ...]
    # The other fields the caller reads, declared so that a local object's summary (a registered
    # cheaper loader of some fields) may serve when it holds these and required_fields.
    # None: the caller may read any field, so it always gets the whole representation.
    used_fields: tuple[str, ...] | None = None

    @classmethod
    def of(cls, shape: Callable[..., Shape], api: str, resource: str) -> ResourceKind[Shape]:
        """The kind whose required fields are the required keys of the ``TypedDict`` ``shape`` and
        whose used fields are its other keys: the caller reads nothing else (the type checker sees
        to that), so a summary holding these fields may serve."""
        return ResourceKind(api, resource, *shape_fields(shape))


def shape_fields(shape: Callable[..., Mapping[str, Any]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The required and the optional keys of a ``TypedDict``, each in declaration order."""
    keys = tuple(getattr(shape, "__annotations__", {}))
    required = frozenset(getattr(shape, "__required_keys__", ()))
    return tuple(k for k in keys if k in required), tuple(k for k in keys if k not in required)


@dataclass(frozen=True)
class LocalRef:
    api: str
    resource: str
    uuid: uuid_lib.UUID
    rest: tuple[str, ...]


def api_root(api: str) -> str:
    return f"{settings.PUBLIC_URL}/{api}/api/v1"


def build_url(api: str, resource: str, uuid: uuid_lib.UUID | str, *rest: str) -> str:
    """The absolute URL of a resource of this deployment."""
    tail = "".join(f"/{segment}" for segment in rest)
    return f"{settings.PUBLIC_URL}/{api}/api/v1/{resource}/{uuid}{tail}"


_UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


@functools.lru_cache(maxsize=4)
def _canonical_local(public_url: str) -> re.Pattern[str]:
    """A resource URL of this deployment exactly as ``build_url`` spells it."""
    return re.compile(re.escape(public_url) + rf"/([a-z]+)/api/v1/([a-z-]+)/({_UUID})((?:/[a-z-]+/[^/?#]+)?)")


def parse_local(url: str) -> LocalRef | None:
    """API, resource and UUID of a resource URL of this deployment, in any spelling whose canonical
    form (:func:`zaakwerk.client.urls.canonical`) is exactly ``build_url(...)``; None otherwise
    (another host, a list, a query, an extra slash, …)."""
    found = _canonical_local(settings.PUBLIC_URL).fullmatch(url)
    if found is None:
        return _parse_other_spelling(url)
    api, resource, uuid, rest = found.groups()
    return LocalRef(api=api, resource=resource, uuid=uuid_lib.UUID(uuid), rest=tuple(rest.split("/")[1:]))


def _parse_other_spelling(url: str) -> LocalRef | None:
    """:func:`parse_local` for a URL not spelled as ``build_url`` does (upper-case UUID, …)."""
    if not is_local(url):
        return None
    try:
        spelled = canonical(url)
    except NotAUrl:
        return None
    if spelled == url:
        return None  # already canonical, and not a resource URL
    found = _canonical_local(canonical(settings.PUBLIC_URL)).fullmatch(spelled)
    if found is None:
        return None
    api, resource, uuid, rest = found.groups()
    return LocalRef(api=api, resource=resource, uuid=uuid_lib.UUID(uuid), rest=tuple(rest.split("/")[1:]))


def uuid_from_url(url: str, api: str, resource: str) -> uuid_lib.UUID | None:
    """The UUID of a local URL of the given API and resource, else None."""
    ref = parse_local(url)
    if ref is None or ref.api != api or ref.resource != resource or ref.rest:
        return None
    return ref.uuid


_http = Http()  # this deployment's own credentials (ZGW_REMOTE_CREDENTIALS)


def _get(url: str) -> Fetched:
    """One GET through the client; what went wrong is logged, never shown (docs/adr/0035)."""
    try:
        fetched = _http.fetch(url)
    except ClientError as exc:
        logger.info("reference not fetched: %s", exc)
        return None, 0
    body = fetched.body if fetched.status == 200 and isinstance(fetched.body, dict) else None
    return body, fetched.status


def _loader_for(ref: LocalRef) -> tuple[LocalLoader | None, uuid_lib.UUID | None]:
    """The loader of ``/<collection>/<uuid>``, or of a nested resource such as
    ``/zaken/<uuid>/zaakeigenschappen/<uuid>`` (registered as ``"zaken/zaken/zaakeigenschappen"``)."""
    if not ref.rest:
        return loaders.find(loader_key(ref.api, ref.resource)), ref.uuid
    if len(ref.rest) == 2:
        loader = loaders.find(loader_key(ref.api, f"{ref.resource}/{ref.rest[0]}"))
        try:
            return loader, uuid_lib.UUID(ref.rest[1])
        except ValueError:
            return None, None
    return None, None


def _fetch_local(url: str) -> Fetched:
    """A URL of this deployment: from its register's loader when it has one, else the answer of a
    GET through the in-process transport (so a list, a schema or an unknown path answers as over
    HTTP)."""
    ref = parse_local(url)
    loader, key = _loader_for(ref) if ref is not None else (None, None)
    if loader is None or key is None or ref is None:
        return _get(url)
    found = loader(key)
    # a nested resource must also sit under the parent its URL names
    if found is None or (ref.rest and canonical(str(found.get("url"))) != canonical(url)):
        return None, 404
    return found, 200


# The catalogue reads kept while a block that writes no catalogue runs (:func:`catalogue_kept`).
_kept: ContextVar[dict[str, Fetched] | None] = ContextVar("zaakwerk_catalogue_kept", default=None)


@contextmanager
def catalogue_kept() -> Iterator[None]:
    """Within the block each local catalogue URL is read once: for a write of another register
    that resolves the same zaaktype for each of its parts (a registration with several
    documents). Only for blocks that change nothing in the catalogue, so what was read stays
    what a read now gives."""
    token = _kept.set({})
    try:
        yield
    finally:
        _kept.reset(token)


def _catalogue_url(url: str) -> bool:
    ref = parse_local(url)
    return ref is not None and ref.api == "catalogi"


def fetch(url: str) -> Fetched:
    """Representation and HTTP status of any URL; local URLs never leave the process, remote ones
    are fetched outside any transaction of the request (status 0: no answer)."""
    if is_local(url):
        kept = _kept.get()
        if kept is None or not _catalogue_url(url):
            return _fetch_local(url)
        if url not in kept:
            kept[url] = _fetch_local(url)
        body, status = kept[url]
        return (dict(body) if body is not None else None), status  # a caller may change its copy
    return prefetch.get(url, _get)


def fetch_many(urls: Iterable[str]) -> dict[str, Fetched]:
    """:func:`fetch` of each of ``urls``, the same answers, in fewer steps: local resource URLs
    whose register has a batch loader in one call per resource, remote ones prefetched together."""
    wanted = list(dict.fromkeys(url for url in urls if isinstance(url, str)))
    found: dict[str, Fetched] = {}
    groups: dict[str, list[tuple[str, uuid_lib.UUID]]] = {}
    for url in wanted:
        ref = parse_local(url) if is_local(url) else None
        if ref is None or ref.rest:
            continue
        key = loader_key(ref.api, ref.resource)
        if batch_loaders.find(key) is not None:
            groups.setdefault(key, []).append((url, ref.uuid))
    for key, pairs in groups.items():
        loaded = batch_loaders.get(key)([uuid for _, uuid in pairs])
        for url, uuid in pairs:
            body = loaded.get(uuid)
            found[url] = (body, 200) if body is not None else (None, 404)
    prefetch_remote(url for url in wanted if url not in found)
    for url in wanted:
        if url not in found:
            found[url] = fetch(url)
    return found


def prefetch_remote(urls: Iterable[str]) -> None:
    """Fetch the remote ones of ``urls`` together, ahead of resolving them one by one."""
    prefetch.need((url for url in urls if isinstance(url, str) and not is_local(url)), _get)


def _fetch_for(url: str, kind: ResourceKind[Any]) -> Fetched:
    """:func:`fetch`, or for a local object whose summary holds every field ``kind`` reads, the
    summary (the same values; fewer of them)."""
    summary = summaries.find(loader_key(kind.api, kind.resource)) if kind.used_fields is not None else None
    if summary is not None and summary.fields.issuperset((*kind.required_fields, *(kind.used_fields or ()))):
        ref = parse_local(url)
        if ref is not None and not ref.rest and (ref.api, ref.resource) == (kind.api, kind.resource):
            return _summary(url, ref.uuid, summary)
    return fetch(url)


def _summary(url: str, key: uuid_lib.UUID, summary: Summary) -> Fetched:
    """A local object's summary; a catalogue object's read once within :func:`catalogue_kept`."""
    kept = _kept.get()
    cached = f"{url} summary"
    if kept is not None and _catalogue_url(url) and cached in kept:
        body, status = kept[cached]
        return (dict(body) if body is not None else None), status
    found = summary.load(key)
    fetched: Fetched = (dict(found), 200) if found is not None else (None, 404)
    if kept is not None and _catalogue_url(url):
        kept[cached] = (dict(found) if found is not None else None), fetched[1]
    return fetched


def resolve(url: str, kind: ResourceKind[Shape], *, field: str) -> Shape:
    """Fetch ``url`` and check it is a ``kind``; raise ``bad-url`` / ``invalid-resource``.

    The representation holds at least the fields ``kind`` names (required and used); of a local
    object it may hold only those (a registered summary). The messages say what the URL gave, not
    why: a closed port and a server error read the same (docs/adr/0035)."""
    body, status = _fetch_for(url, kind)
    if status != 200:
        raise ValidationError.single(field, "bad-url", f"De URL {url} resulteerde niet in een HTTP 200.")
    ref = parse_local(url)
    wrong_local_kind = ref is not None and (ref.api, ref.resource) != (kind.api, kind.resource)
    if body is None or wrong_local_kind or any(key not in body for key in kind.required_fields):
        raise ValidationError.single(
            field, "invalid-resource", f"De URL {url} verwijst niet naar een geldige {kind.resource}."
        )
    return cast(Shape, body)  # the fields the shape requires are there


def read(url: str, shape: Callable[..., Shape]) -> Shape | None:
    """What ``url`` answers, read as ``shape`` (a ``TypedDict`` whose keys are all optional: nothing
    is checked); None without an HTTP 200."""
    body, status = fetch(url)
    return cast(Shape, body) if status == 200 and body is not None else None
