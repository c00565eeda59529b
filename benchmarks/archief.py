"""Benchmark of the archief: destroying N zaken with their documents (target 10,000), with a run
killed (SIGKILL) in the middle and finished by the next, and a transfer package of M zaken
(target 1,000). Reports wall time and the peak memory (max RSS) of each process.

Not a test: it measures. The data is made through the APIs (as any client would), in a
deployment of its own: an SQLite database in a temporary folder, or ``--database-url`` (a
PostgreSQL database that this benchmark may fill). See benchmarks/README.md.

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
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.archief.fault_support import command, environment, migrate  # noqa: E402


def measured(env: dict[str, str], *args: str, kill_when: str = "") -> tuple[float, float, int]:
    """Run ``python args`` to its end (or SIGKILL it once ``kill_when`` is true, a SQL count
    against the SQLite file); its wall seconds, peak RSS in MiB and exit status."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, *args], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    if kill_when:
        import sqlite3

        database, query, target = kill_when.split("|")
        while True:
            with sqlite3.connect(database, timeout=10) as connection:
                if connection.execute(query).fetchone()[0] >= int(target) or process.poll() is not None:
                    break
            time.sleep(0.1)
        os.kill(process.pid, signal.SIGKILL)
    _, status, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zaken", type=int, default=10_000, help="zaken on the destruction list")
    parser.add_argument("--documents", type=int, default=2, help="documents per zaak")
    parser.add_argument("--transfer", type=int, default=1_000, help="zaken in the transfer package")
    parser.add_argument("--database-url", default="", help="PostgreSQL database to use (default: SQLite)")
    options = parser.parse_args()
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
            env, "-m", "tests.archief.fault_support", "setup", str(options.zaken), str(options.documents)
        )
        list_uuid = list_uuid.strip().splitlines()[-1]
        print(f"  made through the APIs in {time.perf_counter() - started:.0f} s")
        run = ("-m", "zaakwerk.cli", "archief", "run")
        if not options.database_url:
            query = "SELECT COUNT(*) FROM archief_destructionlistitem WHERE step = 'vernietigd'"
            kill = f"{data / 'zaakwerk.sqlite3'}|{query}|{options.zaken // 2}"
            seconds, peak, _ = measured(env, *run, kill_when=kill)
            print(f"  first run killed (SIGKILL) halfway after {seconds:.1f} s, peak {peak:.0f} MiB")
            rest, peak2, status = measured(env, *run)
            total = seconds + rest
            print(f"  second run finished it in {rest:.1f} s (exit {status}), peak {peak2:.0f} MiB")
        else:
            total, peak, status = measured(env, *run)
        check = json.loads(command(env, "-m", "tests.archief.fault_support", "check", list_uuid))
        print(
            f"  destroyed {options.zaken} zaken in {total:.1f} s ({options.zaken / total:.1f} zaken/s); "
            f"left: {check}"
        )
        print(f"transfer: {options.transfer} zaken x {options.documents} documents")
        command(
            env,
            "-m",
            "tests.archief.fault_support",
            "setup-transfer",
            str(options.transfer),
            str(options.documents),
        )
        seconds, peak, _ = measured(env, "-m", "tests.archief.fault_support", "transfer")
        print(f"  package built in {seconds:.1f} s, peak {peak:.0f} MiB")


if __name__ == "__main__":
    main()
