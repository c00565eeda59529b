"""Content-Security-Policy on every response (Django 5.2 has no built-in one).

The policy is ``settings.CONTENT_SECURITY_POLICY``, a mapping of directive to sources. It fits
what the admin and the web applications are made of: server-rendered HTML, scripts (htmx) and
stylesheets (NL Design System) served from our own static files, no inline scripts, styles or
event handlers, no framing (ADR 0028). A view that needs a different policy sets the header
itself, and :func:`with_policy` helps it; the middleware never replaces a header already set.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from django.conf import settings
from django.http import HttpRequest, HttpResponse

HEADER = "Content-Security-Policy"


def render(policy: Mapping[str, str]) -> str:
    """``{"default-src": "'self'"}`` → ``default-src 'self'``; directives in the given order."""
    return "; ".join(f"{directive} {sources}".strip() for directive, sources in policy.items())


def with_policy(changes: Mapping[str, str]) -> str:
    """The deployment's policy with some directives replaced or added, rendered."""
    return render({**settings.CONTENT_SECURITY_POLICY, **changes})


class ContentSecurityPolicyMiddleware:
    """Adds the policy to every response that has none."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.header = render(settings.CONTENT_SECURITY_POLICY)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if HEADER not in response:
            response[HEADER] = self.header
        return response
