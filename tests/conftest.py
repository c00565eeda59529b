"""Fixtures shared by every test: API clients with and without authorisations."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import httpx
import pytest

from tests.contract import check_response
from tests.zgw import ZGWClient, client_with
from zaakwerk.client import cache, network
from zaakwerk.client.inprocess import InProcessTransport


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``postgres`` need PostgreSQL: skipped when the suite runs on SQLite."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _clear_remote_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with an empty shared cache (a namespace of its own, no database needed)."""
    monkeypatch.setattr(cache, "namespace", uuid.uuid4().hex)


@pytest.fixture(autouse=True)
def _in_process_answers_meet_the_spec(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every answer the applications (werkplek, loket, …) get from this deployment through
    ``zaakwerk.client`` is checked against the official spec, as the tests' own API calls are."""
    send = InProcessTransport.handle_request

    def checked(self: InProcessTransport, request: httpx.Request) -> httpx.Response:
        response = send(self, request)
        response.read()
        content_type = response.headers.get("Content-Type", "")
        check_response(request.method, request.url.path, response.status_code, content_type, response.content)
        return response

    monkeypatch.setattr(InProcessTransport, "handle_request", checked)


LOOPBACK_NAMES = {"localhost": ["127.0.0.1"], "127.0.0.1": ["127.0.0.1"], "::1": ["::1"]}


@pytest.fixture(autouse=True)
def _no_network() -> Iterator[None]:
    """Tests never leave the machine: only loopback names resolve; any other host fails to connect
    as if it did not exist (a test that needs one registers a stand-in, tests/remote.py)."""

    def resolve(host: str, port: int) -> list[str]:
        if host not in LOOPBACK_NAMES:
            raise OSError(f"{host} is not resolved in tests")
        return LOOPBACK_NAMES[host]

    before = network.set_resolver(resolve)
    yield
    network.set_resolver(before)


@pytest.fixture
def api(db: None) -> ZGWClient:
    """A client whose Applicatie has heeftAlleAutorisaties."""
    return client_with("test-alles", all_authorizations=True)


@pytest.fixture
def anonymous(db: None) -> ZGWClient:
    """A client that sends no Authorization header."""
    return ZGWClient(None)
