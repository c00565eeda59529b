"""The network under the client: checked addresses and one deadline for a whole call.

httpx's time-outs apply to each read and write, so a server that sends one byte a second never
trips them. Here every socket operation is given the time that is left until the call's
deadline, whatever httpx asks for: a call ends at its deadline, however the other side behaves.

Connections are made by :class:`GuardedBackend`: it resolves the host name itself (within the
deadline), checks every address against the call's :class:`~zaakwerk.client.policy.Policy`, and
connects to a checked address, never to the name (so the name cannot resolve differently a second
time). TLS is still verified against the host name.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import time
import typing
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from contextvars import ContextVar
from dataclasses import dataclass

import httpcore
import httpx

from zaakwerk.client.policy import Policy

#: host, port → the addresses to try, in order. Tests replace it (they never leave the machine).
Resolver = Callable[[str, int], list[str]]


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


_resolver: list[Resolver] = [system_resolver]
_dns = ThreadPoolExecutor(max_workers=4, thread_name_prefix="zaakwerk-dns")


def set_resolver(resolver: Resolver) -> Resolver:
    """Install ``resolver`` for every later connection; returns the one it replaces."""
    before = _resolver[0]
    _resolver[0] = resolver
    return before


@dataclass(frozen=True)
class Limits:
    """What applies to the call in progress: its deadline (``time.monotonic()``) and policy."""

    deadline: float
    policy: Policy


_limits: ContextVar[Limits | None] = ContextVar("zaakwerk_client_limits", default=None)


@contextlib.contextmanager
def limits(value: Limits) -> Iterator[None]:
    token = _limits.set(value)
    try:
        yield
    finally:
        _limits.reset(token)


def limits_in_force() -> Limits | None:
    """The limits of the call in progress in this context (a call made while answering one)."""
    return _limits.get()


def current_limits() -> Limits:
    found = _limits.get()
    if found is None:
        # a request sent outside zaakwerk.client.transport.send: nothing may pass unchecked
        raise httpcore.ConnectError("outgoing request without limits")
    return found


def remaining(timeout: float | None, error: type[Exception]) -> float:
    """The socket time-out for one operation: httpx's, but never beyond the deadline."""
    left = current_limits().deadline - time.monotonic()
    if left <= 0:
        raise error("deadline reached")
    return left if timeout is None else min(timeout, left)


class GuardedStream(httpcore.NetworkStream):
    """A connection whose every read and write ends by the call's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self.inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, remaining(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, remaining(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        upgraded = self.inner.start_tls(
            ssl_context, server_hostname, remaining(timeout, httpcore.ConnectTimeout)
        )
        return GuardedStream(upgraded)

    def get_extra_info(self, info: str) -> typing.Any:
        return self.inner.get_extra_info(info)


class AddressRefused(httpcore.ConnectError):
    """Every address of the host is outside the policy."""


class NoAddress(httpcore.ConnectError):
    """The host name does not resolve (asking again a moment later rarely helps)."""


def _resolve(host: str, port: int) -> list[str]:
    future = _dns.submit(_resolver[0], host, port)
    try:
        return future.result(timeout=remaining(None, httpcore.ConnectTimeout))
    except FutureTimeout:
        raise httpcore.ConnectTimeout("name resolution did not finish in time") from None
    except OSError as exc:
        raise NoAddress(f"name resolution failed: {exc}") from exc


class GuardedBackend(httpcore.NetworkBackend):
    """Connects only to addresses the call's policy allows, within the call's deadline."""

    def __init__(self) -> None:
        self.inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        policy = current_limits().policy
        allowed = [address for address in _resolve(host, port) if policy.address_allowed(address)]
        if not allowed:
            raise AddressRefused(f"{host} has no address this deployment may connect to")
        error: Exception = httpcore.ConnectError(f"could not connect to {host}")
        for address in allowed:
            try:
                stream = self.inner.connect_tcp(
                    address,
                    port,
                    remaining(timeout, httpcore.ConnectTimeout),
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
                continue
            peer = stream.get_extra_info("server_addr")
            if not peer or not policy.address_allowed(str(peer[0])):  # belt and braces
                stream.close()
                raise AddressRefused(f"{host} connected to an address outside the policy")
            return GuardedStream(stream)
        raise error


class NetworkTransport(httpx.HTTPTransport):
    """httpx's transport over :class:`GuardedBackend`: pooled, with TLS verified as usual."""

    def __init__(self, limits: httpx.Limits) -> None:
        super().__init__(trust_env=False, limits=limits)
        # Same pool as httpx builds, with our backend under it (httpx has no argument for it).
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(),
        )
