"""This deployment authenticates to other ZGW APIs with its own credentials (RULES.md 1.5)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

import jwt
import pytest

from zaakwerk.client.auth import CredentialFormatError, headers_for, parse_credentials
from zaakwerk.core import references

if TYPE_CHECKING:
    from pytest_django import Settings


def test_longest_matching_root_wins_and_others_get_no_token() -> None:
    credentials = parse_credentials(
        ["https://a.example/api|algemeen|s1", "https://a.example/api/zaken/api/v1|zaken|s2"]
    )
    token = headers_for("https://a.example/api/zaken/api/v1/zaken/1", credentials)["Authorization"]
    claims = jwt.decode(token.removeprefix("Bearer "), "s2", algorithms=["HS256"])
    assert claims["client_id"] == claims["iss"] == "zaken"
    assert {"iat", "user_id", "user_representation"} <= claims.keys()
    other = headers_for("https://a.example/api/catalogi/api/v1/zaaktypen/1", credentials)
    assert jwt.decode(other["Authorization"][7:], "s1", algorithms=["HS256"])["client_id"] == "algemeen"
    # a root is a path prefix, not a string prefix
    assert headers_for("https://a.example/apiother/x", credentials) == {}
    assert headers_for("https://elders.example/x", credentials) == {}


@pytest.mark.parametrize("entry", ["https://a.example", "https://a.example|id", "|id|secret", "x||s"])
def test_malformed_entries_are_refused(entry: str) -> None:
    with pytest.raises(CredentialFormatError):
        parse_credentials([entry])


@pytest.fixture
def recording_server() -> Iterator[tuple[str, list[str]]]:
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            seen.append(self.headers.get("Authorization", ""))
            body = b'{"url": "x"}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", seen
    server.shutdown()


@pytest.mark.django_db  # the shared cache is a table
def test_remote_fetches_carry_the_configured_token(
    recording_server: tuple[str, list[str]], settings: Settings
) -> None:
    root, seen = recording_server
    # given credentials for the Catalogi API there (which also puts its host on the allowlist)
    settings.REMOTE_CREDENTIALS = [f"{root}/catalogi/api/v1|zaakwerk-test|geheim"]
    # when references are fetched under that root and elsewhere on the host
    body, status = references.fetch(f"{root}/catalogi/api/v1/zaaktypen/1")
    references.fetch(f"{root}/elders/1")
    # then the first carries this deployment's token for that root, the second none
    assert status == 200 and body == {"url": "x"}
    assert jwt.decode(seen[0][7:], "geheim", algorithms=["HS256"])["client_id"] == "zaakwerk-test"
    assert seen[1] == ""
