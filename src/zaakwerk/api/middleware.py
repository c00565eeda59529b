"""What every response of an API carries, errors included (RULES.md 1.2 and 1.4)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from zaakwerk.api.errors import problem
from zaakwerk.api.versions import APIS

_CODES = {405: "method_not_allowed", 413: "request_too_large", 415: "unsupported_media_type"}


class ApiVersionMiddleware:
    """Adds ``API-version`` to every response under ``/<api>/api/``, and gives errors that
    Django or Django Ninja produce outside our handlers (a plain-text 405, for example) the
    standard's error body, so a client always gets the same shape."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        segment = request.path_info.split("/", 2)[1] if request.path_info.count("/") >= 2 else ""
        info = APIS.get(segment)
        if info is None or not request.path_info.startswith(f"/{segment}/api/"):
            return response
        if response.status_code >= 400 and "json" not in response.get("Content-Type", ""):
            allow = response.get("Allow")
            status = response.status_code
            response = problem(status, _CODES.get(status, "error"))
            if allow:
                response["Allow"] = allow
        response["API-version"] = info.version
        return response
