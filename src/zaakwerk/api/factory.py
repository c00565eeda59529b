"""One Django Ninja API object per register, with the shared error handling.

Endpoints stay thin: they authenticate, parse, call a service function and render. Every
exception that reaches this layer becomes the standard's error body here, in one place.
"""

from __future__ import annotations

import logging
from typing import Any

import orjson
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, URLResolver, path, re_path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from zaakwerk.api import documents
from zaakwerk.api.errors import (
    ApiError,
    ApiValidationError,
    problem,
    request_too_large,
    too_many_parameters,
    validation_problem,
)
from zaakwerk.api.responses import json_response
from zaakwerk.api.versions import APIS, ApiInfo
from zaakwerk.core import csp
from zaakwerk.core.errors import NotFound, PermissionDenied, ValidationError

logger = logging.getLogger("zaakwerk.api")


def _handle_api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
    if isinstance(exc, ApiValidationError):
        return validation_problem(exc.errors, exc.detail)
    return problem(exc.status, exc.code, exc.detail)


def _handle_domain_validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return validation_problem(exc.errors)


def _handle_not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problem(404, "not_found", "Niet gevonden.")


def _handle_permission(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return problem(403, "permission_denied", exc.detail)


def _handle_ninja_http(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if isinstance(exc, AuthenticationError):
        return problem(401, "not_authenticated", "Authenticatiegegevens zijn niet opgegeven.")
    return problem(exc.status_code, "error")  # the Dutch title; Django Ninja's own text is English


def _handle_ninja_validation(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    # Endpoints parse bodies themselves; this only sees path parameter errors.
    return problem(404, "not_found", "Niet gevonden.")


def _handle_too_large(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    return request_too_large()


def _handle_too_many_fields(request: HttpRequest, exc: Exception) -> HttpResponse:
    return too_many_parameters()


def _handle_unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("unhandled error on %s %s", request.method, request.path)
    return problem(500, "error", "Er is een serverfout opgetreden.")


class ORJSONRenderer:
    media_type = "application/json"
    charset = "utf-8"

    def render(self, request: HttpRequest, data: Any, *, response_status: int) -> bytes:
        return orjson.dumps(data)


def build_api(segment: str) -> NinjaAPI:
    info = APIS[segment]
    api = NinjaAPI(
        title=info.title,
        version=info.version,
        urls_namespace=segment,
        docs_url=None,
        openapi_url=None,
        renderer=ORJSONRenderer(),  # type: ignore[arg-type]
    )
    # Ninja types a handler's argument as "instance or class"; ours take instances.
    handlers: list[tuple[type[Exception], Any]] = [
        (ApiError, _handle_api_error),
        (ValidationError, _handle_domain_validation),
        (NotFound, _handle_not_found),
        (Http404, _handle_not_found),
        (PermissionDenied, _handle_permission),
        (HttpError, _handle_ninja_http),
        (NinjaValidationError, _handle_ninja_validation),
        # Django refuses these while reading the body or the query string, wherever that happens
        (RequestDataTooBig, _handle_too_large),
        (TooManyFieldsSent, _handle_too_many_fields),
        (TooManyFilesSent, _handle_too_many_fields),
        (Exception, _handle_unexpected),
    ]
    for exc_class, handler in handlers:
        api.add_exception_handler(exc_class, handler)
    return api


def _spec_view(info: ApiInfo, fmt: str) -> Any:
    def view(request: HttpRequest) -> HttpResponse:
        if fmt == "yaml":
            body = documents.serialised(info.segment, "yaml")
            return HttpResponse(body, content_type="application/vnd.oai.openapi")
        return HttpResponse(documents.serialised(info.segment, "json"), content_type="application/json")

    return view


def _root_view(info: ApiInfo) -> Any:
    """``GET /<api>/api/v1/``: the API's collections and where its schema is; no token needed.

    Connection checks of ZGW client libraries and the "API is available" step of behaviour
    suites request exactly this URL. The body has the shape other implementations answer
    (resource name → collection URL); the schema and its documentation page are linked in the
    ``Link`` header (RFC 8631: ``service-desc``, ``service-doc``).
    """

    @require_safe
    def view(request: HttpRequest) -> HttpResponse:
        base = documents.base_url(info.segment)
        links = (
            f'<{base}/schema/openapi.yaml>; rel="service-desc"; type="application/vnd.oai.openapi", '
            f'<{base}/schema/openapi.json>; rel="service-desc"; type="application/json", '
            f'<{base}/schema/>; rel="service-doc"; type="text/html"'
        )
        body = {name: f"{base}/{name}" for name in documents.collections(info.segment)}
        return json_response(body, headers={"Link": links})

    return view


# Redoc (our own static copy) styles its page with inline style elements and runs its search
# in a worker from a blob: URL; the documentation pages alone allow that (ADR 0028).
REDOC_POLICY = {"style-src": "'self' 'unsafe-inline'", "worker-src": "'self' blob:"}


def _docs_view(info: ApiInfo) -> Any:
    def view(request: HttpRequest) -> HttpResponse:
        response = render(
            request,
            "zaakwerk_api/docs.html",
            {"info": info, "spec_url": f"/{info.segment}/api/v1/schema/openapi.yaml"},
        )
        response[csp.HEADER] = csp.with_policy(REDOC_POLICY)
        return response

    return view


@csrf_exempt  # token-authenticated API: a POST to an unknown path is a 404, not a CSRF failure
def _unknown_path(request: HttpRequest, rest: str = "") -> HttpResponse:
    return problem(404, "not_found", "Niet gevonden.")


def api_urls(segment: str, api: NinjaAPI) -> list[URLPattern | URLResolver]:
    """URL patterns of one API: its endpoints, its spec, its documentation page."""
    info = APIS[segment]
    root = f"{segment}/api/v1/"
    return [
        path(f"{root}schema/openapi.yaml", _spec_view(info, "yaml"), name=f"{segment}-schema-yaml"),
        path(f"{root}schema/openapi.json", _spec_view(info, "json"), name=f"{segment}-schema-json"),
        path(f"{root}openapi.yaml", _spec_view(info, "yaml")),
        path(f"{root}openapi.json", _spec_view(info, "json")),
        path(f"{root}schema/", _docs_view(info), name=f"{segment}-docs"),
        path(f"{root}schema", _docs_view(info)),
        path(root, _root_view(info), name=f"{segment}-root"),
        path(root.rstrip("/"), _root_view(info)),
        path(root, api.urls),  # type: ignore[arg-type]
        re_path(rf"^{segment}/api/(?P<rest>.*)$", _unknown_path),
    ]
