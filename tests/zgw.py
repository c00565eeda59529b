"""A test client for the ZGW APIs: signs JWTs, sends JSON, validates every response."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import jwt
import orjson
from django.http import HttpResponse
from django.test import Client
from django.test.client import RequestFactory

from tests.contract import check_response
from zaakwerk.autorisaties.clients import register_client
from zaakwerk.autorisaties.models import Applicatie, AuthorisationsGeneration, Autorisatie, ClientId
from zaakwerk.core.models import AuditTrail, OutboxMessage


def make_token(
    client_id: str, secret: str, *, iat: float | None = None, alg: str = "HS256", **claims: Any
) -> str:
    payload = {
        "iss": client_id,
        "client_id": client_id,
        "user_id": "tester",
        "user_representation": "Test Gebruiker",
        "iat": int(time.time() if iat is None else iat),
        **claims,
    }
    return jwt.encode(payload, secret, algorithm=alg)


def _encode(data: object) -> bytes:
    """JSON for a request body; integers beyond 64 bits are valid JSON a client may send."""
    if data is None:
        return b""
    try:
        return orjson.dumps(data)
    except TypeError:
        return json.dumps(data).encode()


@dataclass(frozen=True)
class ZGWResponse:
    """What a test observes of an API response: status, headers, the raw body and its JSON.

    ``json_body`` is the parsed JSON (``None`` for an empty or non-JSON body). It is typed
    ``Any`` like every freshly parsed document: the client has already checked its shape
    against the official spec, and tests index into it freely.
    """

    status_code: int
    headers: Mapping[str, str]
    content: bytes
    json_body: Any

    def __getitem__(self, header: str) -> str:
        return self.headers[header]

    def __contains__(self, header: str) -> bool:
        return header in self.headers

    def get(self, header: str, default: str | None = None) -> str | None:
        return self.headers.get(header, default)


class ZGWClient:
    """Wraps Django's test client; every response is checked against the official spec."""

    def __init__(self, token: str | None, *, validate: bool = True) -> None:
        self.client = Client()
        self.token = token
        self.validate = validate

    def request(
        self,
        method: str,
        url: str,
        data: object = None,
        *,
        headers: dict[str, str] | None = None,
        raw: bytes | None = None,
        content_type: str = "application/json",
        **query: str | int,
    ) -> ZGWResponse:
        path = url.removeprefix("http://testserver")
        all_headers = dict(headers or {})
        if self.token is not None:
            all_headers.setdefault("Authorization", f"Bearer {self.token}")
        body = raw if raw is not None else _encode(data)
        send: Callable[..., HttpResponse] = getattr(self.client, method.lower())
        if method in ("GET", "HEAD", "DELETE"):
            response = send(path, data=query or None, headers=all_headers)
        else:
            response = send(path, data=body, content_type=content_type, headers=all_headers)
        received_type = response.get("Content-Type", "")
        if self.validate:
            check_response(method, path.split("?")[0], response.status_code, received_type, response.content)
        return ZGWResponse(
            status_code=response.status_code,
            headers=response.headers,
            content=response.content,
            json_body=(
                orjson.loads(response.content) if response.content and "json" in received_type else None
            ),
        )

    def get(self, url: str, **kw: Any) -> ZGWResponse:
        return self.request("GET", url, **kw)

    def head(self, url: str, **kw: Any) -> ZGWResponse:
        return self.request("HEAD", url, **kw)

    def post(self, url: str, data: object = None, **kw: Any) -> ZGWResponse:
        return self.request("POST", url, data, **kw)

    def put(self, url: str, data: object = None, **kw: Any) -> ZGWResponse:
        return self.request("PUT", url, data, **kw)

    def patch(self, url: str, data: object = None, **kw: Any) -> ZGWResponse:
        return self.request("PATCH", url, data, **kw)

    def delete(self, url: str, **kw: Any) -> ZGWResponse:
        return self.request("DELETE", url, **kw)


def client_with(
    client_id: str, *, all_authorizations: bool = False, autorisaties: list[dict[str, Any]] | None = None
) -> ZGWClient:
    """A ZGWClient for a new client id with the given authorisations.

    ``autorisaties`` items: {"component": "ztc", "scopes": [...], "zaaktype": url,
    "max_vertrouwelijkheidaanduiding": "openbaar"}.
    """
    secret = f"secret-{client_id}"
    before = OutboxMessage.objects.order_by("-id").values_list("id", flat=True).first() or 0
    register_client(client_id, secret, all_authorizations=all_authorizations)
    # Set-up, not part of what a test observes: the applicatie's notification and audit line.
    OutboxMessage.objects.filter(id__gt=before, kanaal="autorisaties").delete()
    AuditTrail.objects.filter(bron="ac", resource="applicatie", applicatie_id="zaakwerk").delete()
    if autorisaties is not None:
        applicatie = Applicatie.objects.create(label=client_id)
        ClientId.objects.create(applicatie=applicatie, client_id=client_id)
        for position, item in enumerate(autorisaties):
            Autorisatie.objects.create(applicatie=applicatie, position=position, **item)
        AuthorisationsGeneration.bump()
    return ZGWClient(make_token(client_id, secret))


__all__ = ["RequestFactory", "ZGWClient", "ZGWResponse", "client_with", "make_token"]
