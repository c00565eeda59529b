"""JSON over :func:`~zaakwerk.client.transport.send`, authenticated, with the shared cache.

:class:`Http` is how one party calls APIs: this deployment with its own credentials (the URL
references of the registers, the remote registers, the notification publisher), or an
application with its client id and secret (through :class:`~zaakwerk.client.api.ZGWClient`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import httpx
import orjson

from zaakwerk.client import auth as auth_module
from zaakwerk.client import cache, policy, transport
from zaakwerk.client.errors import HTTPStatusError
from zaakwerk.client.transport import Reply

Params = Mapping[str, str | int | Sequence[str]]


@dataclass(frozen=True)
class Fetched:
    """The answer to a GET: its status and parsed JSON body (None when empty or not JSON)."""

    status: int
    body: Any


def with_params(url: str, params: Params | None) -> str:
    if not params:
        return url
    pairs: list[tuple[str, str | int | float | bool | None]] = []
    for key, value in params.items():
        values = [value] if isinstance(value, str | int) else list(value)
        pairs += [(key, str(item)) for item in values]
    return str(httpx.URL(url).copy_merge_params(pairs))


def parsed(reply: Reply) -> Any:
    if not reply.content:
        return None
    try:
        return orjson.loads(reply.content)
    except orjson.JSONDecodeError:
        return None


class Http:
    """Requests as one party: ``auth`` gives the headers per URL (default: this deployment's own
    credentials, ``ZGW_REMOTE_CREDENTIALS``)."""

    def __init__(
        self,
        auth: auth_module.Auth | None = None,
        *,
        timeout: float | None = None,
        in_process: bool = True,
        roots: Iterable[str] = (),
    ) -> None:
        self.auth = auth
        self.roots = tuple(roots)  # API roots this party was configured with: their hosts may be called
        # whose answers these are, for the shared cache (this deployment: "")
        self.party = str(getattr(auth, "client_id", "")) if auth is not None else ""
        self.timeout = timeout
        self.in_process = in_process

    def _headers(self, url: str, extra: Mapping[str, str] | None) -> dict[str, str]:
        provider = self.auth or auth_module.from_settings()
        return {"Accept": "application/json", **provider(url), **(extra or {})}

    def send(
        self,
        method: str,
        url: str,
        *,
        json: Any = None,
        params: Params | None = None,
        headers: Mapping[str, str] | None = None,
        max_bytes: int | None = None,
        timeout: float | None = None,
    ) -> Reply:
        """One request; the answer whatever its status (:class:`ClientError` when there is none)."""
        target = with_params(url, params)
        all_headers = self._headers(target, headers)
        content = None
        if json is not None:
            content = orjson.dumps(json)
            all_headers["Content-Type"] = "application/json"
        return transport.send(
            method,
            target,
            headers=all_headers,
            content=content,
            timeout=timeout if timeout is not None else self.timeout,
            max_bytes=max_bytes,
            in_process=self.in_process,
            rules=policy.current(self.roots),
        )

    def request(
        self,
        method: str,
        url: str,
        *,
        expected: tuple[int, ...] = (200,),
        json: Any = None,
        params: Params | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Any:
        """The parsed JSON answer; :class:`HTTPStatusError` for any status not in ``expected``."""
        reply = self.send(method, url, json=json, params=params, headers=headers)
        if reply.status not in expected:
            raise HTTPStatusError(method, reply.url, reply.status, parsed(reply))
        return parsed(reply)

    def fetch(self, url: str, *, cached: bool = True) -> Fetched:
        """GET ``url``; a published catalogue or reference-list object comes from the shared cache
        while fresh, and is revalidated with its ETag after (:mod:`zaakwerk.client.cache`)."""
        # only other APIs' objects: this deployment's own are read where they live
        use_cache = cached and not transport.is_local(url) and cache.cacheable_url(url)
        entry = cache.get(url, self.party) if use_cache else None
        if entry is not None and entry.fresh:
            return Fetched(200, entry.body)
        headers = {"If-None-Match": entry.etag} if entry is not None and entry.etag else None
        reply = self.send("GET", url, headers=headers)
        if reply.status == 304 and entry is not None:
            cache.put(url, self.party, entry.body, entry.etag)
            return Fetched(200, entry.body)
        body = parsed(reply)
        if use_cache and reply.status == 200 and cache.cacheable_body(body, len(reply.content)):
            cache.put(url, self.party, body, reply.headers.get("ETag", ""))
        return Fetched(reply.status, body)
