"""Rendering a page, or only the part of it that an htmx request asks for."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def render_page(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    fragment: str | None = None,
    status: int = 200,
) -> HttpResponse:
    """The whole page; to an htmx request (not a boosted one), only ``fragment``.

    ``fragment`` names a ``{% partialdef %}`` of the same template, so the page and its part
    come from one piece of markup. Without JavaScript every link and form gets the whole page.
    """
    htmx = getattr(request, "htmx", None)
    partial = fragment is not None and bool(htmx) and not htmx.boosted  # type: ignore[union-attr]
    response = render(request, f"{template}#{fragment}" if partial else template, context, status=status)
    patch_vary_headers(response, ("HX-Request",))
    return response
