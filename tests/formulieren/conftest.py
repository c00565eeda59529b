"""Fixtures of the forms' tests: every answer the forms' client receives is checked against the
official specification, the demo catalogus and demo forms, and a visitor logged in to the loket."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from importlib import import_module
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import Client

from tests.client.conftest import other_deployment
from tests.contract import check_response
from zaakwerk.client import ZGWClient, transport
from zaakwerk.formulieren import demo as demo_forms
from zaakwerk.formulieren import zgw
from zaakwerk.formulieren.models import Formulier
from zaakwerk.loket.identity import SESSION_KEY, Identity
from zaakwerk.ops.demo import DemoReport, load_demo
from zaakwerk.ops.formulieren import authorise

__all__ = ["other_deployment"]

BSN = "999993653"  # passes the eleven test; a test number
KVK = "69599084"


@pytest.fixture(autouse=True)
def _answers_match_the_spec(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every reply the client gets (in-process or over HTTP) matches the official OpenAPI document."""
    seen: list[str] = []
    real = transport.send

    def checked(method: str, url: str, **kwargs: Any) -> transport.Reply:
        reply = real(method, url, **kwargs)
        path = urlsplit(reply.url).path
        check_response(method, path, reply.status, reply.headers.get("Content-Type", ""), reply.content)
        seen.append(f"{method} {path} {reply.status}")
        return reply

    monkeypatch.setattr(transport, "send", checked)
    yield seen


@pytest.fixture
def forms_client(db: None) -> ZGWClient:
    authorise()
    return zgw.client()


@pytest.fixture
def catalogus(forms_client: ZGWClient) -> DemoReport:
    return load_demo(forms_client, referentielijsten=f"{settings.PUBLIC_URL}/referentielijsten/api/v1")


@pytest.fixture
def demo(catalogus: DemoReport) -> dict[str, Formulier]:
    demo_forms.load(catalogus.catalogus)
    return {formulier.slug: formulier for formulier in Formulier.objects.all()}


def log_in(browser: Client, who: Identity) -> None:
    """Log ``who`` in to the loket, as the login views do: the identity in the session."""
    engine = import_module(settings.SESSION_ENGINE)
    session = engine.SessionStore()
    session[SESSION_KEY] = {
        "kind": who.kind,
        "value": who.value,
        "via": who.via,
        "name": who.name,
        "vestigingsnummer": who.vestigingsnummer,
    }
    session.save()
    browser.cookies[settings.SESSION_COOKIE_NAME] = str(session.session_key)


@pytest.fixture
def resident() -> Callable[[], Client]:
    def make(value: str = BSN) -> Client:
        browser = Client()
        log_in(browser, Identity(kind="bsn", value=value, via="dev", name="Test Inwoner"))
        return browser

    return make
