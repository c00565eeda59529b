"""Helpers shared by the Zaken endpoints: scopes, authentication and the CRS headers."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from zaakwerk.api.auth import authenticate
from zaakwerk.api.errors import ApiError
from zaakwerk.core.caller import Caller

READ = "zaken.lezen"
CREATE = "zaken.aanmaken"
UPDATE = "zaken.bijwerken"
FORCED = "zaken.geforceerd-bijwerken"
DELETE = "zaken.verwijderen"

CRS = "EPSG:4326"


def caller_with(request: HttpRequest, *scopes: str) -> Caller:
    """Authenticate and require one of ``scopes``; 401/403 in the standard's format."""
    caller = authenticate(request)
    caller.require_scope(*scopes, component="zrc")
    return caller


def check_crs(request: HttpRequest, *, body: bool) -> None:
    """RULES.md 1.2: Accept-Crs (and Content-Crs with a body) required, only EPSG:4326.

    Missing → 412; an Accept-Crs we cannot serve → 406; a body in another CRS → 415.
    """
    accept = request.headers.get("Accept-Crs")
    if accept is None:
        raise ApiError(412, "precondition_failed", "'Accept-Crs' header ontbreekt.")
    if accept.strip() != CRS:
        raise ApiError(406, "not_acceptable", f"CRS '{accept}' wordt niet ondersteund.")
    if body:
        content = request.headers.get("Content-Crs")
        if content is None:
            raise ApiError(412, "precondition_failed", "'Content-Crs' header ontbreekt.")
        if content.strip() != CRS:
            raise ApiError(415, "unsupported_media_type", f"CRS '{content}' wordt niet ondersteund.")


def with_crs(response: HttpResponse) -> HttpResponse:
    response["Content-Crs"] = CRS
    return response
