"""A stand-in OIDC broker served on loopback in the test process: discovery, an authorization
page (one button, as a broker's login page), a token endpoint that checks the code, the client's
secret and the PKCE verifier, and its signing keys. The claims it puts in the ID token are set
by the test (``broker.claims``)."""

from __future__ import annotations

import base64
import hashlib
import html
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import orjson
from joserfc import jwt
from joserfc.jwk import RSAKey


@dataclass
class Broker:
    url: str = ""
    client_id: str = "loket"
    client_secret: str = "geheim-van-het-loket"
    claims: dict[str, Any] = field(default_factory=dict)
    key: RSAKey = field(default_factory=lambda: RSAKey.generate_key(2048, parameters={"kid": "test"}))
    issuer_in_token: str = ""  # another issuer than its own, to test a refusal
    codes: dict[str, dict[str, str]] = field(default_factory=dict)
    token_requests: int = 0

    def metadata(self) -> dict[str, Any]:
        return {
            "issuer": self.url,
            "authorization_endpoint": f"{self.url}/authorize",
            "token_endpoint": f"{self.url}/token",
            "jwks_uri": f"{self.url}/jwks",
            "id_token_signing_alg_values_supported": ["RS256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic"],
        }

    def authorize(self, query: dict[str, str]) -> str:
        """A code for the request; the URL the broker sends the browser back to."""
        code = secrets.token_urlsafe(16)
        self.codes[code] = query
        back = {"code": code, "state": query.get("state", "")}
        return f"{query['redirect_uri']}?{urlencode(back)}"

    def token(self, form: dict[str, str], authorization: str) -> tuple[int, dict[str, Any]]:
        self.token_requests += 1
        expected = base64.b64encode(f"{self.client_id}:{self.client_secret}".encode()).decode()
        if authorization != f"Basic {expected}":
            return 401, {"error": "invalid_client"}
        asked = self.codes.pop(form.get("code", ""), None)
        if asked is None or asked.get("redirect_uri") != form.get("redirect_uri"):
            return 400, {"error": "invalid_grant"}
        digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
        if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != asked.get("code_challenge"):
            return 400, {"error": "invalid_grant", "error_description": "PKCE"}
        now = int(time.time())
        claims = {
            "iss": self.issuer_in_token or self.url,
            "aud": self.client_id,
            "sub": secrets.token_hex(8),
            "iat": now,
            "exp": now + 300,
            "nonce": asked.get("nonce", ""),
            **self.claims,
        }
        id_token = jwt.encode({"alg": "RS256", "kid": "test"}, claims, self.key)
        return 200, {"access_token": "at", "token_type": "Bearer", "id_token": id_token}


def _handler(broker: Broker) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _send(self, status: int, body: bytes, content_type: str = "application/json") -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            query = {key: values[0] for key, values in parse_qs(parts.query).items()}
            if parts.path == "/.well-known/openid-configuration":
                self._send(200, orjson.dumps(broker.metadata()))
            elif parts.path == "/jwks":
                self._send(200, orjson.dumps({"keys": [broker.key.as_dict(private=False)]}))
            elif parts.path == "/authorize":
                back = urlsplit(broker.authorize(query))
                fields = "".join(
                    f'<input type="hidden" name="{html.escape(key)}" value="{html.escape(values[0])}">'
                    for key, values in parse_qs(back.query).items()
                )
                action = html.escape(f"{back.scheme}://{back.netloc}{back.path}")
                page = (
                    '<!DOCTYPE html><html lang="nl"><head><title>Testmakelaar</title>'
                    '<link rel="icon" href="data:,"></head><body><main><h1>Testmakelaar</h1>'
                    f'<form method="get" action="{action}">{fields}'
                    '<button type="submit">Inloggen</button></form></main></body></html>'
                )
                self._send(200, page.encode(), "text/html; charset=utf-8")
            else:
                self._send(404, b"{}")

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            form = {key: values[0] for key, values in parse_qs(self.rfile.read(length).decode()).items()}
            if urlsplit(self.path).path == "/token":
                status, body = broker.token(form, self.headers.get("Authorization", ""))
                self._send(status, orjson.dumps(body))
            else:
                self._send(404, b"{}")

    return Handler


@contextmanager
def serving() -> Iterator[Broker]:
    broker = Broker()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(broker))
    broker.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield broker
    finally:
        server.shutdown()
        server.server_close()
