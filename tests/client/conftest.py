"""Another deployment for the client's tests: a real ``zaakwerk serve`` process with its own database.

The typed client talks to it over HTTP exactly as to any other conformant deployment; the tests
of deadlines and locks use it as a real server with its own threads and transactions.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.servers import free_port, stop, wait_until_healthy

CLIENT_ID, SECRET = "werkplek", "geheim-van-de-werkplek"


@dataclass(frozen=True)
class Deployment:
    url: str
    client_id: str
    secret: str
    log: Path

    @property
    def referentielijsten(self) -> str:
        return f"{self.url}/referentielijsten/api/v1"


def _environment(data: Path, url: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="zaakwerk.conf.settings",
        ZAAKWERK_DATA_DIR=str(data),
        ZAAKWERK_PUBLIC_URL=url,
        ZAAKWERK_EMBEDDED_WORKER="off",
        ZAAKWERK_THREADS="4",
        ZGW_PAGE_SIZE="2",  # so that lists have pages to iterate over
        ZGW_REMOTE_TIMEOUT="8",
        # the stand-in servers of the tests listen on loopback
        ZAAKWERK_OUTGOING_HOSTS="127.0.0.1",
        ZAAKWERK_OUTGOING_PRIVATE_NETWORKS="127.0.0.0/8",
    )
    return env


def _run(env: dict[str, str], *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "zaakwerk.cli", *args], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="session")
def other_deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    data = tmp_path_factory.mktemp("andere-installatie")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = _environment(data, url)
    _run(env, "migrate")
    _run(env, "client", "add", "--client-id", CLIENT_ID, "--secret", SECRET, "--all-authorizations")
    log = data / "server.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "zaakwerk.cli", "serve", "--port", str(port), "--workers", "1"],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        assert wait_until_healthy(url, process, seconds=90), f"not started:\n{log.read_text()[-3000:]}"
        yield Deployment(url=url, client_id=CLIENT_ID, secret=SECRET, log=log)
    finally:
        stop(process)
