"""Independent requests side by side (docs/adr/0106): in pool threads when nothing forbids it, in
the caller's thread inside a transaction, never nested; results in order, every call finished
before an error is raised."""

from __future__ import annotations

import threading
import time
from contextvars import ContextVar
from dataclasses import dataclass

import pytest

from zaakwerk.client import concurrent

marker: ContextVar[str] = ContextVar("marker", default="")


@dataclass
class FakeConnection:
    """What :func:`concurrent.side_by_side` reads of the database connection."""

    vendor: str = "postgresql"
    in_atomic_block: bool = False


@pytest.fixture
def server_database(monkeypatch: pytest.MonkeyPatch) -> FakeConnection:
    """A database that takes concurrent writers, whatever the suite runs on."""
    fake = FakeConnection()
    monkeypatch.setattr(concurrent, "connection", fake)
    monkeypatch.setattr(concurrent, "close_connections", lambda: None)
    return fake


def test_calls_run_side_by_side_and_answer_in_order(server_database: FakeConnection) -> None:
    # each call waits until all three are running: one after the other they never would be
    together = threading.Barrier(3, timeout=10)

    def call(item: int) -> tuple[int, str]:
        together.wait()
        return item * 10, threading.current_thread().name

    results = concurrent.each(call, [1, 2, 3])
    assert [value for value, _ in results] == [10, 20, 30]
    assert threading.current_thread().name not in {name for _, name in results}


def test_every_call_ends_before_the_first_error_is_raised(server_database: FakeConnection) -> None:
    finished: list[int] = []

    def call(item: int) -> int:
        if item == 3:
            time.sleep(0.2)
            finished.append(item)
            return item
        raise ValueError(f"refused {item}")

    with pytest.raises(ValueError, match="refused 1"):
        concurrent.each(call, [1, 2, 3])
    assert finished == [3]


def test_the_callers_context_is_carried(server_database: FakeConnection) -> None:
    marker.set("aanvraag 7")
    assert concurrent.each(lambda _: marker.get(), [1, 2]) == ["aanvraag 7", "aanvraag 7"]


@pytest.mark.parametrize(
    "database",
    [FakeConnection(in_atomic_block=True), FakeConnection(vendor="sqlite")],
    ids=["inside-a-transaction", "sqlite"],
)
def test_calls_stay_in_the_callers_thread(monkeypatch: pytest.MonkeyPatch, database: FakeConnection) -> None:
    # a transaction still open: other threads could not see what it wrote; SQLite: one writer
    monkeypatch.setattr(concurrent, "connection", database)
    names = concurrent.each(lambda _: threading.current_thread().name, [1, 2, 3])
    assert names == [threading.current_thread().name] * 3


def test_a_call_in_a_pool_thread_does_not_wait_for_the_pool(server_database: FakeConnection) -> None:
    # more nested calls than the pool has threads: they run where they are asked for
    def inner(_: int) -> str:
        return threading.current_thread().name

    def outer(_: int) -> list[str]:
        return concurrent.each(inner, list(range(concurrent.WORKERS + 1)))

    for names in concurrent.each(outer, list(range(concurrent.WORKERS))):
        assert len(set(names)) == 1 and names[0] != threading.current_thread().name
