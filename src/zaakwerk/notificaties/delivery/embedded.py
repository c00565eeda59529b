"""The worker inside ``zaakwerk serve`` (the embedded default): one child process.

The server's main process starts exactly one ``zaakwerk worker --exit-with-parent`` beside the
web workers, however many of those run, and stops it (SIGTERM, then SIGKILL) when the server
stops. A separate process rather than a thread in the server: the web server forks its workers
from the main process, and a forked process must not inherit a running thread's locks or
database connection. ``--exit-with-parent`` ends the worker if the server is killed outright.
"""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection

logger = logging.getLogger(__name__)
STOP_TIMEOUT = 15


def wanted() -> bool:
    """ZAAKWERK_EMBEDDED_WORKER: on, off, or auto (on for SQLite)."""
    mode = str(settings.DELIVERY_EMBEDDED_WORKER).strip().lower()
    if mode in ("on", "true", "1", "yes"):
        return True
    if mode in ("off", "false", "0", "no"):
        return False
    return connection.vendor == "sqlite"


@contextmanager
def embedded_worker() -> Iterator[subprocess.Popen[bytes] | None]:
    if not wanted():
        yield None
        return
    command = [sys.executable, "-m", "zaakwerk.cli", "worker", "--exit-with-parent"]
    process = subprocess.Popen(command)
    print(f"Notification worker started (process {process.pid}).", flush=True)
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            logger.warning("notification worker did not stop in %s s; killing it", STOP_TIMEOUT)
            process.kill()
            process.wait()
