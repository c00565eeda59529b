"""Calling this deployment's own APIs without a network hop (DESIGN.md rule 2).

httpx's WSGI transport hands the request to this deployment's Django application in the same
thread, so the answer is exactly what an HTTP client would get: the same URL routing, middleware,
authentication and error bodies. The application is Django's WSGI handler minus the two signals a
WSGI server's request cycle sends (``request_started``/``request_finished``): their receivers
close "old" database connections, which inside another request (one that may be in the middle of
a transaction) would close that request's connection under it. Django's own test client leaves
them out for the same reason.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

import httpx
from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponseBase
from django.utils import translation

StartResponse = Callable[..., Any]


class InProcessApplication(BaseHandler):
    """This deployment's WSGI application, for requests made from inside it."""

    def __init__(self) -> None:
        super().__init__()
        self.load_middleware()

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        request = WSGIRequest(environ)
        # the registers' middleware sets the language of the thread (Dutch, for an API client):
        # the page that called them goes on in its visitor's language
        language = translation.get_language()
        try:
            response: HttpResponseBase = self.get_response(request)
        finally:
            if language:
                translation.activate(language)
            else:
                translation.deactivate()
        headers = [
            *response.items(),
            *(("Set-Cookie", c.output(header="")) for c in response.cookies.values()),
        ]
        start_response(f"{response.status_code} {response.reason_phrase}", headers)
        try:
            body = [b"".join(response)]  # streaming or not: read it all, the caller caps the size
        finally:
            # what HttpResponse.close() does, without its request_finished signal (see above)
            for closer in response._resource_closers:  # type: ignore[attr-defined]
                closer()
            response.closed = True
        return body


@functools.cache
def application() -> InProcessApplication:
    return InProcessApplication()


class InProcessTransport(httpx.BaseTransport):
    """Sends a request for a URL of this deployment to :func:`application`.

    ``ZAAKWERK_PUBLIC_URL`` may carry a path prefix that a reverse proxy strips before the request
    reaches Django; it is stripped here in the same way.
    """

    def __init__(self) -> None:
        self.inner = httpx.WSGITransport(app=application(), raise_app_exceptions=False)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        prefix = urlsplit(settings.PUBLIC_URL).path.rstrip("/")
        if prefix and request.url.path.startswith(prefix + "/"):
            request.url = request.url.copy_with(path=request.url.path[len(prefix) :])
        return self.inner.handle_request(request)
