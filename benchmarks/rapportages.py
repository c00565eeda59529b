"""The rapportages' report page on a large read model, against PostgreSQL.

Writes ``--zaken`` rows straight into the werkplek's read model (COPY, indexes built afterwards,
then VACUUM ANALYZE), as ``zaakwerk werkplek sync`` would leave them: five years of zaken of twelve
zaaktypen in thirty teams, each afgehandeld after 5 to 120 days (so the open ones are the recent
ones, plus one in fifty that got stuck), a tenth of the afgehandelde ones after their uiterlijke
einddatum; and ``--taken`` open tasks. Then, logged in, it requests through Django's whole request
handling (middleware, view, queries, template) and prints p50/p95 server time of:

- the report of a coördinator (every zaaktype), the default period (12 weeks);
- the same for one zaaktype, for one team, and over 52 weeks;
- the report of a user whose roles cover three zaaktypen;
- a table as CSV and as XLSX.

Not a test: nothing here asserts. See benchmarks/README.md.

    python benchmarks/rapportages.py --zaken 1000000
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
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
    load_average,
    print_table,
    progress,
    recreate_database,
    write_results,
)

DATABASE_URL = "postgres://postgres@127.0.0.1:5432/zaakwerk_bench_rapportages"
TABLE = "werkplek_zaakrow"
ZAAKTYPEN = ["PARKEERVERGUNNING", "MELDING-OPENBARE-RUIMTE", "BEZWAAR"] + [
    f"ZAAKTYPE-{n:02}" for n in range(9)
]
TEAMS = [f"team-{n:02}" for n in range(30)]
STATUSES = ["Ontvangen", "In behandeling", "Wacht op aanvrager", "Advies gevraagd"]
TODAY = date(2026, 12, 3)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--zaken", type=int, default=1_000_000, help="rows in the read model")
    parser.add_argument("--taken", type=int, default=20_000, help="open tasks")
    parser.add_argument("--requests", type=int, default=30, help="page views measured per case")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--reuse", action="store_true", help="use the kept database as it is")
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL") or DATABASE_URL
    if not args.reuse:
        recreate_database(database_url)
    os.environ.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="zaakwerk.conf.settings",
        ZAAKWERK_PUBLIC_URL="http://127.0.0.1:18600",
        ZAAKWERK_DATA_DIR=tempfile.mkdtemp(prefix="zaakwerk-bench-rapportages-"),
        ZAAKWERK_EMBEDDED_WORKER="off",
        SECRET_KEY=os.environ.get("SECRET_KEY") or "benchmark-" + uuid.uuid4().hex,
    )
    try:
        run(args, database_url)
    finally:
        if not args.keep:
            drop_database(database_url)


def generated(count: int, columns: list[str]) -> Any:
    """The rows, in batches of 50,000 (column → value)."""
    rng = random.Random(16)
    now = datetime(2026, 12, 3, 9, tzinfo=UTC)
    batch: list[dict[str, Any]] = []
    for number in range(1, count + 1):
        key = uuid.UUID(int=rng.getrandbits(128), version=4)
        start = TODAY - timedelta(days=rng.randrange(0, 5 * 365))
        end: date | None = start + timedelta(days=int(rng.triangular(5, 120, 30)))
        if end is not None and (end > TODAY or (rng.random() < 0.02 and start > TODAY - timedelta(days=400))):
            end = None
        fataal = start + timedelta(days=70)
        if end is not None and rng.random() < 0.1:
            fataal = end - timedelta(days=rng.randrange(1, 20))
        identificatie = f"ZAAK-{start.year}-{number:010d}"
        row = {
            "id": number,
            "url": f"http://127.0.0.1/zaken/api/v1/zaken/{key}",
            "uuid": key,
            "identificatie": identificatie,
            "omschrijving": f"Zaak {number}",
            "zaaktype_url": "http://127.0.0.1/catalogi/api/v1/zaaktypen/x",
            "zaaktype_identificatie": rng.choice(ZAAKTYPEN),
            "zaaktype_omschrijving": "Zaaktype",
            "statustype_url": "",
            "status_omschrijving": "Afgehandeld" if end else rng.choice(STATUSES),
            "status_datum": now,
            "startdatum": start,
            "einddatum": end,
            "einddatum_gepland": start + timedelta(days=56),
            "uiterlijke_einddatum_afdoening": fataal,
            "behandelaar": "",
            "behandelaar_naam": "",
            "behandelaar_sinds": None,
            "team": rng.choice(TEAMS),
            "initiator": "",
            "initiator_identificatie": "",
            "archiefnominatie": "",
            "resultaat": "Verleend" if end else "",
            "documenten": 0,
            "laatste_document_op": None,
            "gewijzigd_op": now,
            "fetched_at": now,
            "synced_at": now,
            "zoektekst": identificatie.lower(),
        }
        batch.append({column: row[column] for column in columns})
        if len(batch) == 50_000:
            yield batch
            batch = []
    if batch:
        yield batch


def load(database_url: str, count: int, tasks: int) -> None:
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
        definitions = drop_indexes(conn, {"zaakrow": (TABLE, [])})
        started = time.monotonic()
        done = 0
        for batch in generated(count, columns):
            with conn.transaction():
                done += copy_rows(conn, TABLE, columns, batch)
            progress("rows", done, count, started)
        create_indexes(conn, definitions)
        conn.execute(f"SELECT setval(pg_get_serial_sequence('{TABLE}', 'id'), {count})")
        # open tasks on open zaken, a third past their date
        conn.execute(
            "INSERT INTO werkplek_task (zaak_url, zaak_uuid, zaak_identificatie, zaak_omschrijving, "
            "zaaktype_identificatie, kind, title, description, due_date, state, outcome, outcome_text, "
            "created_by, created_at, completed_by) "
            "SELECT url, uuid, identificatie, '', zaaktype_identificatie, "
            "(ARRAY['advies', 'goedkeuren', 'aanvullende_informatie'])[1 + id %% 3], 'Taak', '', "
            "%s::date + (id %% 30 - 10)::integer, 'open', '', '', 'bench', now(), '' "
            "FROM werkplek_zaakrow WHERE einddatum IS NULL ORDER BY id LIMIT %s",
            [TODAY, tasks],
        )
        conn.commit()
        conn.autocommit = True
        conn.execute(f"VACUUM (ANALYZE) {TABLE}")
        conn.execute("VACUUM (ANALYZE) werkplek_task")
        found = conn.execute(f"SELECT count(*) FROM {TABLE} WHERE einddatum IS NULL").fetchone()
    open_count = found[0] if found else "?"
    print(f"\n{count} rows ({open_count} open) written in {time.monotonic() - started:.0f} s")


def timed(browser: Any, url: str, requests: int) -> tuple[list[float], int]:
    browser.get(url)  # warm
    times, errors = [], 0
    for _ in range(requests):
        begin = time.perf_counter()
        response = browser.get(url)
        times.append((time.perf_counter() - begin) * 1000)
        errors += response.status_code != 200
    return times, errors


def result(case: str, times: list[float], errors: int) -> CaseResult:
    ordered = sorted(times)
    return CaseResult(
        case=case,
        concurrency=1,
        requests=len(times),
        errors=errors,
        p50_ms=round(statistics.median(ordered), 2),
        p95_ms=round(ordered[max(int(len(ordered) * 0.95) - 1, 0)], 2),
        requests_per_second=round(1000 / statistics.mean(ordered), 1),
    )


def run(args: argparse.Namespace, database_url: str) -> None:
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from zaakwerk.ops.demo import load_demo
    from zaakwerk.ops.webapps import authorise_werkplek
    from zaakwerk.werkplek import zgw
    from zaakwerk.werkplek.models import RoleGrant

    # every run has a secret key of its own: register the werkplek's secret again, also on a kept
    # database, or the norms' catalogue reads are refused and the page falls back to the read model
    if not args.reuse:
        call_command("migrate", verbosity=0)
    authorise_werkplek()
    if not args.reuse:
        load_demo(zgw.service_client(), referentielijsten=f"{zgw.base_url()}/referentielijsten/api/v1")
        load(database_url, args.zaken, args.taken)
        coordinator = User.objects.create_user("cora")
        coordinator.groups.add(Group.objects.get_or_create(name="coördinator")[0])
        narrow = User.objects.create_user("nina")
        grants = Group.objects.create(name="grant-nina")
        for identificatie in ZAAKTYPEN[:3]:
            RoleGrant.objects.create(group=grants, role="raadpleger", zaaktype_identificatie=identificatie)
        narrow.groups.add(grants)
        for team in TEAMS:
            Group.objects.get_or_create(name=team)

    browsers = {}
    for name in ("cora", "nina"):
        browsers[name] = Client()
        browsers[name].force_login(User.objects.get(username=name))
    year_ago = (TODAY - timedelta(weeks=51)).isoformat()
    cases = [
        ("report, all zaaktypen", "cora", "/rapportages/"),
        ("report, one zaaktype", "cora", "/rapportages/?zaaktype=BEZWAAR"),
        ("report, one team", "cora", "/rapportages/?team=team-07"),
        ("report, 52 weeks", "cora", f"/rapportages/?van={year_ago}"),
        ("report, 3 zaaktypen", "nina", "/rapportages/"),
        ("CSV doorlooptijd", "cora", "/rapportages/export/doorlooptijd-per-zaaktype.csv"),
        ("XLSX instroom", "cora", "/rapportages/export/instroom-uitstroom.xlsx"),
    ]
    with CaptureQueriesContext(connection) as queries:
        browsers["cora"].get("/rapportages/")
    print(f"queries of the report page: {len(queries)}")
    if os.environ.get("ZAAKWERK_BENCH_EXPLAIN"):
        for query in queries.captured_queries:
            if "werkplek_zaakrow" in query["sql"]:
                print(query["time"], query["sql"][:300])
    results = []
    for case, who, url in cases:
        times, errors = timed(browsers[who], url, args.requests)
        results.append(result(case, times, errors))
        print(f"  {case}: p50 {results[-1].p50_ms} ms", flush=True)
    print_table(results)
    print(f"load average {load_average():.1f}")
    write_results("rapportages", {"zaken": args.zaken, "database": database_url.rsplit("/", 1)[-1]}, results)


if __name__ == "__main__":
    main()
