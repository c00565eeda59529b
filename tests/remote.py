"""Stand-ins for the APIs of other deployments, for tests that never leave the machine.

A stand-in answers every request to its origin from a handler, behind the client's own
transport: the outgoing-request policy still applies (its host is put on the allowlist for the
duration), only no socket is opened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import httpx
from django.conf import settings
from django.test import override_settings

from zaakwerk.client import transport

Handler = Callable[[httpx.Request], httpx.Response]


@contextmanager
def remote_api(origin: str, handler: Handler) -> Iterator[None]:
    """Requests to ``origin`` (``https://drc.example.com``) are answered by ``handler``."""
    host = urlsplit(origin).netloc
    with override_settings(OUTGOING_HOSTS=[*settings.OUTGOING_HOSTS, host]):
        transport.stand_in(origin, httpx.MockTransport(handler))
        try:
            yield
        finally:
            transport.stand_in(origin, None)


def serving(objects: Mapping[str, Any], *, etag: str | None = None) -> Handler:
    """A handler that answers a GET of one of ``objects``' URLs with it, anything else with 404."""

    def handle(request: httpx.Request) -> httpx.Response:
        url = str(request.url.copy_with(query=None))
        if request.method == "GET" and url in objects:
            headers = {"ETag": etag} if etag else {}
            return httpx.Response(200, json=objects[url], headers=headers)
        return httpx.Response(404, json={"detail": "Niet gevonden."})

    return handle


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
