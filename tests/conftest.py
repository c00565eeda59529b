"""Fixtures shared by every test: API clients with and without authorisations."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.zgw import ZGWClient, client_with
from zaakwerk.core import references


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
def _clear_remote_cache() -> None:
    references.remote_cache.clear()


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never leave the machine: remote references to other hosts fail at once."""
    real_fetch = references._fetch_remote

    def fetch(url: str) -> tuple[dict[str, Any] | None, int]:
        host = urlsplit(url).hostname or ""
        if host not in ("127.0.0.1", "localhost", "::1"):
            return None, 0
        return real_fetch(url)

    monkeypatch.setattr(references, "_fetch_remote", fetch)


@pytest.fixture
def api(db: None) -> ZGWClient:
    """A client whose Applicatie has heeftAlleAutorisaties."""
    return client_with("test-alles", all_authorizations=True)


@pytest.fixture
def anonymous(db: None) -> ZGWClient:
    """A client that sends no Authorization header."""
    return ZGWClient(None)
