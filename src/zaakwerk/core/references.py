"""URL references between registers (DESIGN.md, rule 1).

A register refers to another register's object by URL. A URL that points at this deployment
(it starts with ``ZAAKWERK_PUBLIC_URL``) is resolved in-process by the register that owns it,
without HTTP; any other URL is fetched with httpx (time-out, in-memory cache). Either way the
caller gets the same answer and the same errors: ``bad-url`` when nothing (or not HTTP 200)
is there, ``invalid-resource`` when what is there is not the expected kind of resource.
"""

from __future__ import annotations

import threading
import time
import uuid as uuid_lib
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit

import httpx
from django.conf import settings

from zaakwerk.core import remote_auth
from zaakwerk.core.errors import ValidationError
from zaakwerk.core.registry import Registry

Representation = dict[str, Any]


class LocalLoader(Protocol):
    """Resolves the URLs of one resource of this deployment in-process (DESIGN.md rule 1, fast path).

    The register that owns the resource lists it; the composition root registers it in
    :data:`loaders` under ``"<api>/<resource>"`` (:func:`loader_key`), a nested resource such as
    ``/zaken/<uuid>/zaakeigenschappen/<uuid>`` under ``"zaken/zaken/zaakeigenschappen"``.
    """

    def __call__(self, key: uuid_lib.UUID, /) -> Representation | None:
        """Exactly what ``GET`` on the URL with this UUID returns; None when there is no such object."""


@dataclass(frozen=True)
class Summary:
    """A cheaper loader of some fields of a resource's representation (one row instead of every
    related collection), for :func:`resolve` callers that declare they read no more."""

    fields: frozenset[str]
    #: returns ``fields`` (at least) with the values the whole representation has; None when absent
    load: LocalLoader


#: The loaders of this deployment's resources, by :func:`loader_key`.
loaders: Registry[LocalLoader] = Registry("local loaders")
#: The summaries of resources that have one, by :func:`loader_key`.
summaries: Registry[Summary] = Registry("local summaries")


def loader_key(api: str, resource: str) -> str:
    """The key of a resource in :data:`loaders` and :data:`summaries`: ``"zaken/zaken"``."""
    return f"{api}/{resource}"


@dataclass(frozen=True)
class ResourceKind:
    """What a reference must point at: a resource of one API, recognised by its fields."""

    api: str  # URL segment of the API in this deployment, e.g. "catalogi"
    resource: str  # collection name, e.g. "zaaktypen"
    required_fields: tuple[str, ...]
    # The other fields the caller reads, declared so that a local object's summary (a registered
    # cheaper loader of some fields) may serve when it holds these and required_fields.
    # None: the caller may read any field, so it always gets the whole representation.
    used_fields: tuple[str, ...] | None = None


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


def parse_local(url: str) -> LocalRef | None:
    """Split a URL of this deployment into API, resource and UUID; None for anything else."""
    prefix = settings.PUBLIC_URL + "/"
    if not url.startswith(prefix):
        return None
    path = urlsplit(url).path
    base_path = urlsplit(settings.PUBLIC_URL).path
    segments = [s for s in path[len(base_path) :].split("/") if s]
    if len(segments) < 5 or segments[1:3] != ["api", "v1"]:
        return None
    try:
        uuid = uuid_lib.UUID(segments[4])
    except ValueError:
        return None
    return LocalRef(api=segments[0], resource=segments[3], uuid=uuid, rest=tuple(segments[5:]))


def uuid_from_url(url: str, api: str, resource: str) -> uuid_lib.UUID | None:
    """The UUID of a local URL of the given API and resource, else None."""
    ref = parse_local(url)
    if ref is None or ref.api != api or ref.resource != resource or ref.rest:
        return None
    return ref.uuid


class _TTLCache:
    def __init__(self) -> None:
        self._items: dict[str, tuple[float, Representation | None, int]] = {}
        self._lock = threading.Lock()

    def get(self, url: str) -> tuple[Representation | None, int] | None:
        with self._lock:
            item = self._items.get(url)
            if item is None or item[0] < time.monotonic():
                return None
            return item[1], item[2]

    def put(self, url: str, value: Representation | None, status: int) -> None:
        with self._lock:
            if len(self._items) > 10_000:
                self._items.clear()
            self._items[url] = (time.monotonic() + settings.REMOTE_CACHE_SECONDS, value, status)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


remote_cache = _TTLCache()


def remote_headers(url: str) -> dict[str, str]:
    """The headers that authenticate this deployment to the API behind ``url`` (may be empty)."""
    return remote_auth.headers(url)


def _fetch_remote(url: str) -> tuple[Representation | None, int]:
    cached = remote_cache.get(url)
    if cached is not None:
        return cached
    headers = {"Accept": "application/json", **remote_headers(url)}
    try:
        response = httpx.get(url, headers=headers, timeout=settings.REMOTE_TIMEOUT, follow_redirects=True)
    except (httpx.HTTPError, ValueError):
        return None, 0
    body: Representation | None = None
    if response.status_code == 200:
        try:
            parsed = response.json()
        except ValueError:
            parsed = None
        body = parsed if isinstance(parsed, dict) else None
    # Only successful answers are cached: a URL that failed may work a moment later.
    if response.status_code == 200:
        remote_cache.put(url, body, response.status_code)
    return body, response.status_code


def _fetch_local(url: str, ref: LocalRef) -> tuple[Representation | None, int]:
    """A resource of this deployment: ``/<collection>/<uuid>``, or a nested one such as
    ``/zaken/<uuid>/zaakeigenschappen/<uuid>``, whose loader is registered as
    ``"zaken/zaken/zaakeigenschappen"``; a nested one must also sit under the parent it names."""
    if not ref.rest:
        loader, key = loaders.find(loader_key(ref.api, ref.resource)), ref.uuid
    elif len(ref.rest) == 2:
        try:
            key = uuid_lib.UUID(ref.rest[1])
        except ValueError:
            return None, 404
        loader = loaders.find(loader_key(ref.api, f"{ref.resource}/{ref.rest[0]}"))
    else:
        return None, 404
    found = loader(key) if loader is not None else None
    if found is None or (ref.rest and found.get("url") != url):
        return None, 404
    return found, 200


def fetch(url: str) -> tuple[Representation | None, int]:
    """Representation and HTTP status of any URL; local URLs never leave the process."""
    ref = parse_local(url)
    if ref is not None:
        return _fetch_local(url, ref)
    if url.startswith(settings.PUBLIC_URL):
        return None, 404
    return _fetch_remote(url)


def _fetch_for(url: str, kind: ResourceKind) -> tuple[Representation | None, int]:
    """:func:`fetch`, or for a local object whose summary holds every field ``kind`` reads, the
    summary (the same values; fewer of them)."""
    summary = summaries.find(loader_key(kind.api, kind.resource)) if kind.used_fields is not None else None
    if summary is not None and summary.fields.issuperset((*kind.required_fields, *(kind.used_fields or ()))):
        ref = parse_local(url)
        if ref is not None and not ref.rest and (ref.api, ref.resource) == (kind.api, kind.resource):
            found = summary.load(ref.uuid)
            return (found, 200) if found is not None else (None, 404)
    return fetch(url)


def resolve(url: str, kind: ResourceKind, *, field: str) -> Representation:
    """Fetch ``url`` and check it is a ``kind``; raise ``bad-url`` / ``invalid-resource``.

    The representation holds at least the fields ``kind`` names (required and used); of a local
    object it may hold only those (a registered summary)."""
    body, status = _fetch_for(url, kind)
    if status != 200:
        raise ValidationError.single(
            field, "bad-url", f"De URL {url} resulteerde niet in een HTTP 200 (status {status})."
        )
    ref = parse_local(url)
    wrong_local_kind = ref is not None and (ref.api, ref.resource) != (kind.api, kind.resource)
    if body is None or wrong_local_kind or any(key not in body for key in kind.required_fields):
        raise ValidationError.single(
            field, "invalid-resource", f"De URL {url} verwijst niet naar een geldige {kind.resource}."
        )
    return body
