"""Benchmark: more kept-alive client connections than request slots (workers × threads).

Not a test: it measures, it asserts nothing. Steps: (re)create the benchmark database and migrate;
start ``zaakwerk serve`` with the given workers, threads and ``ZAAKWERK_CONNECTIONS``; for each
client count, open that many HTTP/1.1 connections at once, send ``--requests`` requests one after
the other on each (``GET /healthz``: one database query), and keep every connection open until
all clients are done, as a reverse proxy's upstream pool or a pooled client does. A request that
gets no answer within ``--timeout`` seconds ends its client. Reported per client count: clients
that got every answer, clients left without an answer, p50/p95/max latency, requests per second,
and the most PostgreSQL connections the server held at once (sampled). See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import psycopg
from common import (
    DEFAULT_DATABASE_URL,
    drop_database,
    free_port,
    load_average,
    recreate_database,
    start_server,
    stop_server,
    write_results,
)


@dataclass
class ClientResult:
    answered: int = 0
    latencies: list[float] = field(default_factory=list)
    failure: str = ""


@dataclass
class RunResult:
    clients: int
    slots: int
    connections_per_worker: int
    fully_served: int
    without_answer: int
    requests: int
    p50_ms: float
    p95_ms: float
    max_ms: float
    requests_per_second: float
    peak_database_connections: int


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--workers", type=int, default=2, help="server worker processes (default 2)")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker (default 4)")
    parser.add_argument(
        "--connections",
        type=int,
        default=None,
        help="ZAAKWERK_CONNECTIONS per worker (default: the setting's default)",
    )
    parser.add_argument("--clients", default="12,64", help="client counts, comma-separated (default 12,64)")
    parser.add_argument("--requests", type=int, default=20, help="requests per client (default 20)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds without an answer (default 10)")
    parser.add_argument("--port", type=int, default=0, help="server port (default: a free one)")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL))
    return parser.parse_args()


def run_client(
    port: int, requests: int, timeout: float, start: threading.Barrier, done: threading.Barrier
) -> ClientResult:
    result = ClientResult()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.connect()
        start.wait()
        for _ in range(requests):
            started = time.perf_counter()
            try:
                connection.request("GET", "/healthz")
                connection.getresponse().read()
            except (OSError, http.client.HTTPException) as exc:
                result.failure = f"{type(exc).__name__} after {time.perf_counter() - started:.1f} s"
                break
            result.latencies.append(time.perf_counter() - started)
            result.answered += 1
        done.wait()  # the connection stays open until every client is done
    finally:
        connection.close()
    return result


def database_connections(database_url: str, stop: threading.Event, peak: list[int]) -> None:
    name = database_url.rsplit("/", 1)[-1]
    with psycopg.connect(database_url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        while not stop.wait(0.1):
            row = conn.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            ).fetchone()
            peak[0] = max(peak[0], int(row[0]) if row else 0)


def measure(args: argparse.Namespace, port: int, clients: int, connections: int) -> RunResult:
    start, done = threading.Barrier(clients), threading.Barrier(clients)
    results: list[ClientResult] = [ClientResult() for _ in range(clients)]

    def client(index: int) -> None:
        results[index] = run_client(port, args.requests, args.timeout, start, done)

    stop, peak = threading.Event(), [0]
    sampler = threading.Thread(target=database_connections, args=(args.database_url, stop, peak), daemon=True)
    sampler.start()
    threads = [threading.Thread(target=client, args=(index,)) for index in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    stop.set()
    sampler.join()
    latencies = [latency for result in results for latency in result.latencies]
    cuts = (
        statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [max(latencies, default=0.0)] * 99
    )
    failures = Counter(result.failure for result in results if result.failure)
    for failure, count in failures.most_common():
        print(f"  {count} client(s): {failure}")
    return RunResult(
        clients=clients,
        slots=args.workers * args.threads,
        connections_per_worker=connections,
        fully_served=sum(result.answered == args.requests for result in results),
        without_answer=sum(result.answered == 0 for result in results),
        requests=len(latencies),
        p50_ms=round(cuts[49] * 1000, 1),
        p95_ms=round(cuts[94] * 1000, 1),
        max_ms=round(max(latencies, default=0.0) * 1000, 1),
        requests_per_second=round(len(latencies) / wall, 1),
        peak_database_connections=peak[0],
    )


def main() -> int:
    args = parse_args()
    port = args.port or free_port()
    os.environ.update(
        DATABASE_URL=args.database_url,
        DJANGO_SETTINGS_MODULE="zaakwerk.conf.settings",
        ZAAKWERK_DATA_DIR=tempfile.mkdtemp(prefix="zaakwerk-bench-"),
        ZAAKWERK_PUBLIC_URL=f"http://127.0.0.1:{port}",
        ZAAKWERK_THREADS=str(args.threads),
        LOG_LEVEL="WARNING",
    )
    if args.connections is not None:
        os.environ["ZAAKWERK_CONNECTIONS"] = str(args.connections)
    from zaakwerk.ops.serve import ServerOptions

    connections = ServerOptions().connections
    recreate_database(args.database_url)
    from zaakwerk.ops.bootstrap import setup_django

    setup_django()
    from django.db import connections as django_connections

    from zaakwerk.ops import migrate

    migrate.migrate()
    django_connections.close_all()
    server = start_server(port, args.workers)
    results: list[RunResult] = []
    try:
        # every thread of every worker loads the application on its first request: not measured
        measure(args, port, args.workers * args.threads, connections)
        for clients in (int(part) for part in args.clients.split(",")):
            result = measure(args, port, clients, connections)
            results.append(result)
            print(_row(result), flush=True)
    finally:
        stop_server(server)
        drop_database(args.database_url)
    report: dict[str, Any] = {
        "workers": args.workers,
        "threads": args.threads,
        "load_average": load_average(),
    }
    write_results("keepalive", report, results)
    return 0


def _row(r: RunResult) -> str:
    return (
        f"{r.clients} clients, {r.slots} slots, {r.connections_per_worker} connections/worker: "
        f"{r.fully_served} fully served, {r.without_answer} without any answer; {r.requests} requests, "
        f"p50 {r.p50_ms} ms, p95 {r.p95_ms} ms, max {r.max_ms} ms, {r.requests_per_second} req/s; "
        f"peak database connections {r.peak_database_connections}"
    )


if __name__ == "__main__":
    socket.setdefaulttimeout(60)
    sys.exit(main())
