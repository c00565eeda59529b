"""The werkplek's work lists on a large read model, against PostgreSQL.

Writes ``--zaken`` rows straight into the read model's table (COPY, indexes built afterwards,
then VACUUM ANALYZE), as ``zaakwerk werkplek sync`` would leave them: zaken of twelve zaaktypen in
thirty teams, three quarters open, a third of the open ones without a behandelaar. Then, as a
logged-in behandelaar of one team, it requests through Django's whole request handling
(middleware, view, queries, template) and prints p50/p95 server time of:

- the zaken-werkvoorraad with a zaaktype filter, and its second page;
- mijn zaken; free-text search over all zaken (a surname, an identificatie);
- afgehandelde zaken sorted by einddatum, and a page far into them;
- the same werkvoorraad for a user whose roles cover three zaaktypen only.

Then notification → visible: a ``zaakwerk serve`` and a ``zaakwerk worker`` process on the same
database, the werkplek's abonnement with its callback on that server over HTTP; a zaak is created
through the Zaken API and the time until its row is in the read model is measured.

Not a test: nothing here asserts. See benchmarks/README.md.

    python benchmarks/werkplek_lists.py --zaken 1000000
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    CaseResult,
    copy_rows,
    create_indexes,
    drop_database,
    drop_indexes,
    free_port,
    load_average,
    progress,
    recreate_database,
    start_server,
    stop_server,
    write_results,
)

DATABASE_URL = "postgres://postgres@127.0.0.1:5432/zaakwerk_bench_werkplek_lists"
TABLE = "werkplek_zaakrow"
ZAAKTYPEN = ["PARKEERVERGUNNING", "MELDING-OPENBARE-RUIMTE", "BEZWAAR"] + [
    f"ZAAKTYPE-{n:02}" for n in range(9)
]
TEAMS = [f"team-{n:02}" for n in range(30)]
PEOPLE = [f"medewerker{n:03}" for n in range(300)]
STATUSES = ["Ontvangen", "In behandeling", "Wacht op aanvrager", "Advies gevraagd"]
WORDS = [
    "vergunning",
    "melding",
    "bezwaar",
    "parkeren",
    "stoeptegel",
    "lantaarnpaal",
    "zwerfvuil",
    "boom",
    "kapvergunning",
    "evenement",
    "terras",
    "subsidie",
    "uitrit",
]
SURNAMES = [
    "Jansen",
    "de",
    "Vries",
    "van",
    "den",
    "Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de",
    "Boer",
    "Mulder",
    "de",
    "Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--zaken", type=int, default=1_000_000, help="rows in the read model")
    parser.add_argument("--requests", type=int, default=100, help="page views measured per case")
    parser.add_argument("--notifications", type=int, default=50, help="zaken created for the latency")
    parser.add_argument("--port", type=int, default=0, help="port of the server for the callback")
    parser.add_argument(
        "--staff", type=int, default=0, help="more behandelaars (each an option of the behandelaar filter)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument(
        "--reuse", action="store_true", help="measure the database a --keep run left (no new rows)"
    )
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL") or DATABASE_URL
    if not args.reuse:
        recreate_database(database_url)
    port = args.port or free_port()
    os.environ.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="zaakwerk.conf.settings",
        ZAAKWERK_PUBLIC_URL=f"http://127.0.0.1:{port}",
        ZAAKWERK_DATA_DIR=tempfile.mkdtemp(prefix="zaakwerk-bench-werkplek-lists-"),
        ZAAKWERK_EMBEDDED_WORKER="off",
        # the callback goes over HTTP to the server on this machine
        ZAAKWERK_OUTGOING_PRIVATE_NETWORKS="127.0.0.0/8",
        SECRET_KEY=os.environ.get("SECRET_KEY") or "benchmark-" + uuid.uuid4().hex,
    )
    try:
        run(args, database_url, port)
    finally:
        if not args.keep:
            drop_database(database_url)


def generated(count: int, columns: list[str]) -> Any:
    """The rows, in batches of 50,000 (column → value)."""
    rng = random.Random(13)
    today = date(2026, 12, 3)
    now = datetime(2026, 12, 3, 9, tzinfo=UTC)
    batch: list[dict[str, Any]] = []
    for number in range(1, count + 1):
        key = uuid.UUID(int=rng.getrandbits(128), version=4)
        start = today - timedelta(days=rng.randrange(0, 1500))
        closed = rng.random() < 0.25
        team = rng.choice(TEAMS)
        person = "" if (not closed and rng.random() < 0.33) else rng.choice(PEOPLE)
        surname = rng.choice(SURNAMES)
        identificatie = f"ZAAK-{start.year}-{number:010d}"
        omschrijving = f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {number}"
        bsn = f"{rng.randrange(100_000_000, 999_999_999)}"
        row = {
            "id": number,
            "url": f"http://127.0.0.1/zaken/api/v1/zaken/{key}",
            "uuid": key,
            "identificatie": identificatie,
            "omschrijving": omschrijving,
            "zaaktype_url": "http://127.0.0.1/catalogi/api/v1/zaaktypen/x",
            "zaaktype_identificatie": rng.choice(ZAAKTYPEN),
            "zaaktype_omschrijving": "Zaaktype",
            "statustype_url": "",
            "status_omschrijving": "Afgehandeld" if closed else rng.choice(STATUSES),
            "status_datum": now - timedelta(days=rng.randrange(0, 60)),
            "startdatum": start,
            "einddatum": start + timedelta(days=rng.randrange(5, 90)) if closed else None,
            "einddatum_gepland": start + timedelta(days=56),
            "uiterlijke_einddatum_afdoening": start + timedelta(days=70),
            "behandelaar": person,
            "behandelaar_naam": person.capitalize(),
            "behandelaar_sinds": now - timedelta(days=rng.randrange(0, 60)) if person else None,
            "team": team,
            "initiator": f"J. {surname}",
            "initiator_identificatie": bsn,
            "archiefnominatie": "blijvend_bewaren" if closed else "",
            "resultaat": "Verleend" if closed else "",
            "documenten": rng.randrange(0, 6),
            "laatste_document_op": now - timedelta(days=rng.randrange(0, 90)),
            "gewijzigd_op": now - timedelta(days=rng.randrange(0, 60)),
            "fetched_at": now,
            "synced_at": now,
        }
        row["zoektekst"] = f"{identificatie} {omschrijving} J. {surname} {bsn}".lower()
        batch.append({column: row[column] for column in columns})
        if len(batch) == 50_000:
            yield batch
            batch = []
    if batch:
        yield batch


def load(database_url: str, count: int) -> None:
    import psycopg

    with psycopg.connect(database_url) as conn:
        columns = [
            name
            for (name,) in conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                "AND is_generated = 'NEVER' "
                "ORDER BY ordinal_position",
                [TABLE],
            ).fetchall()
        ]
        definitions = drop_indexes(conn, {"zaakrow": (TABLE, "")})
        started = time.monotonic()
        done = 0
        for batch in generated(count, columns):
            with conn.transaction():
                done += copy_rows(conn, TABLE, columns, batch)
            progress("rows", done, count, started)
        create_indexes(conn, definitions)
        conn.execute(f"SELECT setval(pg_get_serial_sequence('{TABLE}', 'id'), {count})")
        conn.commit()
        conn.autocommit = True
        conn.execute(f"VACUUM (ANALYZE) {TABLE}")
    print(f"\n{count} rows written in {time.monotonic() - started:.0f} s")


@dataclass
class ListResult(CaseResult):
    #: the CPU time of this process per page (the whole request in Django, the database's work
    #: not included): under load, the server time is this plus the waiting for a core
    cpu_p50_ms: float = 0.0


def timed(browser: Any, url: str, requests: int) -> tuple[list[float], int, list[float]]:
    browser.get(url)  # warm
    times, errors, cpu = [], 0, []
    for _ in range(requests):
        begin, began_cpu = time.perf_counter(), time.process_time()
        response = browser.get(url)
        times.append((time.perf_counter() - begin) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
        errors += response.status_code != 200
    return times, errors, cpu


def result(case: str, times: list[float], errors: int, cpu: list[float] | None = None) -> ListResult:
    ordered = sorted(times)
    return ListResult(
        case=case,
        concurrency=1,
        requests=len(times),
        errors=errors,
        p50_ms=round(statistics.median(ordered), 2),
        p95_ms=round(ordered[max(int(len(ordered) * 0.95) - 1, 0)], 2),
        requests_per_second=round(1000 / statistics.mean(ordered), 1),
        cpu_p50_ms=round(statistics.median(cpu), 2) if cpu else 0.0,
    )


def print_results(results: list[ListResult], width: int = 24) -> None:
    print(f"{'case':<{width}} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'CPU ms p50':>10}")
    for r in results:
        cpu = f"{r.cpu_p50_ms:>10.2f}" if r.cpu_p50_ms else f"{'':>10}"
        print(f"{r.case:<{width}} {r.requests:>8} {r.errors:>6} {r.p50_ms:>8.2f} {r.p95_ms:>8.2f} {cpu}")


def run(args: argparse.Namespace, database_url: str, port: int) -> None:
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.test import Client

    from zaakwerk.ops.demo import load_demo
    from zaakwerk.ops.webapps import authorise_werkplek
    from zaakwerk.werkplek import zgw
    from zaakwerk.werkplek.models import RoleGrant

    call_command("migrate", verbosity=0)
    authorise_werkplek()
    client = zgw.service_client()
    demo = load_demo(client, referentielijsten=f"{zgw.base_url()}/referentielijsten/api/v1")
    if not args.reuse:
        load(database_url, args.zaken)
    User.objects.filter(username__in=["bea", "nina", "medewerker042"]).delete()
    Group.objects.filter(name="grant-nina").delete()
    behandelaar = User.objects.create_user("bea", first_name="Bea", last_name="Bakker")
    behandelaar.groups.add(Group.objects.get_or_create(name="behandelaar")[0])
    behandelaar.groups.add(Group.objects.get_or_create(name="team-07")[0])
    narrow = User.objects.create_user("nina")
    grants = Group.objects.create(name="grant-nina")
    for identificatie in ZAAKTYPEN[:3]:
        RoleGrant.objects.create(group=grants, role="behandelaar", zaaktype_identificatie=identificatie)
    narrow.groups.add(grants, Group.objects.get(name="team-07"))
    mine = User.objects.create_user("medewerker042")
    mine.groups.add(Group.objects.get(name="behandelaar"))
    # staff: every behandelaar is an option of the lists' behandelaar filter (and bulk form)
    User.objects.filter(username__startswith="bench-staff-").delete()
    for number in range(args.staff):
        extra = User.objects.create_user(
            f"bench-staff-{number:04}", first_name="Mede", last_name=f"Werker {number}"
        )
        extra.groups.add(Group.objects.get(name="behandelaar"))

    browsers = {}
    for user in (behandelaar, narrow, mine):
        browsers[user.username] = Client()
        browsers[user.username].force_login(user)
    # a far page of the afgehandelde zaken: follow "Volgende" 20 times
    far = "/werkplek/zaken/afgehandeld/?per_pagina=50"
    for _ in range(20):
        html = browsers["bea"].get(far).content.decode()
        found = __import__("re").search(r'rel="next" href="([^"]+)"', html)
        if not found:
            break
        far = "/werkplek/zaken/afgehandeld/" + found[1].replace("&amp;", "&")
    second = (
        browsers["bea"].get("/werkplek/zaken/werkvoorraad/?zaaktype=BEZWAAR&per_pagina=50").content.decode()
    )
    following = __import__("re").search(r'rel="next" href="([^"]+)"', second)
    if os.environ.get("ZAAKWERK_BENCH_PROFILE"):
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(10):
            browsers["bea"].get("/werkplek/zaken/werkvoorraad/?zaaktype=BEZWAAR&per_pagina=50")
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
    cases = [
        ("werkvoorraad+filter", "bea", "/werkplek/zaken/werkvoorraad/?zaaktype=BEZWAAR&per_pagina=50"),
        (
            "werkvoorraad page 2",
            "bea",
            "/werkplek/zaken/werkvoorraad/" + following[1].replace("&amp;", "&")
            if following
            else "/werkplek/zaken/werkvoorraad/",
        ),
        ("werkvoorraad, 3 types", "nina", "/werkplek/zaken/werkvoorraad/?per_pagina=50&sorteer=fataledatum"),
        ("mijn zaken", "medewerker042", "/werkplek/zaken/mijn/?per_pagina=50"),
        ("search surname", "bea", "/werkplek/zaken/alle/?tekst=hendriks+kapvergunning&per_pagina=50"),
        ("search identificatie", "bea", "/werkplek/zaken/alle/?tekst=ZAAK-2025-0000500001&per_pagina=50"),
        ("afgehandeld by date", "bea", "/werkplek/zaken/afgehandeld/?per_pagina=50"),
        ("afgehandeld page 21", "bea", far),
        ("start page", "medewerker042", "/werkplek/"),
    ]
    results = []
    for case, who, url in cases:
        times, errors, cpu = timed(browsers[who], url, args.requests)
        results.append(result(case, times, errors, cpu))
        print(f"  {case}: p50 {results[-1].p50_ms} ms, CPU {results[-1].cpu_p50_ms} ms", flush=True)
    if args.notifications:
        results.append(latency(args, port, demo.zaaktypen["MELDING-OPENBARE-RUIMTE"]))
    print_results(results)
    print(f"load average {load_average():.1f}")
    write_results(
        "werkplek_lists", {"zaken": args.zaken, "database": database_url.rsplit("/", 1)[-1]}, results
    )


def latency(args: argparse.Namespace, port: int, zaaktype_url: str) -> CaseResult:
    """Create zaken through the Zaken API; time until each one's row is in the read model."""
    from zaakwerk.client import ClientCredentials, Http
    from zaakwerk.werkplek import zgw
    from zaakwerk.werkplek.models import ZaakRow
    from zaakwerk.werkplek.read_model.subscribe import callback_auth, notificaties_root

    server = start_server(port, 1)
    worker = subprocess.Popen(
        [sys.executable, "-m", "zaakwerk.cli", "worker"],
        env=dict(os.environ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        http = Http(
            ClientCredentials(
                str(__import__("django.conf").conf.settings.WERKPLEK_CLIENT_ID), zgw.client_secret()
            )
        )
        for old in http.request("GET", f"{notificaties_root()}/abonnement"):  # of a --keep run
            http.request("DELETE", old["url"], expected=(204,))
        # "localhost", not the public URL's 127.0.0.1: so the worker posts over HTTP to the server
        http.request(
            "POST",
            f"{notificaties_root()}/abonnement",
            expected=(201,),
            json={
                "callbackUrl": f"http://localhost:{port}/werkplek/notificaties/",
                "auth": callback_auth(),
                "kanalen": [{"naam": naam, "filters": {}} for naam in ("zaken", "documenten", "besluiten")],
            },
        )
        client = zgw.service_client()
        times: list[float] = []
        errors = 0
        for number in range(args.notifications):
            made = client.zaken.zaken.create(
                {
                    "bronorganisatie": "002220647",
                    "verantwoordelijkeOrganisatie": "002220647",
                    "zaaktype": zaaktype_url,
                    "startdatum": "2026-12-03",
                    "omschrijving": f"Latency {number}",
                }
            )
            begin = time.perf_counter()
            while not ZaakRow.objects.filter(url=made.url).exists():
                if time.perf_counter() - begin > 30:
                    errors += 1
                    break
                time.sleep(0.005)
            times.append((time.perf_counter() - begin) * 1000)
        return result("notification→visible", times, errors)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        stop_server(server)


if __name__ == "__main__":
    main()
