"""Scopes and authentication shared by the Notificaties endpoints (RULES.md 1.8).

Reads accept either scope; registering a kanaal and publishing need ``notificaties.publiceren``,
changing abonnementen ``notificaties.consumeren``.
"""

from __future__ import annotations

from django.http import HttpRequest

from zaakwerk.api.auth import authenticate
from zaakwerk.core.caller import Caller

COMPONENT = "nrc"
CONSUMEREN = "notificaties.consumeren"
PUBLICEREN = "notificaties.publiceren"
READ = (CONSUMEREN, PUBLICEREN)


def caller_with(request: HttpRequest, *scopes: str) -> Caller:
    """Authenticate and require one of ``scopes``; 401/403 in the standard's format."""
    caller = authenticate(request)
    caller.require_scope(*scopes, component=COMPONENT)
    return caller
