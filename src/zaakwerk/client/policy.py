"""Which outgoing requests this deployment may make (docs/adr/0035).

A URL a client names (a reference, a betrokkene, an ``expand`` target) must not turn this
deployment into a way to reach what only it can reach. Every request that leaves the process
passes two checks:

- its **host** is on the allowlist: this deployment, the hosts of the services it is configured
  to talk to (``ZGW_REMOTE_CREDENTIALS``, ``ZAAKWERK_NOTIFICATIES_API_URL``,
  ``ZGW_REFERENTIELIJSTEN_URL``) and ``ZAAKWERK_OUTGOING_HOSTS``;
- the **address actually connected to** is public, or in ``ZAAKWERK_OUTGOING_PRIVATE_NETWORKS``.
  The name is resolved once, every address it gives is checked, and the connection is made to a
  checked address, so a name that resolves to a loopback, private or link-local address is
  refused whatever it is called.

Subscriber callbacks are addresses a subscriber registered itself, so they skip the host check
but not the address check (:func:`for_callbacks`).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address

DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True)
class HostRule:
    """``host``, ``host:port``, ``*.domain`` (any subdomain) or ``*`` (every host)."""

    host: str
    port: int | None = None

    @classmethod
    def parse(cls, entry: str) -> HostRule:
        entry = entry.strip().lower()
        if "://" in entry:
            parts = urlsplit(entry)
            return cls(parts.hostname or "", parts.port or DEFAULT_PORTS.get(parts.scheme))
        if entry.startswith("["):  # [::1]:8000
            host, _, rest = entry[1:].partition("]")
            return cls(host, int(rest[1:]) if rest.startswith(":") else None)
        host, sep, port = entry.rpartition(":")
        if sep and port.isdigit() and ":" not in host:
            return cls(host, int(port))
        return cls(entry)

    def matches(self, host: str, port: int) -> bool:
        if self.port is not None and self.port != port:
            return False
        if self.host == "*":
            return True
        if self.host.startswith("*."):
            return host.endswith(self.host[1:])
        return host == self.host


@dataclass(frozen=True)
class Policy:
    """The rules one outgoing request is checked against."""

    hosts: tuple[HostRule, ...]
    private_networks: tuple[Network, ...]
    max_bytes: int
    #: False for subscriber callbacks: any host, addresses still checked
    check_host: bool = True

    def host_allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
            return False
        if not self.check_host:
            return True
        port = parts.port or DEFAULT_PORTS[parts.scheme]
        return any(rule.matches(parts.hostname.lower(), port) for rule in self.hosts)

    def address_allowed(self, address: str) -> bool:
        """A public unicast address, or one in the configured private networks."""
        try:
            ip: Address = ipaddress.ip_address(address.split("%", 1)[0])
        except ValueError:
            return False
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        if any(ip in network for network in self.private_networks):
            return True
        return ip.is_global and not ip.is_multicast


def configured_roots() -> list[str]:
    """The roots of the other services this deployment is configured to talk to."""
    roots = [settings.PUBLIC_URL, settings.NOTIFICATIES_API_URL, settings.REFERENTIELIJSTEN_URL]
    roots += [entry.split("|", 1)[0] for entry in settings.REMOTE_CREDENTIALS]
    return [root.strip() for root in roots if root and root.strip()]


def _networks(entries: list[str]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip())


def current(extra_roots: Iterable[str] = ()) -> Policy:
    """The policy for requests to other APIs, from the settings (read per request); ``extra_roots``:
    the API roots a client was explicitly configured with, whose hosts it may call too."""
    rules = [HostRule.parse(root) for root in (*configured_roots(), *extra_roots)]
    rules += [HostRule.parse(entry) for entry in settings.OUTGOING_HOSTS if entry.strip()]
    return Policy(
        hosts=tuple(rules),
        private_networks=_networks(settings.OUTGOING_PRIVATE_NETWORKS),
        max_bytes=settings.OUTGOING_MAX_BYTES,
    )


def for_callbacks() -> Policy:
    """The policy for notifications to subscribers: any host, the same address rule."""
    base = current()
    return Policy(
        hosts=(), private_networks=base.private_networks, max_bytes=base.max_bytes, check_host=False
    )


def validate_settings() -> None:
    """Raise ValueError for a malformed network in ``ZAAKWERK_OUTGOING_PRIVATE_NETWORKS``."""
    _networks(settings.OUTGOING_PRIVATE_NETWORKS)
