"""A cache of resources that do not change once published, shared by every process (docs/adr/0038).

Catalogue objects (a published zaaktype and its statustypen, roltypen, …) and reference lists
are read on every write that names them and change rarely, if ever: a published type is
immutable, a new version is a new URL. They are kept in Django's cache ``zgw`` (by default a
table in the deployment's own database, so every web and worker process shares it; its size is
bounded by ``ZAAKWERK_CACHE_MAX_ENTRIES``). An entry is used as is for
``ZGW_REMOTE_CACHE_SECONDS``; after that it is revalidated with ``If-None-Match`` when the API gave
an ``ETag`` (a 304 renews it without a body), else fetched again.

Anything else (zaken, documenten, besluiten, a concept type) is never cached: it may change at
any moment and its readers need its current state.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches

ALIAS = "zgw"
# Collections whose published members never change (Catalogi API, Referentielijsten API).
IMMUTABLE_ONCE_PUBLISHED = frozenset(
    {
        "catalogussen",
        "zaaktypen",
        "statustypen",
        "roltypen",
        "resultaattypen",
        "eigenschappen",
        "informatieobjecttypen",
        "besluittypen",
        "zaakobjecttypen",
        "zaaktype-informatieobjecttypen",
        "procestypen",
        "resultaten",
        "resultaattypeomschrijvingen",
        "communicatiekanalen",
    }
)
# Larger bodies are not kept: the cache is for small, often read objects.
MAX_ENTRY_BYTES = 256 * 1024
#: Changed by tests to start each test with an empty cache without touching the database.
namespace = "v1"


@dataclass(frozen=True)
class Entry:
    body: dict[str, Any]
    etag: str
    stored_at: float

    @property
    def fresh(self) -> bool:
        return time.time() - self.stored_at < settings.REMOTE_CACHE_SECONDS


def cacheable_url(url: str) -> bool:
    """A resource URL ``…/<collection>/<uuid>`` of a collection in :data:`IMMUTABLE_ONCE_PUBLISHED`."""
    parts = urlsplit(url)
    segments = [segment for segment in parts.path.split("/") if segment]
    return not parts.query and len(segments) >= 2 and segments[-2] in IMMUTABLE_ONCE_PUBLISHED


def cacheable_body(body: Any, size: int) -> bool:
    """Only published objects: a concept (``"concept": true``) may still change."""
    return isinstance(body, dict) and body.get("concept") is not True and size <= MAX_ENTRY_BYTES


def _key(url: str, party: str) -> str:
    # per party: what one client may read is not handed to another from the cache
    return f"{namespace}:{hashlib.sha256(f'{party}|{url}'.encode()).hexdigest()}"


def get(url: str, party: str) -> Entry | None:
    found = caches[ALIAS].get(_key(url, party))
    if not isinstance(found, dict):
        return None
    return Entry(body=found["body"], etag=found["etag"], stored_at=found["stored_at"])


def put(url: str, party: str, body: dict[str, Any], etag: str) -> None:
    value = {"body": body, "etag": etag, "stored_at": time.time()}
    # Kept twice the freshness time: the second half serves revalidation with If-None-Match.
    caches[ALIAS].set(_key(url, party), value, timeout=max(1, 2 * settings.REMOTE_CACHE_SECONDS))
