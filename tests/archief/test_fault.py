"""Fault test: a real ``zaakwerk archief run`` is killed (SIGKILL) in the middle of destroying a
list; the next run finishes it, and no zaak is left with half its documents.

The number of zaken is ``ZAAKWERK_ARCHIEF_FAULT_ZAKEN`` (default 40, so the test stays short);
``benchmarks/archief.py`` runs the same with 1,000.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.archief.fault_support import ROOT, command, environment, migrate

ZAKEN = int(os.environ.get("ZAAKWERK_ARCHIEF_FAULT_ZAKEN", "40"))


def destroyed(database: Path) -> int:
    with sqlite3.connect(database, timeout=10) as connection:
        row = connection.execute(
            "SELECT COUNT(*) FROM archief_destructionlistitem WHERE step = 'vernietigd'"
        ).fetchone()
    return int(row[0])


def kill_in_the_middle(env: dict[str, str], database: Path, count: int, list_uuid: str) -> int:
    """Start a run, SIGKILL it once a third of the zaken is destroyed; how many were by then."""
    process = subprocess.Popen(
        [sys.executable, "-m", "zaakwerk.cli", "archief", "run", "--list", list_uuid],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 600
        while destroyed(database) < count // 3:
            assert process.poll() is None, "the run ended before it was killed"
            assert time.monotonic() < deadline, "the run did not get far enough"
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    return destroyed(database)


def test_a_killed_run_is_finished_by_the_next_and_leaves_no_zaak_half(tmp_path: Path) -> None:
    env = environment(tmp_path)
    migrate(env)
    list_uuid = (
        command(env, "-m", "tests.archief.fault_support", "setup", str(ZAKEN), "2").strip().splitlines()[-1]
    )
    # when a run is killed in the middle
    at_kill = kill_in_the_middle(env, tmp_path / "zaakwerk.sqlite3", ZAKEN, list_uuid)
    assert 0 < at_kill < ZAKEN
    between = json.loads(command(env, "-m", "tests.archief.fault_support", "check", list_uuid))
    assert between["state"] == "goedgekeurd" and between["zaken_left"] > 0
    # then the next run finishes it
    command(env, "-m", "zaakwerk.cli", "archief", "run")
    after = json.loads(command(env, "-m", "tests.archief.fault_support", "check", list_uuid))
    assert after == {
        "state": "vernietigd",
        "steps": ["vernietigd"],
        "zaken_left": 0,
        "documents_left": 0,
        "half": 0,
        "verklaringen": 1,
    }
