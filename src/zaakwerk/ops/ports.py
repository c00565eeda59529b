"""Is the address ``zaakwerk serve`` should listen on free? One clear line when it is not.

Granian binds every worker's socket with ``SO_REUSEPORT``, so a second server on a port
another granian holds starts without an error and the kernel splits the connections between
the two installations. Binding a plain socket first (``SO_REUSEADDR`` only, as any server
does, so a port in ``TIME_WAIT`` stays usable) fails when any process listens there, which is
the refusal wanted. A foreign program on the port would otherwise end in granian's traceback.
"""

from __future__ import annotations

import errno
import json
import socket
import urllib.error
import urllib.request
from ipaddress import ip_address

WILDCARDS = {"0.0.0.0", "::", ""}


def local_url(host: str, port: int) -> str:
    """The URL a client on this machine uses for a server listening on ``host:port``."""
    shown = "127.0.0.1" if host in WILDCARDS else host
    if _is_ipv6(shown):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


def listen_problem(host: str, port: int) -> str | None:
    """Why ``host:port`` cannot be listened on, in one line; ``None`` when it is free."""
    try:
        family, _, _, _, address = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as exc:
        return f"cannot listen on {host}:{port}: {exc.strerror}"
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            return _bind_problem(host, port, exc)
    return None


def _bind_problem(host: str, port: int, exc: OSError) -> str:
    if exc.errno == errno.EADDRINUSE:
        if _is_zaakwerk(local_url(host, port)):
            return (
                f"a Zaakwerk server already listens on {host}:{port}; stop it first, or choose another "
                "port with --port."
            )
        return (
            f"port {port} on {host} is in use by another program; stop it, or choose another port "
            "with --port."
        )
    if exc.errno == errno.EACCES:
        return f"no permission to listen on port {port} (ports below 1024 need privileges); use --port."
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"{host} is not an address of this machine; use --host."
    return f"cannot listen on {host}:{port}: {exc.strerror}"


def _is_zaakwerk(url: str) -> bool:
    """Whether the program on the port answers Zaakwerk's health check."""
    try:
        with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
            body = json.loads(response.read(4096))
    except urllib.error.HTTPError as exc:  # 503 while its database is down: still a Zaakwerk
        body = _json_or_none(exc.read(4096))
    except (OSError, ValueError):
        return False
    return isinstance(body, dict) and {"status", "database"} <= body.keys()


def _json_or_none(raw: bytes) -> object:
    try:
        return json.loads(raw)
    except ValueError:
        return None


def _is_ipv6(host: str) -> bool:
    try:
        return ip_address(host).version == 6
    except ValueError:
        return False
