"""ETag, If-None-Match and HEAD for single resources (RULES.md 1.10)."""

from __future__ import annotations

import hashlib
from typing import Any

import orjson
from django.http import HttpRequest, HttpResponse

from zaakwerk.api.responses import json_response


def etag_of(data: Any) -> str:
    # Keys sorted so equal representations give equal tags; strong validator, quoted.
    digest = hashlib.md5(orjson.dumps(data, option=orjson.OPT_SORT_KEYS), usedforsecurity=False)
    return f'"{digest.hexdigest()}"'


def detail_response(request: HttpRequest, data: Any, headers: dict[str, str] | None = None) -> HttpResponse:
    """GET/HEAD of one resource with its ETag; 304 when the client has it already."""
    tag = etag_of(data)
    all_headers = {"ETag": tag, **(headers or {})}
    wanted = request.headers.get("If-None-Match")
    if wanted:
        tags = {t.strip().removeprefix("W/") for t in wanted.split(",")}
        if tag in tags or "*" in tags:
            response = HttpResponse(status=304)
            for key, value in all_headers.items():
                response[key] = value
            return response
    response = json_response(data, headers=all_headers)
    if request.method == "HEAD":
        length = len(response.content)
        response.content = b""
        response["Content-Length"] = str(length)
    return response
