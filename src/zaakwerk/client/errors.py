"""What can go wrong when Zaakwerk calls another API, each error naming the service and what failed.

The messages are Dutch, like every text a client of Zaakwerk may see, and meant for logs and
application screens. A register that turns one of these into an answer to *its* caller does not
pass the message on when the URL came from that caller: what lies behind a URL (a closed port, an
internal service's status) is not the caller's business (docs/adr/0035).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

#: API segment in a URL (``…/zaken/api/v1/…``) → the API's name
API_NAMES = {
    "zaken": "Zaken API",
    "documenten": "Documenten API",
    "besluiten": "Besluiten API",
    "catalogi": "Catalogi API",
    "autorisaties": "Autorisaties API",
    "notificaties": "Notificaties API",
    "referentielijsten": "Referentielijsten API",
    "selectielijst": "Selectielijst API",
}


def service_name(url: str) -> str:
    """``Zaken API (zaken.example.nl)`` for a URL under ``…/zaken/api/v1``; else the host."""
    parts = urlsplit(url)
    host = parts.netloc or url
    segments = [segment for segment in parts.path.split("/") if segment]
    for index, segment in enumerate(segments[:-1]):
        if segments[index + 1] == "api" and segment in API_NAMES:
            return f"{API_NAMES[segment]} ({host})"
    return host


class ClientError(Exception):
    """A call to another API failed; ``service`` names it, ``what`` says how."""

    def __init__(self, method: str, url: str, what: str) -> None:
        self.method = method
        self.url = url
        self.service = service_name(url)
        self.what = what
        super().__init__(f"{self.service}: {what} ({method} {url})")


class NotAllowed(ClientError):
    """The outgoing-request policy refused the call: a host not on the allowlist, a non-public
    address, a redirect to another host. Nothing was sent (or nothing more)."""


class Unreachable(ClientError):
    """No connection, or the connection broke before a complete answer; ``retryable`` when asking
    again a moment later may help (not for a host name that does not resolve)."""

    def __init__(self, method: str, url: str, what: str, *, retryable: bool = True) -> None:
        super().__init__(method, url, what)
        self.retryable = retryable


class DeadlineExceeded(ClientError):
    """No complete answer within the call's total deadline."""


class ResponseTooLarge(ClientError):
    """The answer is larger than the call accepts."""


class InvalidResponse(ClientError):
    """The answer is not what the API promises (not JSON, not an object)."""


class HTTPStatusError(ClientError):
    """The API answered with an error status; ``body`` is its parsed error body (``Fout``), if any."""

    def __init__(self, method: str, url: str, status: int, body: Any = None) -> None:
        self.status = status
        self.body = body
        detail = body.get("detail") if isinstance(body, dict) else None
        what = f"HTTP {status}" + (f": {detail}" if isinstance(detail, str) and detail else "")
        super().__init__(method, url, what)

    @property
    def invalid_params(self) -> list[dict[str, Any]]:
        """The ``invalidParams`` of a ``ValidatieFout`` (400), else empty."""
        found = self.body.get("invalidParams") if isinstance(self.body, dict) else None
        return [item for item in found if isinstance(item, dict)] if isinstance(found, list) else []
