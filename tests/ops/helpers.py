"""Running the real ``zaakwerk`` command in a child process, on a fresh embedded database.

``free_port`` and ``stop`` come from :mod:`tests.servers`, shared with the other live-server tests.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.servers import free_port, stop

__all__ = ["command_env", "free_port", "one_line_error", "running", "stop", "wait_until_healthy", "zaakwerk"]

# Settings the suite sets for itself (test_settings, the browser tests) that a child process must
# not inherit when a test wants to see what an operator's bare environment does.
SUITE_ONLY = ("DATABASE_URL", "SECRET_KEY", "ZAAKWERK_PUBLIC_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")


def command_env(
    data_dir: Path, *, bare: bool = False, extra: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The environment of a ``zaakwerk`` process on a fresh embedded database in ``data_dir``.

    ``bare``: without the suite's secret key and public URL, as on a newcomer's machine.
    """
    dropped = SUITE_ONLY if bare else ("DATABASE_URL",)
    env = {key: value for key, value in os.environ.items() if key not in dropped}
    env.update(ZAAKWERK_DATA_DIR=str(data_dir), DJANGO_SETTINGS_MODULE="zaakwerk.conf.settings")
    env.update(extra or {})
    return env


def zaakwerk(
    data_dir: Path,
    *args: str,
    bare: bool = False,
    cwd: Path | None = None,
    extra: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "zaakwerk.cli", *args],
        env=command_env(data_dir, bare=bare, extra=extra),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=cwd,
    )


def wait_until_healthy(process: subprocess.Popen[str], url: str) -> httpx.Response:
    """The first ready answer (200) of ``{url}/healthz``, or the last one when a minute passes;
    fails when the process ends or never answers. A starting server may answer 503 while its
    database is still busy (a loaded machine), which is "not ready yet", not a failure."""
    deadline = time.monotonic() + 60
    answer: httpx.Response | None = None
    while time.monotonic() < deadline and process.poll() is None:
        try:
            answer = httpx.get(f"{url}/healthz", timeout=2)
        except httpx.TransportError:
            time.sleep(0.2)
            continue
        if answer.status_code == 200:
            return answer
        time.sleep(0.2)
    if answer is not None:
        return answer
    raise AssertionError(f"no server on {url} (exit code {process.poll()})")


@contextmanager
def running(
    data_dir: Path,
    *args: str,
    bare: bool = False,
    cwd: Path | None = None,
    extra: Mapping[str, str] | None = None,
) -> Iterator[subprocess.Popen[str]]:
    """``zaakwerk <args>`` as a server process (output in ``data_dir.parent/server.log``), stopped after."""
    log = (data_dir.parent / "server.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "zaakwerk.cli", *args],
        env=command_env(data_dir, bare=bare, extra=extra),
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=cwd,
    )
    try:
        yield process
    finally:
        stop(process)
        log.close()


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """The refusal of a command: exit code 2, exactly one line on stderr, no traceback."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    return lines[0]
