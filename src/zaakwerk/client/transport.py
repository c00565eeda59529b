"""Sending one request: the transport, the outgoing-request policy, one deadline, bounded retries.

:func:`transport_for` is the one place that decides how a URL is reached: a URL of this
deployment (it starts with ``ZAAKWERK_PUBLIC_URL``) goes to the in-process application, any
other over the network. :func:`send` applies, for every request that leaves the process:

- the policy (:mod:`zaakwerk.client.policy`): allowed hosts, checked addresses, a size cap;
- redirects only to the same scheme, host and port, at most :data:`MAX_REDIRECTS`;
- one deadline for the whole call, retries and redirects included (:mod:`zaakwerk.client.network`);
- retries with back-off for idempotent methods only, after a failed connection or a 502/503/504.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx
import orjson
from django.conf import settings

from zaakwerk.client import network, policy
from zaakwerk.client.errors import (
    ClientError,
    DeadlineExceeded,
    InvalidResponse,
    NotAllowed,
    ResponseTooLarge,
    Unreachable,
)
from zaakwerk.client.inprocess import InProcessTransport
from zaakwerk.client.urls import canonical_origin, same_origin

IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
RETRY_STATUSES = frozenset({502, 503, 504})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 3
BACKOFF_SECONDS = 0.2


@dataclass(frozen=True)
class Reply:
    """A complete answer: status, headers and the whole body (within the size cap)."""

    method: str
    url: str
    status: int
    headers: httpx.Headers
    content: bytes

    def json(self) -> Any:
        try:
            return orjson.loads(self.content)
        except orjson.JSONDecodeError:
            raise InvalidResponse(self.method, self.url, "het antwoord is geen JSON") from None


def is_local(url: str) -> bool:
    """Whether ``url`` belongs to this deployment: its origin and path prefix are the public URL's."""
    public = settings.PUBLIC_URL
    if url.startswith(public + "/"):
        return True  # the usual spelling, without parsing
    if not same_origin(url, public):
        return False
    prefix = urlsplit(public).path.rstrip("/")
    path = urlsplit(url).path
    return not prefix or path == prefix or path.startswith(prefix + "/")


class _Network(httpx.BaseTransport):
    """The network, or for an origin a test registered (:func:`stand_in`) its stand-in."""

    def __init__(self, limits: httpx.Limits | None = None) -> None:
        self.real = network.NetworkTransport(limits or httpx.Limits(max_connections=100))

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        stand_in = _stand_ins.get(canonical_origin(str(request.url)))
        return (stand_in or self.real).handle_request(request)


_stand_ins: dict[str, httpx.BaseTransport] = {}
_clients: dict[str, httpx.Client] = {}
_clients_lock = threading.Lock()


def stand_in(origin: str, transport: httpx.BaseTransport | None) -> None:
    """Tests: answer requests to ``origin`` with ``transport`` instead of the network (None: stop).
    The policy's host check still applies; no address is connected to."""
    if transport is None:
        _stand_ins.pop(canonical_origin(origin), None)
    else:
        _stand_ins[canonical_origin(origin)] = transport


def _client(kind: str) -> httpx.Client:
    with _clients_lock:
        if kind not in _clients:
            transport = InProcessTransport() if kind == "in-process" else _Network()
            _clients[kind] = httpx.Client(transport=transport, follow_redirects=False, trust_env=False)
        return _clients[kind]


def transport_for(url: str, *, in_process: bool = True, via: httpx.Client | None = None) -> httpx.Client:
    """The one place that chooses: in-process for a URL of this deployment, else the network
    (``via``: a caller's own pooled client over :func:`network_client`'s transport, such as a
    delivery worker's). ``in_process=False`` sends even this deployment's URLs over HTTP (a client
    pointed at a deployment that only happens to share this process, as in the client's tests)."""
    if in_process and is_local(url):
        return _client("in-process")
    return via if via is not None else _client("network")


def network_client(max_connections: int = 100) -> httpx.Client:
    """A pooled client of its own over the guarded network, for :func:`send`'s ``via``."""
    limits = httpx.Limits(max_connections=max_connections)
    return httpx.Client(transport=_Network(limits), follow_redirects=False, trust_env=False)


def _read(response: httpx.Response, method: str, url: str, max_bytes: int) -> bytes:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise ResponseTooLarge(method, url, f"antwoord groter dan {max_bytes} bytes")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise ResponseTooLarge(method, url, f"antwoord groter dan {max_bytes} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _translate(exc: httpx.HTTPError, method: str, url: str) -> ClientError:
    if isinstance(exc.__cause__, network.AddressRefused):
        return NotAllowed(method, url, "het adres van de host is niet toegestaan")
    if isinstance(exc, httpx.TimeoutException):
        return DeadlineExceeded(method, url, "geen volledig antwoord binnen de tijdslimiet")
    if isinstance(exc.__cause__, network.NoAddress):
        return Unreachable(method, url, "de host is niet gevonden", retryable=False)
    return Unreachable(method, url, "geen verbinding of een afgebroken antwoord")


@dataclass(frozen=True)
class Call:
    """What one :func:`send` asks for, besides the method and URL."""

    headers: dict[str, str]
    content: bytes | None
    max_bytes: int
    policy: policy.Policy
    in_process: bool
    via: httpx.Client | None


def _once(method: str, url: str, call: Call) -> Reply:
    """One request, following redirects within the same origin."""
    target = url
    for _ in range(MAX_REDIRECTS + 1):
        local = call.in_process and is_local(target)
        client = transport_for(target, in_process=call.in_process, via=call.via)
        if not local and not call.policy.host_allowed(target):
            raise NotAllowed(method, target, "deze host staat niet op de lijst van toegestane hosts")
        left = max(0.001, network.current_limits().deadline - time.monotonic())
        try:
            request = client.build_request(
                method, target, headers=call.headers, content=call.content, timeout=httpx.Timeout(left)
            )
            response = client.send(request, stream=True)
            try:
                if response.status_code in REDIRECTS and method in ("GET", "HEAD"):
                    location = urljoin(target, response.headers.get("Location", ""))
                    if not same_origin(location, target):
                        raise NotAllowed(method, target, "doorverwijzing naar een andere host")
                    target = location
                    continue
                content = _read(response, method, target, call.max_bytes)
                return Reply(method, target, response.status_code, response.headers, content)
            finally:
                response.close()
        except httpx.HTTPError as exc:
            raise _translate(exc, method, target) from exc
        except (httpx.InvalidURL, ValueError) as exc:
            raise NotAllowed(method, target, "geen geldige URL") from exc
    raise NotAllowed(method, url, "te veel doorverwijzingen")


def _outer_deadline() -> float | None:
    outer = network.limits_in_force()
    return outer.deadline if outer is not None else None


def send(
    method: str,
    url: str,
    *,
    headers: dict[str, str] | None = None,
    content: bytes | None = None,
    timeout: float | None = None,
    max_bytes: int | None = None,
    rules: policy.Policy | None = None,
    in_process: bool = True,
    retries: int | None = None,
    via: httpx.Client | None = None,
) -> Reply:
    """Send one request and read the whole answer, all within one deadline of ``timeout`` seconds
    (default ``ZGW_REMOTE_TIMEOUT``). Raises a :class:`~zaakwerk.client.errors.ClientError`
    when there is no complete answer; an error status is an answer (see ``Reply.status``)."""
    rules = rules or policy.current()
    deadline = time.monotonic() + (timeout if timeout is not None else settings.REMOTE_TIMEOUT)
    outer = _outer_deadline()  # a call made while answering another call ends with it
    call = Call(
        headers=dict(headers or {}),
        content=content,
        max_bytes=max_bytes if max_bytes is not None else rules.max_bytes,
        policy=rules,
        in_process=in_process,
        via=via,
    )
    attempts = 1 + (retries if retries is not None else settings.REMOTE_RETRIES) * (method in IDEMPOTENT)
    with network.limits(network.Limits(min(deadline, outer or deadline), rules)):
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                reply = _once(method, url, call)
            except Unreachable as exc:
                if last or not exc.retryable or not _pause(attempt):
                    raise
                continue
            if reply.status not in RETRY_STATUSES or last or not _pause(attempt):
                return reply
    raise AssertionError("unreachable")  # pragma: no cover


def _pause(attempt: int) -> bool:
    """Sleep before the next attempt if the deadline leaves room for it and a request after it."""
    delay = BACKOFF_SECONDS * 2**attempt * random.uniform(0.5, 1.0)
    if network.current_limits().deadline - time.monotonic() < 2 * delay:
        return False
    time.sleep(delay)
    return True
