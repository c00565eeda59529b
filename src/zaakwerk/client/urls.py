"""The canonical form of a URL: one spelling per resource (docs/adr/0036).

Two spellings of one resource (``HTTP://Host/…/zaaktypen/ABC…`` and ``http://host/…/zaaktypen/abc…``)
must not be two values: filters, abonnement filters and authorisations compare URLs as strings.
The canonical form lower-cases what is case-insensitive (scheme, host, UUIDs), drops a default port
and the fragment (which never reaches the server), and keeps everything else as it was. What no
server would accept as a URL (white space, control characters, credentials in it) is refused.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

DEFAULT_PORTS = {"http": 80, "https": 443}
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


class NotAUrl(ValueError):
    """Not an absolute http(s) URL that a server would accept."""


def canonical_origin(url: str) -> str:
    """``scheme://host[:port]`` in lower case, without the scheme's default port."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        raise NotAUrl("Geen absolute http(s)-URL.")
    try:
        port = parts.port
    except ValueError as exc:
        raise NotAUrl("Ongeldig poortnummer.") from exc
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    return f"{scheme}://{host}" if port in (None, DEFAULT_PORTS[scheme]) else f"{scheme}://{host}:{port}"


def canonical(url: str) -> str:
    """The canonical spelling of ``url``; raises :class:`NotAUrl` for what is not a usable URL."""
    if any(char.isspace() or ord(char) < 0x20 or ord(char) == 0x7F for char in url):
        raise NotAUrl("Een URL bevat geen spaties, regeleinden of stuurtekens.")
    parts = urlsplit(url)
    origin = canonical_origin(url)
    if parts.username is not None or parts.password is not None:
        raise NotAUrl("Een URL bevat geen gebruikersnaam of wachtwoord.")
    path = "/".join(segment.lower() if _UUID.match(segment) else segment for segment in parts.path.split("/"))
    return origin + path + (f"?{parts.query}" if parts.query else "")


def same_origin(first: str, second: str) -> bool:
    try:
        return canonical_origin(first) == canonical_origin(second)
    except NotAUrl:
        return False
