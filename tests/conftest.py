"""Fixtures shared by every test: API clients with and without authorisations."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from tests.zgw import ZGWClient, client_with
from zaakwerk.client import cache, network


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
