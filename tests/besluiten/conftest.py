"""Fixtures of the Besluiten tests: the registers connected, a fake Documenten register."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.besluiten.helpers import FakeDocumenten, Types, types
from tests.zgw import ZGWClient
from zaakwerk import wiring
from zaakwerk.besluiten import registers


@pytest.fixture(autouse=True)
def _connected() -> None:
    # other tests may replace the local registers with fakes and remove them afterwards
    wiring.connect()


@pytest.fixture
def documenten(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeDocumenten]:
    fake = FakeDocumenten()
    monkeypatch.setitem(registers.local_documenten._factories, "documenten", lambda: fake)
    yield fake


@pytest.fixture
def catalogue(api: ZGWClient) -> Types:
    return types(api)
