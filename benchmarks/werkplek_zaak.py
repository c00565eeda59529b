"""The werkplek's zaak page: server time per page view, against PostgreSQL.

Builds a database with the demo catalogus and ``--zaken`` zaken (each with two statussen, an
initiator and a team, ``--documenten`` documents and a geometry), then requests the zaak page of
one of them ``--requests`` times as a logged-in behandelaar, through Django's whole request
handling (middleware, the view, its four register requests in-process, the template), and prints
p50 and p95 of the time per page and the database queries per page.

Not a test: nothing here asserts. See benchmarks/README.md.

    python benchmarks/werkplek_zaak.py --zaken 200 --documenten 5 --requests 200
"""

from __future__ import annotations

import argparse
import base64
import os
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import CaseResult, drop_database, load_average, print_table, recreate_database, write_results

DATABASE_URL = "postgres://postgres@127.0.0.1:5432/zaakwerk_bench_werkplek"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--zaken", type=int, default=200, help="zaken in the database")
    parser.add_argument("--documenten", type=int, default=5, help="documents per measured zaak")
    parser.add_argument("--requests", type=int, default=200, help="page views measured")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="add to the database at $DATABASE_URL instead of recreating it (for instance one that "
        "zaken_dataset.py filled with 1,000,000 zaken), and keep it",
    )
    parser.add_argument(
        "--show-queries", action="store_true", help="print one page view's queries, most repeated first"
    )
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL") or DATABASE_URL
    if not args.reuse:
        recreate_database(database_url)
    os.environ.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="zaakwerk.conf.settings",
        ZAAKWERK_PUBLIC_URL="http://testserver",
        ZAAKWERK_DATA_DIR=tempfile.mkdtemp(prefix="zaakwerk-bench-werkplek-"),
        ZAAKWERK_EMBEDDED_WORKER="off",
    )
    try:
        run(args, database_url)
    finally:
        if not (args.keep or args.reuse):
            drop_database(database_url)


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
    from zaakwerk.werkplek.services import assignment

    call_command("migrate", verbosity=0)
    authorise_werkplek()
    client = zgw.service_client()
    report = load_demo(client, referentielijsten=f"{zgw.base_url()}/referentielijsten/api/v1")
    zaaktype = client.catalogi.zaaktypen.get(report.zaaktypen["MELDING-OPENBARE-RUIMTE"])
    statustypen = sorted(client.catalogi.statustypen.list(zaaktype=zaaktype.url), key=lambda t: t.volgnummer)
    initiator = next(client.catalogi.roltypen.list(zaaktype=zaaktype.url, omschrijvingGeneriek="initiator"))
    area = {"type": "Polygon", "coordinates": [[[5.11, 52.09], [5.12, 52.09], [5.12, 52.1], [5.11, 52.09]]]}
    started = time.monotonic()
    uuids = []
    for number in range(args.zaken):
        zaak = client.zaken.zaken.create(
            {
                "bronorganisatie": "002220647",
                "verantwoordelijkeOrganisatie": "002220647",
                "zaaktype": zaaktype.url,
                "startdatum": "2026-11-02",
                "omschrijving": f"Melding {number}",
                "zaakgeometrie": area,
            }
        )
        for index, statustype in enumerate(statustypen[:2]):
            client.zaken.statussen.create(
                {
                    "zaak": zaak.url,
                    "statustype": statustype.url,
                    "datumStatusGezet": f"2026-11-0{index + 2}T10:00:00Z",
                }
            )
        client.zaken.rollen.create(
            {
                "zaak": zaak.url,
                "betrokkeneType": "natuurlijk_persoon",
                "roltype": initiator.url,
                "roltoelichting": "melder",
                "betrokkeneIdentificatie": {"inpBsn": "111222333"},
            }
        )
        assignment.assign_to_team(client, zaak, "team-buitendienst", toelichting="Buitendienst")
        if number % 10 == 0:  # every tenth zaak is measured: it has the documents
            for document in range(args.documenten):
                eio = client.documenten.enkelvoudiginformatieobjecten.create(
                    {
                        "bronorganisatie": "002220647",
                        "creatiedatum": "2026-11-02",
                        "titel": f"foto {document}",
                        "auteur": "Melder",
                        "taal": "nld",
                        "inhoud": base64.b64encode(b"%PDF-1.4 " + bytes(2000)).decode(),
                        "informatieobjecttype": zaaktype.informatieobjecttypen[0],
                        "bestandsnaam": f"foto-{document}.pdf",
                        "formaat": "application/pdf",
                    }
                )
                client.zaken.zaakinformatieobjecten.create({"zaak": zaak.url, "informatieobject": eio.url})
            uuids.append(zaak.uuid)
    print(f"{args.zaken} zaken made in {time.monotonic() - started:.0f} s; {len(uuids)} measured")

    user = User.objects.create_user("bea", first_name="Bea", last_name="Bakker")
    user.groups.add(Group.objects.get_or_create(name="behandelaar")[0])
    browser = Client()
    browser.force_login(user)
    for uuid in uuids[:3]:  # warm up: templates, caches, connections
        assert browser.get(f"/werkplek/zaken/{uuid}/").status_code == 200
    if args.show_queries:
        with CaptureQueriesContext(connection) as captured:
            browser.get(f"/werkplek/zaken/{uuids[0]}/")
        shapes = Counter(
            re.sub(r"\d+|'[^']*'", "?", query["sql"])[:160] for query in captured.captured_queries
        )
        for shape, count in shapes.most_common():
            print(f"{count:4d}  {shape}")
    if os.environ.get("ZAAKWERK_BENCH_PROFILE"):
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(5):
            browser.get(f"/werkplek/zaken/{uuids[0]}/")
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
    times: list[float] = []
    queries: list[int] = []
    errors = 0
    for index in range(args.requests):
        uuid = uuids[index % len(uuids)]
        with CaptureQueriesContext(connection) as captured:
            begin = time.perf_counter()
            response = browser.get(f"/werkplek/zaken/{uuid}/")
            times.append((time.perf_counter() - begin) * 1000)
        queries.append(len(captured.captured_queries))
        errors += response.status_code != 200
    ordered = sorted(times)
    result = CaseResult(
        case="zaak page",
        concurrency=1,
        requests=args.requests,
        errors=errors,
        p50_ms=round(statistics.median(ordered), 2),
        p95_ms=round(ordered[int(len(ordered) * 0.95) - 1], 2),
        requests_per_second=round(1000 / statistics.mean(ordered), 1),
    )
    print_table([result])
    print(
        f"database queries per page: median {statistics.median(queries):.0f}; "
        f"load average {load_average():.1f}"
    )
    write_results(
        "werkplek_zaak",
        {
            "zaken": args.zaken,
            "documenten_per_zaak": args.documenten,
            "queries_per_page": statistics.median(queries),
            "database": database_url.rsplit("/", 1)[-1],
        },
        [result],
    )


if __name__ == "__main__":
    main()
