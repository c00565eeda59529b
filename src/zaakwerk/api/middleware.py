"""Headers every response of an API carries, errors included (RULES.md 1.2)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from zaakwerk.api.versions import APIS


class ApiVersionMiddleware:
    """Adds ``API-version`` to every response under ``/<api>/api/``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        segment = request.path_info.split("/", 2)[1] if request.path_info.count("/") >= 2 else ""
        info = APIS.get(segment)
        if info is not None and request.path_info.startswith(f"/{segment}/api/"):
            response["API-version"] = info.version
        return response
