"""Benchmark of the Catalogi API on PostgreSQL, through the production server.

Not a test: it measures, it asserts nothing. Steps: (re)create the benchmark database, migrate,
load a catalogus with N published zaaktypen through the API, start ``zaakwerk serve`` on a free
loopback port, then send a fixed number of requests per case from 1 and from 8 threads and
report p50, p95 and requests per second. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
import psycopg
from psycopg import sql

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/zaakwerk_bench"
RESULTS = Path(__file__).resolve().parent / "results"
CATALOGI = "/catalogi/api/v1"
CLIENT_ID = "zaakwerk-bench"
SECRET = "benchmark-secret-benchmark-secret-0123456789"


@dataclass
class CaseResult:
    case: str
    concurrency: int
    requests: int
    errors: int
    p50_ms: float
    p95_ms: float
    requests_per_second: float


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--zaaktypen", type=int, default=100, help="published zaaktypen to load (default 100)"
    )
    parser.add_argument("--requests", type=int, default=400, help="requests per case (default 400)")
    parser.add_argument("--workers", type=int, default=1, help="server worker processes (default 1)")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL),
        help="PostgreSQL database to create and drop (default: $DATABASE_URL or %(default)s)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    return parser.parse_args()


# --- database ----------------------------------------------------------------------------------
def _maintenance_url(database_url: str) -> tuple[str, str]:
    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    if not name:
        raise SystemExit("the database URL must name a database")
    return urlunsplit(parts._replace(path="/postgres")), name


def recreate_database(database_url: str) -> None:
    maintenance, name = _maintenance_url(database_url)
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop_database(database_url: str) -> None:
    maintenance, name = _maintenance_url(database_url)
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def database_size(database_url: str) -> tuple[str, int]:
    with psycopg.connect(database_url) as conn:
        size = conn.execute("SELECT pg_size_pretty(pg_database_size(current_database()))").fetchone()
        count = conn.execute("SELECT count(*) FROM catalogi_zaaktype").fetchone()
    return (str(size[0]) if size else "?"), (int(count[0]) if count else 0)


# --- data --------------------------------------------------------------------------------------
def zaaktype_body(catalogus: str, number: int) -> dict[str, Any]:
    return {
        "identificatie": f"BENCH-{number:06d}",
        "omschrijving": f"Benchmarkzaaktype {number}",
        "vertrouwelijkheidaanduiding": "openbaar",
        "doel": "Meten",
        "aanleiding": "Een benchmark",
        "indicatieInternOfExtern": "extern",
        "handelingInitiator": "aanvragen",
        "onderwerp": "Benchmark",
        "handelingBehandelaar": "behandelen",
        "doorlooptijd": "P30D",
        "opschortingEnAanhoudingMogelijk": False,
        "verlengingMogelijk": False,
        "trefwoorden": ["benchmark", f"groep-{number % 10}"],
        "publicatieIndicatie": False,
        "productenOfDiensten": [f"https://producten.example/{number}"],
        "referentieproces": {"naam": "benchmark"},
        "verantwoordelijke": "Team Benchmark",
        "catalogus": catalogus,
        "besluittypen": [],
        "gerelateerdeZaaktypen": [],
        "beginGeldigheid": "2024-01-01",
    }


def load_data(count: int) -> list[str]:
    """Migrate, register the client and create ``count`` published zaaktypen through the API."""
    from zaakwerk.ops.bootstrap import setup_django

    setup_django()
    from zaakwerk.autorisaties.clients import register_client
    from zaakwerk.ops import migrate

    migrate.migrate()
    register_client(CLIENT_ID, SECRET, all_authorizations=True, label="Benchmark")

    from zaakwerk.ops.demo import CatalogiApi, in_process_client
    from zaakwerk.ops.tokens import mint_token

    urls = []
    with in_process_client(mint_token(CLIENT_ID, SECRET)) as client:
        api = CatalogiApi(client)
        body = {"domein": "BENCH", "rsin": "002220647", "contactpersoonBeheerNaam": "Benchmark"}
        catalogus = str(api.create("catalogussen", body)["url"])
        for number in range(count):
            url = str(api.create("zaaktypen", zaaktype_body(catalogus, number))["url"])
            api.publish(url)
            urls.append(url)
    return urls


# --- server ------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(port: int, workers: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-m", "zaakwerk.cli", "serve", "--port", str(port), "--workers", str(workers)],
        env=dict(os.environ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.2)
    stop_server(process)
    raise SystemExit("zaakwerk serve did not become healthy within 60 s")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


# --- load --------------------------------------------------------------------------------------
def run_case(
    name: str, base: str, token: str, paths: Callable[[int], str], requests: int, concurrency: int
) -> CaseResult:
    """Send ``requests`` GETs from ``concurrency`` threads; each thread has its own connection."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(requests))

    def worker() -> None:
        nonlocal errors
        headers = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=base, headers=headers, timeout=30) as client:
            client.get(paths(0))  # warm the connection and the worker
            while True:
                with lock:
                    index = next(counter, None)
                if index is None:
                    return
                started = time.perf_counter()
                response = client.get(paths(index))
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    errors += response.status_code != 200

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100)
    return CaseResult(
        case=name,
        concurrency=concurrency,
        requests=len(latencies),
        errors=errors,
        p50_ms=round(cuts[49] * 1000, 2),
        p95_ms=round(cuts[94] * 1000, 2),
        requests_per_second=round(len(latencies) / wall, 1),
    )


def print_table(results: list[CaseResult]) -> None:
    print(
        f"{'case':<22} {'threads':>7} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8}"
    )
    for r in results:
        print(
            f"{r.case:<22} {r.concurrency:>7} {r.requests:>8} {r.errors:>6} "
            f"{r.p50_ms:>8.2f} {r.p95_ms:>8.2f} {r.requests_per_second:>8.1f}"
        )


def main() -> int:
    args = parse_args()
    port = free_port()
    os.environ.update(
        DATABASE_URL=args.database_url,
        DJANGO_SETTINGS_MODULE="zaakwerk.conf.settings",
        ZAAKWERK_PUBLIC_URL=f"http://127.0.0.1:{port}",
        ZAAKWERK_DATA_DIR=tempfile.mkdtemp(prefix="zaakwerk-bench-"),
        ZAAKWERK_THREADS="8",
    )
    print(f"Database {args.database_url} (re)created; loading {args.zaaktypen} zaaktypen …", flush=True)
    recreate_database(args.database_url)
    try:
        return measure(args, port)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            drop_database(args.database_url)


def measure(args: argparse.Namespace, port: int) -> int:
    from zaakwerk.ops.tokens import mint_token

    urls = load_data(args.zaaktypen)
    size, count = database_size(args.database_url)
    print(f"Data: {count} zaaktypen, database size {size}", flush=True)
    server = start_server(port, args.workers)
    base = f"http://127.0.0.1:{port}"
    token = mint_token(CLIENT_ID, SECRET)
    cases: dict[str, Callable[[int], str]] = {
        "list zaaktypen (100)": lambda _: f"{CATALOGI}/zaaktypen?page=1",
        "read one zaaktype": lambda i: urlsplit(urls[i % len(urls)]).path,
    }
    results = []
    try:
        for name, paths in cases.items():
            for concurrency in (1, 8):
                results.append(run_case(name, base, token, paths, args.requests, concurrency))
    finally:
        stop_server(server)
    print_table(results)
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    output = RESULTS / f"catalogi-{stamp}.json"
    report = {
        "benchmark": "catalogi",
        "zaaktypen": count,
        "database_size": size,
        "server_workers": args.workers,
        "results": [asdict(r) for r in results],
    }
    output.write_text(json.dumps(report, indent=2) + "\n")
    shown = output.relative_to(Path.cwd()) if output.is_relative_to(Path.cwd()) else output
    print(f"Results written to {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
