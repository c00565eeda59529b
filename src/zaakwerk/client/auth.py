"""How the client authenticates to each API it calls (RULES.md 1.5: a provider fetches with its own
client id and secret, never with the consumer's token).

Two kinds of :data:`Auth`, both a function from the URL called to the headers to send:

- :func:`from_settings`: this deployment's own credentials, ``ZGW_REMOTE_CREDENTIALS``, which lists per
  API root the client id and secret this deployment is registered with there. The longest root that
  a URL starts with wins; a URL under none is called without ``Authorization`` (public APIs such as a
  Referentielijsten API need none).
- :class:`ClientCredentials`: an application's own client id and secret, for every API it calls.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import jwt
from django.conf import settings

Auth = Callable[[str], dict[str, str]]

# A token is signed again after this many seconds; well inside any server's maximum age.
TOKEN_REUSE_SECONDS = 60


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


def token_for(
    client_id: str,
    secret: str,
    now: float | None = None,
    *,
    user_id: str = "",
    user_representation: str = "",
) -> str:
    """A ZGW JWT (HS256) with the claims every ZGW API reads; ``user_id`` and
    ``user_representation`` name the person on whose behalf an application calls (the audit
    trail's gebruikersId and gebruikersWeergave)."""
    payload = {
        "iss": client_id,
        "client_id": client_id,
        "user_id": user_id,
        "user_representation": user_representation,
        "iat": int(now if now is not None else time.time()),
    }
    return jwt.encode(payload, secret, algorithm="HS256")


@dataclass
class ClientCredentials:
    """One client id and secret for every API called (an application's own registration), on
    behalf of ``user_id`` (shown as ``user_representation``) when an application acts for a person."""

    client_id: str
    secret: str
    user_id: str = ""
    user_representation: str = ""
    _token: tuple[float, str] = field(default=(0.0, ""), repr=False, compare=False)

    def __call__(self, url: str) -> dict[str, str]:
        issued, token = self._token
        now = time.time()
        if now - issued > TOKEN_REUSE_SECONDS:
            token = token_for(
                self.client_id,
                self.secret,
                now,
                user_id=self.user_id,
                user_representation=self.user_representation,
            )
            self._token = (now, token)
        return {"Authorization": f"Bearer {token}"}


def headers_for(url: str, credentials: Iterable[RemoteCredential]) -> dict[str, str]:
    for credential in credentials:
        if url == credential.root or url.startswith(credential.root + "/"):
            return {"Authorization": f"Bearer {token_for(credential.client_id, credential.secret)}"}
    return {}


@functools.lru_cache(maxsize=4)
def _parsed(entries: tuple[str, ...]) -> tuple[RemoteCredential, ...]:
    return tuple(parse_credentials(list(entries)))


def configured() -> tuple[RemoteCredential, ...]:
    """The credentials of ``ZGW_REMOTE_CREDENTIALS``, parsed once per value of the setting."""
    return _parsed(tuple(settings.REMOTE_CREDENTIALS))


def from_settings() -> Auth:
    """This deployment's own credentials per API root (``ZGW_REMOTE_CREDENTIALS``, as set now)."""
    credentials = configured()
    return lambda url: headers_for(url, credentials)
