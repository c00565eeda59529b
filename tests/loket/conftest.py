"""Fixtures of the loket's tests: the demo catalogus, the loket registered with its least
rights, and the requests the loket sends to the registers counted, so a test can say how many a
page costs (every answer is checked against the official spec by tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.conf import settings

from tests.werkplek import zaken
from zaakwerk.client import ZGWClient, transport
from zaakwerk.ops.loket import authorise_loket
from zaakwerk.ops.webapps import authorise_werkplek
from zaakwerk.werkplek import zgw as werkplek_zgw


@dataclass
class Requests:
    """The requests sent to this deployment's APIs since the last :meth:`reset`."""

    sent: list[tuple[str, str]] = field(default_factory=list)

    def reset(self) -> None:
        self.sent.clear()

    def of(self, method: str = "") -> list[str]:
        return [url for m, url in self.sent if not method or m == method]


@pytest.fixture(autouse=True)
def requests(monkeypatch: pytest.MonkeyPatch) -> Iterator[Requests]:
    """Count the requests sent to this deployment's APIs."""
    seen = Requests()
    original = transport.send

    def counted(method: str, url: str, **kwargs: Any) -> transport.Reply:
        reply = original(method, url, **kwargs)
        if url.startswith(settings.PUBLIC_URL) and "/api/v1/" in url:
            seen.sent.append((method, url))
        return reply

    monkeypatch.setattr(transport, "send", counted)
    yield seen


@dataclass(frozen=True)
class Setup:
    werkplek: ZGWClient
    demo: zaken.Demo


@pytest.fixture
def setup(db: None) -> Setup:
    """The demo catalogus and the loket registered for its extern zaaktypen."""
    authorise_werkplek()
    werkplek = werkplek_zgw.service_client()
    demo = zaken.demo(werkplek, f"{werkplek_zgw.base_url()}/referentielijsten/api/v1")
    authorise_loket()
    return Setup(werkplek, demo)
