"""``zaakwerk client add``: register an API client id with its JWT secret (idempotent)."""

from __future__ import annotations

import sys

from zaakwerk.autorisaties.clients import register_client
from zaakwerk.autorisaties.models import ApiClient, ClientId


def add_client(client_id: str, secret: str, *, all_authorizations: bool, label: str) -> str:
    """Register the client and describe what changed, in one line."""
    existed = ApiClient.objects.filter(client_id=client_id).exists()
    had_all = ClientId.objects.filter(client_id=client_id, applicatie__heeft_alle_autorisaties=True).exists()
    register_client(client_id, secret, all_authorizations=all_authorizations, label=label)
    action = "Updated the secret of" if existed else "Registered"
    summary = f"{action} client {client_id!r}"
    if all_authorizations:
        summary += "; it already had all authorisations" if had_all else "; granted all authorisations"
    elif not ClientId.objects.filter(client_id=client_id).exists():
        summary += "; it has no Applicatie yet, so its tokens are authenticated but may do nothing"
    return summary + "."


def run(client_id: str, secret: str, *, all_authorizations: bool, label: str) -> int:
    try:
        summary = add_client(client_id, secret, all_authorizations=all_authorizations, label=label)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(summary)
    return 0
