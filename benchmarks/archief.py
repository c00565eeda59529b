"""Benchmark of the archief: destroying N zaken with their documents (target 10,000), with a run
killed (SIGKILL) in the middle and finished by the next, and a transfer package of M zaken
(target 1,000). Reports wall time and the peak memory (max RSS) of each process.

Not a test: it measures. It runs in a deployment of its own: an SQLite database in a temporary
folder, or ``--database-url`` (a PostgreSQL database that this benchmark may fill). One zaak of
each kind is made through the APIs and the others are bulk copies of its rows in the registers'
tables (``tests/archief/bulk.py``; ``--api`` makes every zaak through the APIs, about 0.6 s each);
destroying them and building the package go through the APIs exactly as in production. See
benchmarks/README.md.

    python benchmarks/archief.py --zaken 10000 --transfer 1000
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "benchmarks"))

from common import drop_database, recreate_database  # noqa: E402
from tests.archief.fault_support import command, environment, migrate  # noqa: E402


def measured(
    env: dict[str, str], *args: str, kill_when: Callable[[], bool] | None = None
) -> tuple[float, float, int]:
    """Run ``python args`` to its end (or SIGKILL it once ``kill_when()`` is true); its wall
    seconds, peak RSS in MiB and exit status."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, *args], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    if kill_when is not None:
        while not kill_when() and process.poll() is None:
            time.sleep(0.1)
        os.kill(process.pid, signal.SIGKILL)
    _, status, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, status


def destroyed_at_least(data: Path, database_url: str, target: int) -> Callable[[], bool]:
    """Whether ``target`` zaken of the list are destroyed, read from the archief's table."""
    query = "SELECT COUNT(*) FROM archief_destructionlistitem WHERE step = 'vernietigd'"
    if not database_url:
        import sqlite3

        def sqlite_count() -> bool:
            with sqlite3.connect(data / "zaakwerk.sqlite3", timeout=10) as connection:
                return int(connection.execute(query).fetchone()[0]) >= target

        return sqlite_count
    import psycopg

    def postgresql_count() -> bool:
        with psycopg.connect(database_url, autocommit=True) as connection:
            row = connection.execute(query).fetchone()
            return row is not None and int(row[0]) >= target

    return postgresql_count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zaken", type=int, default=10_000, help="zaken on the destruction list")
    parser.add_argument("--documents", type=int, default=2, help="documents per zaak")
    parser.add_argument("--transfer", type=int, default=1_000, help="zaken in the transfer package")
    parser.add_argument(
        "--database-url",
        default="",
        help="PostgreSQL database to use, dropped and created again (default: SQLite in a temporary folder)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the PostgreSQL database afterwards")
    parser.add_argument(
        "--api", action="store_true", help="make every zaak through the APIs (default: one, then bulk copies)"
    )
    options = parser.parse_args()
    how = () if options.api else ("bulk",)
    if options.database_url:
        recreate_database(options.database_url)
    try:
        run_all(options, how)
    finally:
        if options.database_url and not options.keep:
            drop_database(options.database_url)


def run_all(options: argparse.Namespace, how: tuple[str, ...]) -> None:
    with tempfile.TemporaryDirectory(prefix="zaakwerk-archief-bench-") as folder:
        data = Path(folder)
        env = environment(data, options.database_url)
        migrate(env)
        print(
            f"destruction: {options.zaken} zaken x {options.documents} documents "
            f"({'PostgreSQL' if options.database_url else 'SQLite'})"
        )
        started = time.perf_counter()
        list_uuid = command(
            env,
            "-m",
            "tests.archief.fault_support",
            "setup",
            str(options.zaken),
            str(options.documents),
            *how,
        )
        list_uuid = list_uuid.strip().splitlines()[-1]
        made = "through the APIs" if options.api else "(one through the APIs, the others bulk copies)"
        print(f"  made {made} and put on an approved list in {time.perf_counter() - started:.0f} s")
        run = ("-m", "zaakwerk.cli", "archief", "run")
        kill = destroyed_at_least(data, options.database_url, options.zaken // 2)
        seconds, peak, _ = measured(env, *run, kill_when=kill)
        print(f"  first run killed (SIGKILL) halfway after {seconds:.1f} s, peak {peak:.0f} MiB")
        rest, peak2, status = measured(env, *run)
        total = seconds + rest
        print(f"  second run finished it in {rest:.1f} s (exit {status}), peak {peak2:.0f} MiB")
        check = json.loads(command(env, "-m", "tests.archief.fault_support", "check", list_uuid))
        print(
            f"  destroyed {options.zaken} zaken in {total:.1f} s ({options.zaken / total:.1f} zaken/s); "
            f"left: {check}"
        )
        print(f"transfer: {options.transfer} zaken x {options.documents} documents")
        started = time.perf_counter()
        command(
            env,
            "-m",
            "tests.archief.fault_support",
            "setup-transfer",
            str(options.transfer),
            str(options.documents),
            *how,
        )
        print(f"  made in {time.perf_counter() - started:.0f} s")
        seconds, peak, _ = measured(env, "-m", "tests.archief.fault_support", "transfer")
        print(f"  package built in {seconds:.1f} s, peak {peak:.0f} MiB")
        seconds, peak, _ = measured(env, "-m", "tests.archief.fault_support", "overdragen")
        print(
            f"  receipt recorded and its zaken marked overgedragen (documents gearchiveerd) in "
            f"{seconds:.1f} s, peak {peak:.0f} MiB"
        )


if __name__ == "__main__":
    main()
