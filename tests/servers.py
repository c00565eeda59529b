"""Processes that tests start: a free port on loopback, and a clean stop."""

from __future__ import annotations

import signal
import socket
import subprocess
import time
from typing import Any

import httpx


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def stop(process: subprocess.Popen[Any]) -> None:
    """SIGTERM, as an orchestrator stops a server; killed when it does not stop in 60 s.

    The server itself may take up to ``ZAAKWERK_SHUTDOWN_TIMEOUT`` (30 s) for its web workers and
    15 s more for its embedded notification worker; only a stop beyond both is a hang."""
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def wait_until_healthy(base: str, process: subprocess.Popen[Any], *, seconds: float = 60) -> bool:
    """Whether the server at ``base`` answers ``/healthz`` with 200 within ``seconds`` (False as soon
    as its process has ended)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return True
        except httpx.TransportError:
            time.sleep(0.2)
    return False
