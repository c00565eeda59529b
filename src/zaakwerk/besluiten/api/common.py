"""Scopes and authentication shared by the Besluiten endpoints."""

from __future__ import annotations

from django.http import HttpRequest

from zaakwerk.api.auth import authenticate
from zaakwerk.core.caller import Caller

READ = "besluiten.lezen"
CREATE = "besluiten.aanmaken"
UPDATE = "besluiten.bijwerken"
DELETE = "besluiten.verwijderen"
AUDIT = "audittrails.lezen"


def caller_with(request: HttpRequest, *scopes: str) -> Caller:
    """Authenticate and require one of ``scopes``; 401/403 in the standard's format."""
    caller = authenticate(request)
    caller.require_scope(*scopes, component="brc")
    return caller
