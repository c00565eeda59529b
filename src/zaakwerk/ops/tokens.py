"""``zaakwerk token``: a fresh bearer token for a registered API client.

ZGW tokens are HS256 JWTs signed with the client's own secret (RULES.md 1.6); the server only
accepts them for ``ZGW_JWT_MAX_AGE`` seconds after ``iat``, so operators mint a new one when
the old one expires.
"""

from __future__ import annotations

import sys
import time

import jwt


class UnknownClientError(LookupError):
    """No usable secret is registered for the client id."""


def mint_token(
    client_id: str,
    secret: str,
    *,
    user_id: str = "",
    user_representation: str = "",
    issued_at: int | None = None,
) -> str:
    """An HS256 JWT with the claims the ZGW standard names: iss, client_id, user_*, iat."""
    payload = {
        "iss": client_id,
        "client_id": client_id,
        "user_id": user_id,
        "user_representation": user_representation,
        "iat": int(time.time()) if issued_at is None else issued_at,
    }
    return jwt.encode(payload, secret, algorithm="HS256")


def token_for(client_id: str, *, user_id: str = "", user_representation: str = "") -> str:
    """A fresh token for a client registered in this deployment."""
    from zaakwerk.autorisaties.models import ApiClient  # needs Django; mint_token does not

    client = ApiClient.objects.filter(client_id=client_id).first()
    secret = client.get_secret() if client is not None else None
    if secret is None:
        raise UnknownClientError(client_id)
    return mint_token(client_id, secret, user_id=user_id, user_representation=user_representation)


def run(client_id: str, *, user_id: str, user_representation: str) -> int:
    try:
        token = token_for(client_id, user_id=user_id, user_representation=user_representation)
    except UnknownClientError:
        print(
            f"error: no client {client_id!r} with a usable secret; add it with `zaakwerk client add`.",
            file=sys.stderr,
        )
        return 1
    print(token)
    return 0
