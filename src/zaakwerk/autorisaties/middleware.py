"""One read of the authorisations' generation per request, in-process requests included
(docs/adr/0101)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase

from zaakwerk.autorisaties.credentials import one_generation


class OneGenerationPerRequestMiddleware:
    """Opens :func:`one_generation` around a request that arrives from outside; the requests this
    deployment makes to its own APIs while handling it pass the same middleware inside it, and so
    use the generation it read."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        with one_generation():
            return self.get_response(request)
