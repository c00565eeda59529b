"""``zaakwerk werkplek sync`` on a large Zaken register, and two werkplek instances on one abonnement.

Not a test: it measures and checks, and prints what it found. See benchmarks/README.md.

1. The database: ``zaken_dataset.py --zaken N`` builds it (1,000,000 zaken take 6–15 minutes), or
   ``--reuse`` takes the one in ``DATABASE_URL`` as it is.
2. Sync from an empty read model: the benchmark empties the werkplek's read model (its rows and
   where the last sync stopped), then runs the real command, ``zaakwerk werkplek sync``, as a
   process of its own; the werkplek reads the Zaken API through its client, as in the embedded
   deployment of the quickstart. It reports the duration, zaken per second, the peak RSS of that
   process and its RSS along the way, then checks that the read model holds one row for every zaak
   the werkplek may see (the Zaken API's count for the werkplek's own client).
3. Sync again, on the full read model: every zaak is read and written again (an update, no row
   removed), the same figures.
4. Two werkplek instances side by side: two ``zaakwerk serve`` processes on the same database,
   and a ``zaakwerk worker`` delivering the notifications, in two set-ups:

   - ``load balancer``: one abonnement whose callback is a round-robin proxy in front of both
     instances (what a deployment with several instances behind one address does): every
     notification reaches one instance;
   - ``both subscribed``: each instance its own abonnement with its own callback, so every
     notification reaches both instances at about the same time (the worst case: a redelivery
     to the other instance while the first is still busy is the same race).

   In each, ``--zaken-changed`` zaken are created through the Zaken API by another application,
   each then given two statussen; the second status's handling parameters start a task. When
   every delivery is done it counts, per instance, the notifications it did and the ones it
   skipped as already done (from each instance's log), and checks: every notification done once
   in all, every zaak one row with its last status, and one task per status (docs/adr/0095).

    python benchmarks/werkplek_sync.py --zaken 100000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/zaakwerk_bench python benchmarks/werkplek_sync.py --reuse
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    CLIENT_ID,
    DEFAULT_DATABASE_URL,
    SECRET,
    database_size,
    free_port,
    load_average,
    stop_server,
)

PUBLIC_URL = "http://127.0.0.1:8100"  # the dataset's URLs start with it (zaken_dataset.py)
HERE = Path(__file__).resolve().parent


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--zaken", type=int, default=1_000_000, help="zaken to build (without --reuse)")
    parser.add_argument("--reuse", action="store_true", help="use the database in DATABASE_URL as it is")
    parser.add_argument(
        "--zaken-changed", type=int, default=50, help="zaken created and changed for the two-instance check"
    )
    parser.add_argument("--port", type=int, default=0, help="first of three ports (default: free ones)")
    parser.add_argument(
        "--runs", type=int, default=2, help="sync runs: the first from an empty read model (default 2)"
    )
    parser.add_argument("--skip-sync", action="store_true", help="only the two-instance check")
    parser.add_argument("--skip-instances", action="store_true", help="only the sync runs")
    return parser.parse_args()


def environment(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="zaakwerk.conf.settings",
        ZAAKWERK_PUBLIC_URL=PUBLIC_URL,
        ZAAKWERK_DATA_DIR=tempfile.mkdtemp(prefix="zaakwerk-bench-werkplek-sync-"),
        ZAAKWERK_EMBEDDED_WORKER="off",
        # the callbacks go over HTTP to the servers on this machine
        ZAAKWERK_OUTGOING_PRIVATE_NETWORKS="127.0.0.0/8",
        LOG_LEVEL=os.environ.get("LOG_LEVEL") or "WARNING",
        # the werkplek's client secret derives from it: the same for every process of the run
        SECRET_KEY=os.environ.get("SECRET_KEY") or "benchmark-werkplek-sync-" + uuid.uuid4().hex,
    )
    return env


def zaakwerk(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "zaakwerk.cli", *arguments]


# --- sync --------------------------------------------------------------------------------------
@dataclass
class SyncRun:
    name: str
    seconds: float = 0.0
    zaken: int = 0
    peak_rss_mib: float = 0.0
    rss_samples: list[tuple[float, float]] = field(default_factory=list)
    summary: str = ""
    returncode: int = 0

    @property
    def per_second(self) -> float:
        return self.zaken / self.seconds if self.seconds else 0.0

    def rss_at(self, fraction: float) -> float:
        if not self.rss_samples:
            return 0.0
        return self.rss_samples[min(int(len(self.rss_samples) * fraction), len(self.rss_samples) - 1)][1]


def _rss_mib(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def run_sync(name: str, env: dict[str, str]) -> SyncRun:
    """``zaakwerk werkplek sync`` as its own process: wall time, peak RSS (``wait4``), RSS samples."""
    found = SyncRun(name)
    started = time.monotonic()
    process = subprocess.Popen(
        zaakwerk("werkplek", "sync"),
        env={**env, "LOG_LEVEL": "WARNING"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line.rstrip())
            if "zaken read" in line:
                print(f"  {name}: {line.strip()} after {time.monotonic() - started:.0f} s", flush=True)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    while True:
        done, status, usage = os.wait4(process.pid, os.WNOHANG)
        if done:
            break
        rss = _rss_mib(process.pid)
        if rss is not None:
            found.rss_samples.append((time.monotonic() - started, rss))
        time.sleep(1)
    found.seconds = time.monotonic() - started
    found.returncode = os.waitstatus_to_exitcode(status)
    process.returncode = found.returncode
    reader.join(timeout=10)
    found.peak_rss_mib = usage.ru_maxrss / 1024  # KiB on Linux
    found.summary = next(
        (line for line in reversed(lines) if line.startswith("werkplek")), "\n".join(lines[-5:])
    )
    match = re.search(r"synced.*?: (\d+) zaken", found.summary)
    found.zaken = int(match[1]) if match else 0
    print(f"  {name}: {found.summary}", flush=True)
    return found


def empty_read_model() -> None:
    from django.db import connection

    from zaakwerk.werkplek.models import SyncState, ZaakRow

    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {ZaakRow._meta.db_table}")
    SyncState.objects.all().delete()


def visible_zaken() -> int:
    """What the werkplek may see: the Zaken API's count for the werkplek's own client."""
    from zaakwerk.werkplek.zgw import service_client

    count = service_client().zaken.zaken.page(page=1).count
    return int(count or 0)


def read_model_rows() -> int:
    from zaakwerk.werkplek.models import ZaakRow

    return ZaakRow.objects.count()


# --- two instances -----------------------------------------------------------------------------
class RoundRobin(ThreadingHTTPServer):
    """A load balancer for the callback: each POST goes to the next instance in turn."""

    daemon_threads = True

    def __init__(self, port: int, backends: list[str]) -> None:
        self.backends = itertools.cycle(backends)
        self.lock = threading.Lock()
        self.http = httpx.Client(timeout=60)
        super().__init__(("127.0.0.1", port), _Forward)


class _Forward(BaseHTTPRequestHandler):
    server: RoundRobin

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with self.server.lock:
            backend = next(self.server.backends)
        headers = {
            key: value
            for key, value in self.headers.items()
            if key.lower() in ("authorization", "content-type")
        }
        try:
            answer = self.server.http.post(backend + self.path, content=body, headers=headers)
            status, content = answer.status_code, answer.content
        except httpx.TransportError:
            status, content = 502, b""
        self.send_response(status)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Instance:
    port: int
    log: Path
    process: subprocess.Popen[bytes]

    def counts(self) -> tuple[int, int]:
        """(done, skipped as already done) from the instance's log."""
        text = self.log.read_text(errors="replace")
        skipped = text.count("notificatie al verwerkt")
        return text.count("notificatie verwerkt"), skipped


def start_instance(port: int, env: dict[str, str], folder: Path) -> Instance:
    log = folder / f"werkplek-{port}.log"
    process = subprocess.Popen(
        zaakwerk("serve", "--port", str(port), "--workers", "1"),
        env={**env, "LOG_LEVEL": "INFO"},
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return Instance(port, log, process)
        except httpx.TransportError:
            time.sleep(0.3)
    stop_server(process)
    raise SystemExit(f"zaakwerk serve on port {port} did not become healthy within 90 s")


@dataclass
class Check:
    setup: str
    zaken: int = 0
    notifications: int = 0
    deliveries: int = 0
    attempts: int = 0
    done: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)
    rows_ok: int = 0
    tasks: int = 0
    statuses_with_tasks: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


def _werkplek_http() -> Any:
    from django.conf import settings

    from zaakwerk.client import ClientCredentials, Http
    from zaakwerk.werkplek import zgw

    return Http(ClientCredentials(str(settings.WERKPLEK_CLIENT_ID), zgw.client_secret()))


def subscribe_to(callbacks: list[str]) -> list[str]:
    """The werkplek's abonnementen, one per callback (earlier ones removed); their URLs."""
    from zaakwerk.werkplek.read_model.subscribe import KANALEN, callback_auth, notificaties_root

    http = _werkplek_http()
    for old in http.request("GET", f"{notificaties_root()}/abonnement"):
        if old["callbackUrl"].endswith("/werkplek/notificaties/"):
            http.request("DELETE", old["url"], expected=(204,))
    made = []
    for callback in callbacks:
        made.append(
            http.request(
                "POST",
                f"{notificaties_root()}/abonnement",
                expected=(201,),
                json={
                    "callbackUrl": callback,
                    "auth": callback_auth(),
                    "kanalen": [{"naam": naam, "filters": {}} for naam in KANALEN],
                },
            )["url"]
        )
    return made


def another_application() -> Any:
    """The client of "another application" that changes zaken (the dataset's own client)."""
    from zaakwerk.autorisaties.clients import register_client
    from zaakwerk.ops import demo

    register_client(CLIENT_ID, SECRET, all_authorizations=True, label="Benchmark")
    return demo.demo_client(CLIENT_ID, SECRET)


def change_zaken(api: Any, count: int, zaaktype: Any, statustypen: list[Any]) -> list[tuple[str, list[str]]]:
    """``count`` zaken, each with two statussen: (zaak URL, its status URLs)."""
    made = []
    for number in range(count):
        zaak = api.zaken.zaken.create(
            {
                "bronorganisatie": "002220647",
                "verantwoordelijkeOrganisatie": "002220647",
                "zaaktype": zaaktype.url,
                "startdatum": "2026-12-03",
                "omschrijving": f"Twee werkplekken {number}",
            }
        )
        statussen = []
        for statustype in statustypen[:2]:
            statussen.append(
                api.zaken.statussen.create(
                    {"zaak": zaak.url, "statustype": statustype.url, "datumStatusGezet": _now()}
                ).url
            )
        made.append((zaak.url, statussen))
    return made


def _now() -> str:
    from django.utils import timezone

    return timezone.now().isoformat()


def wait_for_deliveries(abonnementen: list[str], since: Any, at_least: int, timeout: float = 600) -> int:
    """Until every delivery to ``abonnementen`` made since ``since`` is done: at least
    ``at_least`` of them, none pending, their number unchanged for 3 s."""
    from zaakwerk.notificaties.models import Delivery

    uuids = [url.rstrip("/").rsplit("/", 1)[-1] for url in abonnementen]
    ours = Delivery.objects.filter(abonnement__uuid__in=uuids, created_at__gte=since)
    deadline = time.monotonic() + timeout
    last, stable_since = -1, time.monotonic()
    while time.monotonic() < deadline:
        total = ours.count()
        pending = ours.filter(state="pending").count()
        if total != last or pending or total < at_least:
            last, stable_since = total, time.monotonic()
        elif time.monotonic() - stable_since > 3:
            return total
        time.sleep(0.5)
    print(f"  deliveries still pending after {timeout:.0f} s", flush=True)
    return ours.count()


def attempts(abonnementen: list[str], since: Any) -> int:
    """How often the worker posted the deliveries to ``abonnementen`` (retries included)."""
    from django.db.models import Sum

    from zaakwerk.notificaties.models import Delivery

    uuids = [url.rstrip("/").rsplit("/", 1)[-1] for url in abonnementen]
    ours = Delivery.objects.filter(abonnement__uuid__in=uuids, created_at__gte=since)
    return int(ours.aggregate(total=Sum("attempts"))["total"] or 0)


def instance_check(setup: str, instances: list[Instance], callbacks: list[str], count: int) -> Check:
    from django.utils import timezone

    from zaakwerk.werkplek.models import (
        HandlingParameters,
        ReceivedNotification,
        StatusTasksStarted,
        Task,
        ZaakRow,
    )

    found = Check(setup)
    api = another_application()
    zaaktype = next(
        item
        for item in api.catalogi.zaaktypen.list()
        if item.identificatie.startswith("MELDING-OPENBARE-RUIMTE")
    )
    statustypen = sorted(
        api.catalogi.statustypen.list(zaaktype=zaaktype.url), key=lambda item: item.volgnummer
    )
    parameters, _ = HandlingParameters.objects.get_or_create(
        zaaktype_identificatie=zaaktype.identificatie, defaults={"default_group": "team-benchmark"}
    )
    parameters.status_tasks.all().delete()
    parameters.status_tasks.create(
        statustype_omschrijving=statustypen[1].omschrijving, kind="advies", title="Advies", due_days=7
    )
    abonnementen = subscribe_to(callbacks)
    before = [instance.counts() for instance in instances]
    since = timezone.now()
    began = time.monotonic()
    made = change_zaken(api, count, zaaktype, statustypen)
    # at least a notification per zaak and per status, to each receiving abonnement
    found.deliveries = wait_for_deliveries(abonnementen, since, count * 3 * len(abonnementen))
    found.seconds = time.monotonic() - began
    after = [instance.counts() for instance in instances]
    found.zaken = len(made)
    found.done = [a[0] - b[0] for a, b in zip(after, before, strict=True)]
    found.skipped = [a[1] - b[1] for a, b in zip(after, before, strict=True)]
    found.notifications = ReceivedNotification.objects.filter(received_at__gte=since).count()
    found.attempts = attempts(abonnementen, since)
    zaak_urls = [url for url, _ in made]
    rows = {row.url: row for row in ZaakRow.objects.filter(url__in=zaak_urls)}
    found.rows_ok = sum(
        1 for url in zaak_urls if url in rows and rows[url].status_omschrijving == statustypen[1].omschrijving
    )
    found.tasks = Task.objects.filter(zaak_url__in=zaak_urls).count()
    with_tasks = [statussen[1] for _, statussen in made]
    found.statuses_with_tasks = StatusTasksStarted.objects.filter(status_url__in=with_tasks).count()
    # the checks
    receivers = len(callbacks) if setup == "both subscribed" else 1
    if sum(found.done) != found.notifications:
        found.problems.append(f"done {sum(found.done)} ≠ {found.notifications} notifications")
    # a delivery whose answer came after the worker's timeout is sent again: to the other
    # instance, or to the same one, which skips it as already done
    if sum(found.done) + sum(found.skipped) < found.deliveries:
        found.problems.append(
            f"done + skipped {sum(found.done) + sum(found.skipped)} < {found.deliveries} deliveries"
        )
    if found.deliveries != found.notifications * receivers:
        found.problems.append(f"{found.deliveries} deliveries for {found.notifications} notifications")
    if found.rows_ok != count:
        found.problems.append(f"{found.rows_ok} of {count} zaken have their row with the last status")
    if found.tasks != count or found.statuses_with_tasks != count:
        found.problems.append(
            f"{found.tasks} tasks, {found.statuses_with_tasks} statuses started, for {count}"
        )
    return found


def two_instances(env: dict[str, str], ports: list[int], count: int) -> list[Check]:
    folder = Path(env["ZAAKWERK_DATA_DIR"])
    instances = [start_instance(port, env, folder) for port in ports[:2]]
    worker = subprocess.Popen(
        zaakwerk("worker"), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    balancer = RoundRobin(ports[2], [f"http://127.0.0.1:{instance.port}" for instance in instances])
    threading.Thread(target=balancer.serve_forever, daemon=True).start()
    try:
        # "localhost", not the public URL's 127.0.0.1: the worker posts over HTTP
        checks = [
            instance_check(
                "load balancer", instances, [f"http://localhost:{ports[2]}/werkplek/notificaties/"], count
            ),
            instance_check(
                "both subscribed",
                instances,
                [f"http://localhost:{instance.port}/werkplek/notificaties/" for instance in instances],
                count,
            ),
        ]
        subscribe_to([])  # no abonnement of this run stays behind
        return checks
    finally:
        balancer.shutdown()
        worker.terminate()
        worker.wait(timeout=30)
        for instance in instances:
            stop_server(instance.process)


# --- main --------------------------------------------------------------------------------------
def main() -> int:
    args = parse_args()
    database_url = os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL
    env = environment(database_url)
    if not args.reuse:
        subprocess.run(
            [
                sys.executable,
                str(HERE / "zaken_dataset.py"),
                "--zaken",
                str(args.zaken),
                "--database-url",
                database_url,
            ],
            env=env,
            check=True,
        )
    os.environ.update(env)
    import django

    django.setup()
    subprocess.run(zaakwerk("migrate"), env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(zaakwerk("werkplek", "authorise"), env=env, check=True)
    print(f"database {database_url.rsplit('/', 1)[-1]}, {database_size(database_url)}", flush=True)

    runs: list[SyncRun] = []
    visible = rows = 0
    loads: list[float] = []
    if not args.skip_sync:
        empty_read_model()
        for number in range(args.runs):
            runs.append(
                run_sync("sync, empty read model" if number == 0 else f"sync again ({number + 1})", env)
            )
            loads.append(load_average())
        visible, rows = visible_zaken(), read_model_rows()
    checks: list[Check] = []
    if not args.skip_instances:
        base = args.port
        ports = [base, base + 1, base + 2] if base else [free_port() for _ in range(3)]
        checks = two_instances(env, ports, args.zaken_changed)
        loads.append(load_average())

    print()
    if runs:
        heading = f"{'run':<24} {'zaken':>9} {'seconds':>8} {'zaken/s':>8} {'peak RSS MiB':>12}"
        print(f"{heading} {'RSS 10% / 50% / 90%':>22}")
        for run in runs:
            shares = " / ".join(f"{run.rss_at(share):.0f}" for share in (0.1, 0.5, 0.9))
            print(
                f"{run.name:<24} {run.zaken:>9} {run.seconds:>8.0f} {run.per_second:>8.0f} "
                f"{run.peak_rss_mib:>12.0f} {shares:>22}"
            )
        verdict = "equal" if visible == rows else "DIFFERENT"
        print(f"read model rows {rows}, zaken the werkplek may see {visible}: {verdict}")
    for check in checks:
        print(
            f"{check.setup}: {check.zaken} zaken changed, {check.notifications} notifications, "
            f"{check.deliveries} deliveries ({check.attempts} posts) in {check.seconds:.0f} s; "
            f"done per instance {check.done}, "
            f"skipped as already done {check.skipped}; {check.rows_ok} rows with the last status, "
            f"{check.tasks} tasks for {check.statuses_with_tasks} statuses: "
            + ("no double work" if not check.problems else "PROBLEMS: " + "; ".join(check.problems))
        )
    print(f"load average during the runs: {', '.join(f'{load:.1f}' for load in loads)}")
    failed = (
        (runs and visible != rows)
        or any(check.problems for check in checks)
        or any(r.returncode for r in runs)
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
