"""A test client for the ZGW APIs: signs JWTs, sends JSON, validates every response."""

from __future__ import annotations

import json
import time
from typing import Any

import jwt
import orjson
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


def _encode(data: Any) -> bytes:
    """JSON for a request body; integers beyond 64 bits are valid JSON a client may send."""
    if data is None:
        return b""
    try:
        return orjson.dumps(data)
    except TypeError:
        return json.dumps(data).encode()


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
        data: Any = None,
        *,
        headers: dict[str, str] | None = None,
        raw: bytes | None = None,
        content_type: str = "application/json",
        **query: Any,
    ) -> Any:
        path = url.removeprefix("http://testserver")
        all_headers = dict(headers or {})
        if self.token is not None:
            all_headers.setdefault("Authorization", f"Bearer {self.token}")
        body = raw if raw is not None else _encode(data)
        kwargs: dict[str, Any] = {"headers": all_headers}
        if method in ("GET", "HEAD", "DELETE"):
            response = getattr(self.client, method.lower())(path, data=query or None, **kwargs)
        else:
            response = getattr(self.client, method.lower())(
                path, data=body, content_type=content_type, **kwargs
            )
        if self.validate:
            check_response(
                method,
                path.split("?")[0],
                response.status_code,
                response.get("Content-Type", ""),
                response.content,
            )
        response.json_body = (
            orjson.loads(response.content)
            if response.content and "json" in response.get("Content-Type", "")
            else None
        )
        return response

    def get(self, url: str, **kw: Any) -> Any:
        return self.request("GET", url, **kw)

    def head(self, url: str, **kw: Any) -> Any:
        return self.request("HEAD", url, **kw)

    def post(self, url: str, data: Any = None, **kw: Any) -> Any:
        return self.request("POST", url, data, **kw)

    def put(self, url: str, data: Any = None, **kw: Any) -> Any:
        return self.request("PUT", url, data, **kw)

    def patch(self, url: str, data: Any = None, **kw: Any) -> Any:
        return self.request("PATCH", url, data, **kw)

    def delete(self, url: str, **kw: Any) -> Any:
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


__all__ = ["RequestFactory", "ZGWClient", "client_with", "make_token"]
