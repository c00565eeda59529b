"""Helpers for the Notificaties API tests: a real HTTP receiver on loopback, clients, bodies."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import orjson
from openapi_schema_validator import OAS30Validator

from tests.contract import FORMATS, load_spec
from tests.zgw import ZGWClient, ZGWResponse, client_with

BASE = "/notificaties/api/v1"
SPEC = "notificaties-1.0.1.yaml"
CONSUMEREN = "notificaties.consumeren"
PUBLICEREN = "notificaties.publiceren"


@dataclass(frozen=True)
class Received:
    path: str
    authorization: str | None
    body: Any


@dataclass
class Receiver:
    """A subscriber's webhook on 127.0.0.1: records every POST and answers as told.

    ``status`` answers a request with an ``Authorization`` header, ``status_without_auth`` one
    without (``None``: the same as ``status``). A path starting with ``/slow`` answers after
    ``delay`` seconds.
    """

    base_url: str = ""
    status: int = 204
    status_without_auth: int | None = None
    delay: float = 0.0
    received: list[Received] = field(default_factory=list)

    def url(self, path: str = "/callback") -> str:
        return f"{self.base_url}{path}"


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            auth = self.headers.get("Authorization")
            receiver.received.append(Received(self.path, auth, orjson.loads(raw) if raw else None))
            if self.path.startswith("/slow"):
                time.sleep(receiver.delay)
            status = receiver.status
            if auth is None and receiver.status_without_auth is not None:
                status = receiver.status_without_auth
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

    return Handler


@contextmanager
def running_receiver() -> Iterator[Receiver]:
    receiver = Receiver()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(receiver))
    server.daemon_threads = True
    receiver.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()


def closed_port_url() -> str:
    """A loopback URL nothing listens on: connecting is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/callback"


def nrc_client(client_id: str, *scopes: str, component: str = "nrc") -> ZGWClient:
    return client_with(client_id, autorisaties=[{"component": component, "scopes": list(scopes)}])


def abonnement_body(
    callback_url: str, *kanalen: dict[str, Any], auth: str = "Bearer abc123"
) -> dict[str, Any]:
    return {
        "callbackUrl": callback_url,
        "auth": auth,
        "kanalen": list(kanalen) or [{"naam": "zaken", "filters": {}}],
    }


def message(kanaal: str = "zaken", **overrides: Any) -> dict[str, Any]:
    zaak = "http://testserver/zaken/api/v1/zaken/5d40b3e2-c3d4-4ec8-9b20-0d9ea8e27d4f"
    return {
        "kanaal": kanaal,
        "hoofdObject": zaak,
        "resource": "zaak",
        "resourceUrl": zaak,
        "actie": "create",
        "aanmaakdatum": "2024-05-01T12:00:00Z",
        "kenmerken": {
            "bronorganisatie": "002220647",
            "zaaktype": "http://testserver/catalogi/api/v1/zaaktypen/1",
            "vertrouwelijkheidaanduiding": "openbaar",
        },
        **overrides,
    }


def create_abonnement(api: ZGWClient, body: dict[str, Any]) -> dict[str, Any]:
    response = api.post(f"{BASE}/abonnement", body)
    assert response.status_code == 201, response.json_body
    return dict(response.json_body)


def codes(response: ZGWResponse) -> list[tuple[str, str]]:
    return [(p["name"], p["code"]) for p in response.json_body["invalidParams"]]


def check_error_body(response: ZGWResponse) -> None:
    """POST /notificaties declares only its 200; its errors are checked against the spec's
    ``ValidatieFout`` (400) or ``Fout`` (other statuses), as every other operation declares them."""
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.headers["API-version"] == "1.0.1"
    spec = load_spec(SPEC)
    name = "ValidatieFout" if response.status_code == 400 else "Fout"
    schema = {"$ref": f"#/components/schemas/{name}", "components": spec["components"]}
    errors = list(OAS30Validator(schema, format_checker=FORMATS).iter_errors(response.json_body))
    assert not errors, [e.message for e in errors]
