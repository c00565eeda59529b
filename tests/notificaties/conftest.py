"""Fixtures of the Notificaties tests: a subscriber's webhook on loopback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.notificaties.api_helpers import Receiver, running_receiver


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    """A real HTTP receiver on 127.0.0.1 that records what it is sent."""
    with running_receiver() as running:
        yield running
