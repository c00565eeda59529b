"""Fixtures of the Besluiten tests: a fake Documenten register, a published catalogue."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.besluiten.helpers import FakeDocumenten, Types, types
from tests.zgw import ZGWClient
from zaakwerk.besluiten import registers


@pytest.fixture
def documenten() -> Iterator[FakeDocumenten]:
    fake = FakeDocumenten()
    with registers.local_documenten.replaced("documenten", fake):
        yield fake


@pytest.fixture
def catalogue(api: ZGWClient) -> Types:
    return types(api)
