"""Beheer's editor pages: server time per page view, against PostgreSQL.

Builds a concept zaaktype with ``--statustypen`` statustypen, ``--resultaattypen`` resultaattypen
and ``--eigenschappen`` eigenschappen in the demo catalogus, then requests each tab of the editor
(and one sub-type's own page) ``--requests`` times as a logged-in beheerder, through Django's whole
request handling (middleware, the view, its Catalogi and Referentielijsten requests in-process,
the template), and prints p50 and p95 of the time per page and the database queries per page.

Not a test: nothing here asserts. See benchmarks/README.md.

    python benchmarks/beheer_editor.py --requests 50
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import CaseResult, drop_database, load_average, print_table, recreate_database, write_results

DATABASE_URL = "postgres://postgres@127.0.0.1:5432/zaakwerk_bench_beheer"
TABS = (
    "gegevens",
    "statustypen",
    "resultaattypen",
    "eigenschappen",
    "documenten",
    "relaties",
    "behandeling",
    "formulier",
    "versies",
    "publiceren",
)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--statustypen", type=int, default=20)
    parser.add_argument("--resultaattypen", type=int, default=30)
    parser.add_argument("--eigenschappen", type=int, default=40)
    parser.add_argument("--requests", type=int, default=50, help="page views measured per page")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL") or DATABASE_URL
    recreate_database(database_url)
    os.environ.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="zaakwerk.conf.settings",
        ZAAKWERK_PUBLIC_URL="http://testserver",
        ZAAKWERK_DATA_DIR=tempfile.mkdtemp(prefix="zaakwerk-bench-beheer-"),
        ZAAKWERK_EMBEDDED_WORKER="off",
    )
    os.environ.setdefault("SECRET_KEY", "zaakwerk-benchmark-only-key-0123456789-abcdefghijklmnopqrstuvwxyz")
    try:
        run(args, database_url)
    finally:
        if not args.keep:
            drop_database(database_url)


def build(args: argparse.Namespace) -> str:
    """The concept zaaktype with its sub-types, made through the Catalogi API; its UUID."""
    from django.contrib.auth.models import User

    from zaakwerk.beheer import zgw
    from zaakwerk.beheer.services import selectielijst
    from zaakwerk.ops.demo import load_demo

    client = zgw.client_for(User(username="benchmark"))
    report = load_demo(client, referentielijsten=zgw.referentielijsten_root())
    source = client.catalogi.zaaktypen.get(report.zaaktypen["PARKEERVERGUNNING"]).as_json()
    body = {
        key: value
        for key, value in source.items()
        if key
        not in (
            "url",
            "concept",
            "statustypen",
            "resultaattypen",
            "eigenschappen",
            "roltypen",
            "informatieobjecttypen",
            "zaakobjecttypen",
            "besluittypeOmschrijving",
            "informatieobjecttypeOmschrijving",
            "resultaattypeOmschrijving",
            "deelzaaktypeIdentificaties",
        )
    }
    body.update(
        identificatie="GROOT-ZAAKTYPE", omschrijving="Een groot zaaktype", besluittypen=[], deelzaaktypen=[]
    )
    zaaktype = client.catalogi.zaaktypen.create(body).url
    for number in range(1, args.statustypen + 1):
        client.catalogi.statustypen.create(
            {
                "zaaktype": zaaktype,
                "omschrijving": f"Status {number}",
                "volgnummer": number,
                "statustekst": f"Uw zaak is in stap {number}.",
                "doorlooptijd": "P5D",
            }
        )
    klassen = selectielijst.resultaten(client, str(source["selectielijstProcestype"]))
    omschrijving = selectielijst.resultaattypeomschrijvingen(client)[0].url
    for number in range(args.resultaattypen):
        client.catalogi.resultaattypen.create(
            {
                "zaaktype": zaaktype,
                "omschrijving": f"Resultaat {number}",
                "resultaattypeomschrijving": omschrijving,
                "selectielijstklasse": klassen[number % len(klassen)].url,
                "brondatumArchiefprocedure": {"afleidingswijze": "afgehandeld"},
            }
        )
    for number in range(args.eigenschappen):
        client.catalogi.eigenschappen.create(
            {
                "zaaktype": zaaktype,
                "naam": f"eigenschap{number}",
                "definitie": f"Eigenschap {number}",
                "specificatie": {
                    "formaat": "tekst",
                    "lengte": "20",
                    "kardinaliteit": "1",
                    "waardenverzameling": [],
                },
            }
        )
    # the loket's form: 10 steps of 5 fields, every fifth field filling an eigenschap
    from zaakwerk.formulieren.services import definities

    definities.create_formulier(
        "groot-formulier",
        "GROOT-ZAAKTYPE",
        str(source["catalogus"]),
        {
            "titel": "Een groot formulier",
            "steps": [
                {
                    "key": f"stap{step}",
                    "titel": f"Stap {step}",
                    "fields": [
                        {
                            "key": f"veld{step}_{number}",
                            "type": "text",
                            "label": f"Vraag {step}.{number}",
                            **({"eigenschap": f"eigenschap{step}"} if number == 0 else {}),
                        }
                        for number in range(5)
                    ],
                }
                for step in range(10)
            ],
        },
    )
    return zaaktype.rsplit("/", 1)[-1]


def run(args: argparse.Namespace, database_url: str) -> None:
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from zaakwerk.ops.webapps import authorise_beheer

    call_command("migrate", verbosity=0)
    authorise_beheer()
    started = time.monotonic()
    uuid = build(args)
    print(
        f"zaaktype with {args.statustypen} statustypen, {args.resultaattypen} resultaattypen and "
        f"{args.eigenschappen} eigenschappen made in {time.monotonic() - started:.0f} s"
    )
    user = User.objects.create_user("bea", first_name="Bea", last_name="Heer")
    user.groups.add(Group.objects.get_or_create(name="beheerder")[0])
    browser = Client()
    browser.force_login(user)
    from zaakwerk.beheer import zgw

    client = zgw.client_for(user)
    statustype = min(
        client.catalogi.statustypen.list(zaaktype=f"{client.catalogi.zaaktypen.url}/{uuid}", status="alles"),
        key=lambda item: item.volgnummer,
    ).url.rsplit("/", 1)[-1]
    pages = {tab: f"/beheer/zaaktypen/{uuid}/{tab}/" for tab in TABS}
    pages["statustype"] = f"/beheer/zaaktypen/{uuid}/statustypen/{statustype}/"
    pages["formulierveld"] = f"/beheer/zaaktypen/{uuid}/formulier/stappen/stap0/velden/veld0_0/"
    pages["voorbeeldstap"] = f"/beheer/zaaktypen/{uuid}/formulier/voorbeeld/stap/stap0/"
    if os.environ.get("ZAAKWERK_BENCH_PROFILE") in pages:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(5):
            browser.get(pages[os.environ["ZAAKWERK_BENCH_PROFILE"]])
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    results: list[CaseResult] = []
    queries_per_page: dict[str, float] = {}
    # the process's own CPU time (view, in-process API calls, templates; not the database server's):
    # less disturbed than the wall time when other work shares the machine
    cpu_per_page: dict[str, float] = {}
    for name, path in pages.items():
        for _ in range(3):  # warm up: templates, caches, connections
            assert browser.get(path).status_code == 200, path
        times: list[float] = []
        cpu: list[float] = []
        queries: list[int] = []
        errors = 0
        for _ in range(args.requests):
            with CaptureQueriesContext(connection) as captured:
                begin, begin_cpu = time.perf_counter(), time.process_time()
                response = browser.get(path)
                times.append((time.perf_counter() - begin) * 1000)
                cpu.append((time.process_time() - begin_cpu) * 1000)
            queries.append(len(captured.captured_queries))
            errors += response.status_code != 200
        ordered = sorted(times)
        results.append(
            CaseResult(
                case=name,
                concurrency=1,
                requests=args.requests,
                errors=errors,
                p50_ms=round(statistics.median(ordered), 2),
                p95_ms=round(ordered[max(int(len(ordered) * 0.95) - 1, 0)], 2),
                requests_per_second=round(1000 / statistics.mean(ordered), 1),
            )
        )
        queries_per_page[name] = statistics.median(queries)
        cpu_per_page[name] = round(statistics.median(cpu), 1)
    print_table(results)
    print(
        "database queries per page (median): "
        + ", ".join(f"{k} {v:.0f}" for k, v in queries_per_page.items())
    )
    print(
        "CPU time of this process per page, p50 ms: " + ", ".join(f"{k} {v}" for k, v in cpu_per_page.items())
    )
    print(f"load average {load_average():.1f}")
    write_results(
        "beheer_editor",
        {
            "statustypen": args.statustypen,
            "resultaattypen": args.resultaattypen,
            "eigenschappen": args.eigenschappen,
            "queries_per_page": queries_per_page,
            "cpu_ms_p50_per_page": cpu_per_page,
            "database": database_url.rsplit("/", 1)[-1],
        },
        results,
    )


if __name__ == "__main__":
    main()
