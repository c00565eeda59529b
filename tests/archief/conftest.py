"""The archief's tests: every answer the archief's client gets from the registers is checked
against the official OpenAPI specifications."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.contract import check_response
from zaakwerk.client.inprocess import InProcessTransport


@pytest.fixture(autouse=True)
def _answers_match_the_specs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    original = InProcessTransport.handle_request

    def checked(self: InProcessTransport, request: httpx.Request) -> httpx.Response:
        response = original(self, request)
        content_type = response.headers.get("Content-Type", "")
        if "json" in content_type:
            body = response.read()
            check_response(request.method, request.url.path, response.status_code, content_type, body)
        return response

    monkeypatch.setattr(InProcessTransport, "handle_request", checked)
    yield
