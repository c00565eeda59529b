"""JSON responses, rendered with orjson."""

from __future__ import annotations

from typing import Any

import orjson
from django.http import HttpResponse


def json_response(
    data: Any,
    *,
    status: int = 200,
    headers: dict[str, str] | None = None,
    content_type: str = "application/json",
) -> HttpResponse:
    body = orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)
    response = HttpResponse(body, status=status, content_type=content_type)
    for key, value in (headers or {}).items():
        response[key] = value
    return response


def no_content() -> HttpResponse:
    return HttpResponse(status=204)
