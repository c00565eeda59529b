"""The real ``zaakwerk serve``: kept-alive connections beyond the request slots are served, and a
port that is taken is refused with one line."""

from __future__ import annotations

import http.client
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.ops.helpers import free_port, one_line_error, running, wait_until_healthy, zaakwerk

WORKERS, THREADS = 2, 2
# more clients than request slots (workers × threads), each keeping its connection open
CLIENTS = 3 * WORKERS * THREADS
REQUESTS = 3
# no answer within this time is a starved connection (a passing run answers in well under a second)
NO_ANSWER = 20


@dataclass
class KeptAlive:
    statuses: list[int] = field(default_factory=list)
    failure: str = ""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """One server with 2 workers × 2 threads on a fresh embedded database; yields its port."""
    data = tmp_path_factory.mktemp("server") / "data"
    port = free_port()
    args = ["serve", "--port", str(port), "--workers", str(WORKERS), "--threads", str(THREADS)]
    with running(data, *args) as process:
        assert wait_until_healthy(process, f"http://127.0.0.1:{port}").status_code == 200
        yield port


def keep_alive_client(port: int, everyone_done: threading.Barrier) -> KeptAlive:
    """Sends REQUESTS requests on one connection, then keeps it open until every client is done."""
    found = KeptAlive()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=NO_ANSWER)
    try:
        for _ in range(REQUESTS):
            connection.request("GET", "/healthz")
            response = connection.getresponse()
            response.read()
            found.statuses.append(response.status)
    except (OSError, http.client.HTTPException) as exc:
        found.failure = type(exc).__name__
    finally:
        everyone_done.wait(timeout=3 * NO_ANSWER)
        connection.close()
    return found


def test_kept_alive_connections_beyond_the_request_slots_are_all_served(server: int) -> None:
    # given more clients than workers × threads, each holding its connection open (as a proxy's
    # upstream pool does)
    done = threading.Barrier(CLIENTS)
    results = [KeptAlive() for _ in range(CLIENTS)]

    def client(index: int) -> None:
        results[index] = keep_alive_client(server, done)

    threads = [threading.Thread(target=client, args=(index,)) for index in range(CLIENTS)]
    # when they all send their requests at once
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # then every request of every client is answered: requests wait for a thread, none starve
    assert [r.failure for r in results if r.failure] == []
    assert all(r.statuses == [200] * REQUESTS for r in results), results


def test_a_second_server_on_the_port_of_a_running_one_refuses(server: int, tmp_path: Path) -> None:
    # when another installation is started on the port a Zaakwerk server holds
    for command in ("serve", "quickstart"):
        result = zaakwerk(tmp_path / command, command, "--port", str(server))
        # then it refuses with one line
        line = one_line_error(result)
        assert f"a Zaakwerk server already listens on 127.0.0.1:{server}" in line
    # and the quickstart refused before creating anything
    assert not (tmp_path / "quickstart").exists()


def test_a_port_held_by_another_program_is_refused_with_one_line(tmp_path: Path) -> None:
    # given a program that is not Zaakwerk listening on a port
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        # when Zaakwerk is started on it
        result = zaakwerk(tmp_path / "data", "serve", "--port", str(port))
    # then one line says so
    line = one_line_error(result)
    assert f"port {port} on 127.0.0.1 is in use by another program" in line
