"""Benchmark of notification delivery on PostgreSQL: a burst of changes to loopback subscribers.

Not a test: it measures, it asserts nothing (it does report anything lost or out of order).
Steps per run: (re)create the benchmark database and migrate; create the abonnementen, each with
a loopback subscriber in this process; start N ``zaakwerk worker`` processes; commit the burst —
each change through ``record_change`` (what every register write calls) in its own transaction,
so the outbox row is written exactly as a real change writes it, without the register's own
tables; then wait until every subscriber has every message. Reported: notifications delivered
per second (first commit → last callback), and commit → callback latency p50/p95 (from the
change's ``aanmaakdatum``, set inside the committing transaction, to the subscriber's receipt).
See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import orjson
from common import DEFAULT_DATABASE_URL, drop_database, load_average, recreate_database

ZAKEN = "http://127.0.0.1/zaken/api/v1"
PORTS = range(8630, 8660)


class Subscriber:
    """A loopback webhook that keeps (receipt time, message) for every POST."""

    def __init__(self) -> None:
        self.received: list[tuple[float, dict[str, Any]]] = []
        self.lock = threading.Lock()
        self.server = self._bind()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/callback"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def _bind(self) -> ThreadingHTTPServer:
        subscriber = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = orjson.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
                now = time.time()
                with subscriber.lock:
                    subscriber.received.append((now, body))
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

        for port in PORTS:
            try:
                server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
                server.daemon_threads = True
                return server
            except OSError:
                continue
        raise SystemExit("no free port in 8630-8659 for a subscriber")

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=10_000, help="changes in the burst (default 10000)")
    parser.add_argument("--objects", type=int, default=1_000, help="zaken the changes are spread over")
    parser.add_argument("--subscribers", type=int, default=2, help="abonnementen on kanaal zaken")
    parser.add_argument(
        "--workers", type=int, nargs="+", default=[1, 3], help="worker process counts to run (default 1 3)"
    )
    parser.add_argument("--producers", type=int, default=4, help="threads committing the changes (default 4)")
    parser.add_argument(
        "--backlog",
        action="store_true",
        help="commit the changes before the workers start (drain rate; latency includes the wait)",
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL).rsplit("/", 1)[0]
        + "/zaakwerk_bench_notificaties",
        help="PostgreSQL database to create and drop",
    )
    return parser.parse_args()


def start_workers(count: int) -> list[subprocess.Popen[bytes]]:
    return [
        subprocess.Popen([sys.executable, "-m", "zaakwerk.cli", "worker"], stderr=subprocess.DEVNULL)
        for _ in range(count)
    ]


def stop_workers(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        process.send_signal(signal.SIGTERM)
    for process in processes:
        process.wait(30)


def burst(changes: int, objects: int, producers: int = 1) -> float:
    """Commit the changes, one transaction each, from ``producers`` threads (as concurrent API
    clients would); return the wall-clock time the burst started."""
    from django.db import connection

    started = time.time()
    threads = [
        threading.Thread(target=produce, args=(range(start, changes, producers), objects))
        for start in range(producers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    connection.close()
    return started


def produce(numbers: range, objects: int) -> None:
    from django.db import connection, transaction

    from zaakwerk.core.actor import Actor
    from zaakwerk.core.changes import Change, record_change

    actor = Actor.system()
    for seq in numbers:
        zaak = f"{ZAKEN}/zaken/00000000-0000-0000-0000-{seq % objects:012d}"
        with transaction.atomic():
            record_change(
                Change(
                    bron="zrc",
                    kanaal="zaken",
                    resource="status",
                    resource_url=f"{ZAKEN}/statussen/00000000-0000-0000-0001-{seq:012d}",
                    actie="create",
                    hoofd_object=zaak,
                    kenmerken={"bronorganisatie": "517439943", "vertrouwelijkheidaanduiding": "openbaar"},
                ),
                actor,
                audit=False,
            )
    connection.close()


def run(workers: int, args: argparse.Namespace) -> dict[str, Any]:
    from django.core.management import call_command
    from django.db import connections

    from zaakwerk.notificaties.models import Abonnement, AbonnementKanaal, Kanaal

    connections.close_all()
    recreate_database(args.database_url)
    call_command("migrate", verbosity=0)
    subscribers = [Subscriber() for _ in range(args.subscribers)]
    kanaal = Kanaal.objects.get(naam="zaken")
    for s in subscribers:
        abonnement = Abonnement.objects.create(callback_url=s.url, auth="Bearer bench")
        AbonnementKanaal.objects.create(abonnement=abonnement, kanaal=kanaal)
    expected = args.changes * len(subscribers)
    if args.backlog:
        # the changes are committed before any worker runs: measures draining a backlog
        first_commit = burst(args.changes, args.objects, args.producers)
        produced = time.time() - first_commit
        started = time.time()
        processes = start_workers(workers)
    else:
        processes = start_workers(workers)
        time.sleep(2)  # let the workers start and LISTEN
    try:
        if not args.backlog:
            started = burst(args.changes, args.objects, args.producers)
            produced = time.time() - started
        deadline = time.time() + 600
        while sum(len(s.received) for s in subscribers) < expected and time.time() < deadline:
            time.sleep(0.05)
        finished = max(t for s in subscribers for t, _ in s.received)
    finally:
        stop_workers(processes)
    latencies, lost, duplicates, out_of_order = [], 0, 0, 0
    for s in subscribers:
        seen: dict[str, float] = {}
        last_per_object: dict[str, str] = {}
        for received_at, body in s.received:
            if body["resourceUrl"] in seen:
                duplicates += 1
                continue
            seen[body["resourceUrl"]] = received_at
            committed = datetime.fromisoformat(body["aanmaakdatum"].replace("Z", "+00:00")).astimezone(UTC)
            latencies.append(received_at - committed.timestamp())
            previous = last_per_object.get(body["hoofdObject"])
            if previous is not None and previous > body["resourceUrl"]:
                out_of_order += 1
            last_per_object[body["hoofdObject"]] = body["resourceUrl"]
        lost += args.changes - len(seen)
        s.stop()
    latencies.sort()
    elapsed = finished - started
    return {
        "workers": workers,
        "mode": "backlog" if args.backlog else "burst",
        "changes": args.changes,
        "producers": args.producers,
        "subscribers": args.subscribers,
        "deliveries": expected,
        "burst_seconds": round(produced, 2),
        "total_seconds": round(elapsed, 2),
        "notifications_per_second": round(expected / elapsed, 1),
        "latency_p50_ms": round(1000 * statistics.median(latencies), 1),
        "latency_p95_ms": round(1000 * latencies[int(0.95 * (len(latencies) - 1))], 1),
        "lost": lost,
        "duplicates": duplicates,
        "out_of_order": out_of_order,
        "load_average": load_average(),
    }


def main() -> int:
    args = parse_args()
    os.environ.update(
        DATABASE_URL=args.database_url,
        DJANGO_SETTINGS_MODULE="zaakwerk.conf.settings",
        ZAAKWERK_DATA_DIR=tempfile.mkdtemp(prefix="zaakwerk-bench-"),
        LOG_LEVEL="WARNING",
        # the subscribers listen on loopback, which callbacks may only reach when allowed (ADR 0035)
        ZAAKWERK_OUTGOING_PRIVATE_NETWORKS="127.0.0.0/8",
    )
    recreate_database(args.database_url)
    from zaakwerk.ops.bootstrap import setup_django

    setup_django()
    try:
        for workers in args.workers:
            print(orjson.dumps(run(workers, args)).decode(), flush=True)
    finally:
        from django.db import connections

        connections.close_all()
        drop_database(args.database_url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
