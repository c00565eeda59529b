"""Real ``zaakwerk worker`` processes against the test database (PostgreSQL only)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

# Short timings so the scenarios take seconds: a subscriber times out after 1 s, a lease lasts
# 2 s, retries start at 100 ms and never wait more than 1 s, a circuit cools down for 1 s.
WORKER_ENV = {
    "ZAAKWERK_DELIVERY_TIMEOUT": "1",
    "ZAAKWERK_DELIVERY_LEASE_SECONDS": "2",
    "ZAAKWERK_DELIVERY_BACKOFF_MS": "100",
    "ZAAKWERK_DELIVERY_BACKOFF_MAX_SECONDS": "1",
    "ZAAKWERK_DELIVERY_MAX_ATTEMPTS": "1000",
    "ZAAKWERK_DELIVERY_POLL_MS": "200",
    "ZAAKWERK_DELIVERY_THREADS": "4",
    "ZAAKWERK_DELIVERY_PER_ABONNEMENT": "2",
    "ZAAKWERK_CIRCUIT_FAILURES": "3",
    "ZAAKWERK_CIRCUIT_COOLDOWN_SECONDS": "1",
}

StartWorker = Callable[[], subprocess.Popen[bytes]]


def database_url() -> str:
    db = connection.settings_dict
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return (
        f"postgres://{user}{password}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"
    )


@pytest.fixture
def start_worker(tmp_path: Path) -> Iterator[StartWorker]:
    """Start worker processes on the test database; all are killed after the test."""
    processes: list[subprocess.Popen[bytes]] = []

    def start() -> subprocess.Popen[bytes]:
        env = {
            **os.environ,
            **WORKER_ENV,
            "DJANGO_SETTINGS_MODULE": "zaakwerk.conf.settings",
            "DATABASE_URL": database_url(),
            "ZAAKWERK_DATA_DIR": str(settings.DATA_DIR),
            "ZAAKWERK_PUBLIC_URL": settings.PUBLIC_URL,
        }
        log = (tmp_path / f"worker-{len(processes)}.log").open("wb")
        process = subprocess.Popen(
            [sys.executable, "-m", "zaakwerk.cli", "worker"], env=env, stdout=log, stderr=subprocess.STDOUT
        )
        processes.append(process)
        return process

    yield start
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    connection.close()


def wait_for(condition: Callable[[], bool], *, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")
