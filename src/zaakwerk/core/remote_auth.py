"""How this deployment authenticates to other ZGW APIs (RULES.md 1.5: a provider fetches with its own
client id and secret, never with the consumer's token).

``ZGW_REMOTE_CREDENTIALS`` lists, per API root, the client id and secret this deployment is registered
with there. The longest root that a URL starts with wins; a URL that matches none is fetched without
``Authorization`` (public APIs such as a Referentielijsten API need none).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Iterable
from dataclasses import dataclass

import jwt
from django.conf import settings


@dataclass(frozen=True)
class RemoteCredential:
    root: str
    client_id: str
    secret: str


class CredentialFormatError(ValueError):
    """An entry of ZGW_REMOTE_CREDENTIALS is not ``root|client_id|secret``."""


def parse_credentials(entries: list[str]) -> list[RemoteCredential]:
    """``root|client_id|secret`` entries, longest root first."""
    credentials = []
    for entry in entries:
        parts = entry.strip().split("|", 2)
        if len(parts) != 3 or not all(part.strip() for part in parts):
            raise CredentialFormatError(f"expected root|client_id|secret, got {entry.split('|')[0]!r}|…")
        root, client_id, secret = (part.strip() for part in parts)
        credentials.append(RemoteCredential(root.rstrip("/"), client_id, secret))
    return sorted(credentials, key=lambda c: len(c.root), reverse=True)


def token_for(credential: RemoteCredential, now: float | None = None) -> str:
    """A ZGW JWT (HS256) for ``credential``; the claims every ZGW API reads."""
    payload = {
        "iss": credential.client_id,
        "client_id": credential.client_id,
        "user_id": "",
        "user_representation": "",
        "iat": int(now if now is not None else time.time()),
    }
    return jwt.encode(payload, credential.secret, algorithm="HS256")


def headers_for(url: str, credentials: Iterable[RemoteCredential]) -> dict[str, str]:
    for credential in credentials:
        if url == credential.root or url.startswith(credential.root + "/"):
            return {"Authorization": f"Bearer {token_for(credential)}"}
    return {}


@functools.lru_cache(maxsize=4)
def _parsed(entries: tuple[str, ...]) -> tuple[RemoteCredential, ...]:
    return tuple(parse_credentials(list(entries)))


def configured() -> tuple[RemoteCredential, ...]:
    """The credentials of ``ZGW_REMOTE_CREDENTIALS``, parsed once per value of the setting."""
    return _parsed(tuple(settings.REMOTE_CREDENTIALS))


def headers(url: str) -> dict[str, str]:
    """The headers that authenticate this deployment to the API behind ``url`` (may be empty)."""
    return headers_for(url, configured())
