"""One Django Ninja API object per register, with the shared error handling.

Endpoints stay thin: they authenticate, parse, call a service function and render. Every
exception that reaches this layer becomes the standard's error body here, in one place.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

import orjson
import yaml
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, URLResolver, path, re_path
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from zaakwerk.api import extensions
from zaakwerk.api.errors import ApiError, ApiValidationError, problem, validation_problem
from zaakwerk.api.versions import APIS, ApiInfo
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
    return problem(exc.status_code, "error", str(exc))


def _handle_ninja_validation(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    # Endpoints parse bodies themselves; this only sees path parameter errors.
    return problem(404, "not_found", "Niet gevonden.")


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
        (Exception, _handle_unexpected),
    ]
    for exc_class, handler in handlers:
        api.add_exception_handler(exc_class, handler)
    return api


@functools.cache
def _spec_bytes(info: ApiInfo, fmt: str) -> bytes:
    """The served document: the vendored spec as published, plus any registered extensions."""
    raw = info.spec_path.read_bytes()
    if not extensions.fragments(info.segment):
        return raw if fmt == "yaml" else orjson.dumps(yaml.safe_load(raw))
    spec = extensions.extended(info.segment, yaml.safe_load(raw))
    if fmt == "yaml":
        return yaml.safe_dump(spec, sort_keys=False, allow_unicode=True).encode()
    return orjson.dumps(spec)


def _spec_view(info: ApiInfo, fmt: str) -> Any:
    def view(request: HttpRequest) -> HttpResponse:
        if fmt == "yaml":
            return HttpResponse(_spec_bytes(info, "yaml"), content_type="application/vnd.oai.openapi")
        return HttpResponse(_spec_bytes(info, "json"), content_type="application/json")

    return view


def _docs_view(info: ApiInfo) -> Any:
    def view(request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "zaakwerk_api/docs.html",
            {"info": info, "spec_url": f"/{info.segment}/api/v1/schema/openapi.yaml"},
        )

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
        path(root, api.urls),  # type: ignore[arg-type]
        re_path(rf"^{segment}/api/(?P<rest>.*)$", _unknown_path),
    ]
