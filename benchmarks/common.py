"""What the benchmarks share: the benchmark database, the production server and the load driver.

Not a test module: nothing here asserts. See benchmarks/README.md.
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
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
import psycopg
from psycopg import sql

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/zaakwerk_bench"
RESULTS = Path(__file__).resolve().parent / "results"
# The API client with heeftAlleAutorisaties that loads the data and drives the server.
CLIENT_ID = "zaakwerk-bench"
SECRET = "benchmark-secret-benchmark-secret-0123456789"
# Zaakwerk refuses to start without a key; one fixed key lets every benchmark process (data set,
# server, load driver) decrypt the client secrets the others stored. Never a production key.
os.environ.setdefault("SECRET_KEY", "zaakwerk-benchmark-only-key-0123456789-abcdefghijklmnopqrstuvwxyz")

# One request of a case: the client of the thread and the request's index → the response.
Send = Callable[[httpx.Client, int], httpx.Response]


@dataclass
class CaseResult:
    case: str
    concurrency: int
    requests: int
    errors: int
    p50_ms: float
    p95_ms: float
    requests_per_second: float


# --- database ----------------------------------------------------------------------------------
def maintenance_url(database_url: str) -> tuple[str, str]:
    """The URL of the server's ``postgres`` database, and the name of the benchmark database."""
    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    if not name:
        raise SystemExit("the database URL must name a database")
    return urlunsplit(parts._replace(path="/postgres")), name


def recreate_database(database_url: str) -> None:
    maintenance, name = maintenance_url(database_url)
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop_database(database_url: str) -> None:
    maintenance, name = maintenance_url(database_url)
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def database_size(database_url: str) -> str:
    with psycopg.connect(database_url) as conn:
        size = conn.execute("SELECT pg_size_pretty(pg_database_size(current_database()))").fetchone()
    return str(size[0]) if size else "?"


def count_rows(database_url: str, table: str) -> int:
    with psycopg.connect(database_url) as conn:
        found = conn.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))).fetchone()
    return int(found[0]) if found else 0


# --- server ------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(port: int, workers: int, *, source: str | None = None) -> subprocess.Popen[bytes]:
    """``zaakwerk serve`` on ``port`` with the environment of this process; waits until healthy.

    ``source``: serve the ``zaakwerk`` package in this folder (another checkout's ``src``) instead
    of the installed one, to compare two versions of the code on the same data.
    """
    env = dict(os.environ)
    if source:
        env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(Path(source).resolve()), env.get("PYTHONPATH")])
        )
    process = subprocess.Popen(
        [sys.executable, "-m", "zaakwerk.cli", "serve", "--port", str(port), "--workers", str(workers)],
        env=env,
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


def _descendants(pid: int) -> Iterator[int]:
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        for child in task.read_text().split():
            yield int(child)
            yield from _descendants(int(child))


def process_memory(pid: int) -> list[dict[str, Any]]:
    """RSS and peak RSS (MiB) of ``pid`` and every process under it, from /proc (Linux)."""
    found = []
    for each in (pid, *_descendants(pid)):
        try:
            lines = Path(f"/proc/{each}/status").read_text().splitlines()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in lines if ":" in line)
        found.append(
            {
                "pid": each,
                "name": fields.get("Name", "").strip(),
                "rss_mib": round(int(fields.get("VmRSS", "0 kB").split()[0]) / 1024, 1),
                "peak_rss_mib": round(int(fields.get("VmHWM", "0 kB").split()[0]) / 1024, 1),
            }
        )
    return found


def load_average() -> float:
    """The 1-minute load average of the machine (Linux): other work skews the figures."""
    return float(Path("/proc/loadavg").read_text().split()[0])


# --- benchmark options and clients --------------------------------------------------------------
def load_arguments(parser: argparse.ArgumentParser, dataset: str) -> None:
    """The options every server benchmark takes: the load, and the database ``dataset`` loaded."""
    parser.add_argument("--requests", type=int, default=200, help="requests per case (default 200)")
    parser.add_argument("--workers", type=int, default=1, help="server worker processes (default 1)")
    parser.add_argument(
        "--concurrency", default="1,16", help="client threads per run, comma-separated (default 1,16)"
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="split each case's requests over this many rounds of all cases in turn (default 1)",
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL),
        help=f"the database {dataset} loaded (default: $DATABASE_URL or %(default)s)",
    )
    parser.add_argument(
        "--baseline",
        metavar="SRC",
        default=None,
        help="also serve the zaakwerk package in SRC (another checkout's src folder, e.g. of the previous "
        "commit) on the next port, and measure both servers, case by case in every round",
    )


def register_restricted_client(client_id: str, secret: str, autorisaties: list[Any]) -> None:
    """(Re)register ``client_id`` with one Applicatie holding exactly ``autorisaties``
    (``AutorisatieData``); an earlier run's Applicatie is removed first."""
    from zaakwerk.autorisaties.clients import register_client
    from zaakwerk.autorisaties.models import ClientId
    from zaakwerk.autorisaties.services import ApplicatieData, create_applicatie, delete_applicatie
    from zaakwerk.core.actor import Actor

    actor = Actor.system("benchmark")
    register_client(client_id, secret)
    for link in ClientId.objects.select_related("applicatie").filter(client_id=client_id):
        delete_applicatie(link.applicatie, actor)
    create_applicatie(
        ApplicatieData(client_ids=[client_id], label="Benchmark beperkt", autorisaties=autorisaties), actor
    )


# --- load --------------------------------------------------------------------------------------
@dataclass
class Measured:
    """The latencies (seconds), error count and wall time of one or more runs of a case."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    wall: float = 0.0

    def summary(self, name: str, concurrency: int) -> CaseResult:
        latencies = self.latencies
        cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [latencies[0]] * 99
        return CaseResult(
            case=name,
            concurrency=concurrency,
            requests=len(latencies),
            errors=self.errors,
            p50_ms=round(cuts[49] * 1000, 2),
            p95_ms=round(cuts[94] * 1000, 2),
            requests_per_second=round(len(latencies) / self.wall, 1),
        )


def measure(
    base: str,
    headers: dict[str, str],
    send: Send,
    requests: int,
    concurrency: int,
    *,
    expected: int = 200,
    into: Measured | None = None,
    first: int = 0,
) -> Measured:
    """Send ``requests`` requests (indexes ``first`` on) from ``concurrency`` threads, each with its
    own connection, adding what was measured to ``into``.

    Each thread first sends one request that is not measured, to open its connection.
    """
    found = into if into is not None else Measured()
    lock = threading.Lock()
    counter = iter(range(first, first + requests))

    def worker() -> None:
        with httpx.Client(base_url=base, headers=headers, timeout=60) as client:
            send(client, 0)  # warm the connection and the worker
            while True:
                with lock:
                    index = next(counter, None)
                if index is None:
                    return
                started = time.perf_counter()
                response = send(client, index)
                elapsed = time.perf_counter() - started
                with lock:
                    found.latencies.append(elapsed)
                    found.errors += response.status_code != expected

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    found.wall += time.perf_counter() - started
    return found


def print_table(results: list[CaseResult], width: int = 22) -> None:
    print(
        f"{'case':<{width}} {'threads':>7} {'requests':>8} {'errors':>6} "
        f"{'p50 ms':>8} {'p95 ms':>8} {'req/s':>8}"
    )
    for r in results:
        print(
            f"{r.case:<{width}} {r.concurrency:>7} {r.requests:>8} {r.errors:>6} "
            f"{r.p50_ms:>8.2f} {r.p95_ms:>8.2f} {r.requests_per_second:>8.1f}"
        )


def write_results(benchmark: str, report: dict[str, Any], results: Sequence[Any]) -> Path:
    """``benchmarks/results/<benchmark>-<UTC timestamp>.json`` (not committed); prints its path."""
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    output = RESULTS / f"{benchmark}-{stamp}.json"
    body = {"benchmark": benchmark, **report, "results": [asdict(r) for r in results]}
    output.write_text(json.dumps(body, indent=2) + "\n")
    shown = output.relative_to(Path.cwd()) if output.is_relative_to(Path.cwd()) else output
    print(f"Results written to {shown}")
    return output


@dataclass(frozen=True)
class Server:
    """A running server to measure: its process, its base URL and the label of its results."""

    process: subprocess.Popen[bytes]
    base: str
    label: str = ""


@dataclass(frozen=True)
class Case:
    """One benchmark case: its name, the request, the headers to send and the expected status."""

    name: str
    send: Send
    headers: dict[str, str]
    expected: int = 200


def run_against_server(
    benchmark: str,
    server: subprocess.Popen[bytes],
    base: str,
    cases: list[Case],
    *,
    requests: int,
    concurrency: str,
    report: dict[str, Any],
    width: int = 24,
    rounds: int = 1,
    baseline: Server | None = None,
) -> list[CaseResult]:
    """Run every case at each concurrency in ``concurrency`` ("1,16"), stop the server, print the
    table, the memory of the server's processes and the load average, and write the results.

    With ``rounds`` > 1 each case's requests are split over that many rounds, and every round
    runs all cases in turn: cases that are compared then share the same moments of the machine's
    other load, rather than one case running while the machine is busy and the next while it is not.
    With a ``baseline`` server every case runs against both servers, one right after the other
    (which goes first alternates per round), and the baseline's results are labelled with it.
    """
    servers = [Server(server, base)] + ([baseline] if baseline is not None else [])
    if baseline is not None:
        width = max(width, *(len(f"{case.name} [{baseline.label}]") + 1 for case in cases))
    results: list[CaseResult] = []
    loads: list[float] = []
    rounds = max(1, rounds)
    memory: list[dict[str, Any]] = []
    try:
        for threads in (int(part) for part in concurrency.split(",")):
            measured = {(case.name, each.label): Measured() for case in cases for each in servers}
            for round_number in range(rounds):
                share = requests // rounds + (round_number < requests % rounds)
                first = round_number * (requests // rounds) + min(round_number, requests % rounds)
                order = servers if round_number % 2 == 0 else servers[::-1]
                for case in cases:
                    for each in order:
                        measure(
                            each.base,
                            case.headers,
                            case.send,
                            share,
                            threads,
                            expected=case.expected,
                            into=measured[(case.name, each.label)],
                            first=first,
                        )
                loads.append(load_average())
                if rounds > 1:
                    print(f"round {round_number + 1}/{rounds}: load average {loads[-1]:.2f}", flush=True)
            level = [
                found.summary(f"{name} [{label}]" if label else name, threads)
                for (name, label), found in measured.items()
            ]
            results.extend(level)
            print_table(level, width=width)
            print(f"load average {loads[-1]:.2f}", flush=True)
        for each in servers:
            memory += process_memory(each.process.pid)
    finally:
        for each in servers:
            stop_server(each.process)
    print()
    print_table(results, width=width)
    for process in memory:
        print(
            f"process {process['pid']} ({process['name']}): "
            f"RSS {process['rss_mib']} MiB, peak {process['peak_rss_mib']} MiB"
        )
    low, high = min(loads, default=0.0), max(loads, default=0.0)
    print(f"load average after each round: {low:.2f}–{high:.2f}")
    full = {**report, "rounds": rounds, "memory": memory, "load_average": {"min": low, "max": high}}
    write_results(benchmark, full, results)
    return results


# --- bulk loading ------------------------------------------------------------------------------
# A dataset's tables: a name of the generator's choice → (table, every column of the model).
Tables = dict[str, tuple[str, list[str]]]


def progress(label: str, done: int, total: int, started: float, rows: int = 0) -> None:
    """A one-line progress bar on stderr, redrawn in place."""
    elapsed = max(time.monotonic() - started, 1e-6)
    width = 30
    filled = width * done // max(total, 1)
    eta = (total - done) * elapsed / done if done else 0.0
    extra = f", {rows / elapsed:,.0f} rows/s" if rows else ""
    sys.stderr.write(
        f"\r{label:<10} [{'#' * filled}{'.' * (width - filled)}] {done:>9,}/{total:,}"
        f" {done / elapsed:,.0f}/s{extra}, ETA {eta:,.0f} s   "
    )
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def copy_rows(
    conn: psycopg.Connection[Any], table: str, columns: list[str], rows: list[dict[str, Any]]
) -> int:
    """COPY ``rows`` (column → value, None is NULL) into ``table``, in the caller's transaction.

    The rows must have exactly the model's columns, so a model change cannot go unnoticed.
    """
    if not rows:
        return 0
    differ = set(columns) ^ set(rows[0])
    if differ:
        raise SystemExit(f"{table}: the generated rows and the model differ in {sorted(differ)}")
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    with conn.cursor().copy(statement) as copy:
        for row in rows:
            copy.write_row([row[column] for column in columns])
    return len(rows)


def drop_indexes(conn: psycopg.Connection[Any], tables: Tables) -> list[str]:
    """Drop the tables' plain indexes (not those of constraints); their definitions, to recreate.

    Building an index once over all rows is far cheaper than keeping it up to date row by row.
    """
    definitions = []
    for table, _ in tables.values():
        rows = conn.execute(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "WHERE i.indrelid = %s::regclass "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
            [table],
        ).fetchall()
        for name, definition in rows:
            conn.execute(sql.SQL("DROP INDEX {}").format(sql.Identifier(name)))
            definitions.append(str(definition))
    conn.commit()
    return definitions


def create_indexes(conn: psycopg.Connection[Any], definitions: list[str]) -> None:
    conn.execute("SET maintenance_work_mem = '512MB'")
    started = time.monotonic()
    for number, definition in enumerate(definitions, start=1):
        conn.execute(definition.encode())
        conn.commit()
        progress("indexes", number, len(definitions), started)


def move_sequences(conn: psycopg.Connection[Any], tables: Tables) -> None:
    """Set each table's id sequence to its highest id, after rows were written with their ids."""
    for table, _ in tables.values():
        conn.execute(
            sql.SQL("SELECT setval(pg_get_serial_sequence({}, 'id'), (SELECT max(id) FROM {}))").format(
                sql.Literal(table), sql.Identifier(table)
            )
        )


def finish_load(
    conn: psycopg.Connection[Any],
    teller_table: str,
    tellers: dict[tuple[str, int], int],
    tables: Tables,
    rebuild_counts: Callable[[], None],
) -> None:
    """After a bulk load: the identificatie counters (``tellers``: (bronorganisatie, jaar) → last
    number), the id sequences, ``VACUUM (ANALYZE)`` and the register's maintained counts.

    VACUUM also sets the visibility map, so index-only scans need no heap visits, as they would
    not once autovacuum has been over tables of this size.
    """
    teller = sql.Identifier(teller_table)
    with conn.transaction():
        with conn.cursor() as cursor:
            cursor.executemany(
                sql.SQL(
                    "INSERT INTO {} (bronorganisatie, jaar, laatste) VALUES (%s, %s, %s) "
                    "ON CONFLICT (bronorganisatie, jaar) DO UPDATE SET laatste = "
                    "greatest({}.laatste, excluded.laatste)"
                ).format(teller, teller),
                [(bron, jaar, laatste) for (bron, jaar), laatste in tellers.items()],
            )
        move_sequences(conn, tables)
    conn.autocommit = True
    conn.execute("VACUUM (ANALYZE)")
    conn.autocommit = False
    print("Rebuilding the maintained counts …", flush=True)
    rebuild_counts()
