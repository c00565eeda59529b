"""A form submitted in the loket and registered as a zaak: server time per submission, against
PostgreSQL.

Builds a database with the demo catalogus and the demo forms plus a melding form with two photo
fields, then fills in ``--submissions`` meldingen through the form's pages, each with two
attachments of ``--megabytes`` MB, and measures only the last request: the submit of the summary,
through Django's whole request handling (the claim, the plan with its catalogue reads, the PDF,
the documents sent inline to the Documenten API, the zaak registered through the transactional
extension, the confirmation e-mail). Prints p50 and p95 per submission and the database queries.

Not a test: nothing here asserts. See benchmarks/README.md.

    python benchmarks/loket_submission.py --submissions 30 --megabytes 5
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import CaseResult, drop_database, load_average, print_table, recreate_database, write_results

DATABASE_URL = "postgres://postgres@127.0.0.1:5432/zaakwerk_bench_loket"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--submissions", type=int, default=30, help="submissions measured")
    parser.add_argument("--megabytes", type=float, default=5, help="size of each of the two attachments")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="submit into the existing database at DATABASE_URL (the Zaken dataset of 1,000,000 zaken) "
        "instead of a new one; it is kept",
    )
    parser.add_argument(
        "--show-queries", action="store_true", help="print one submission's queries, most repeated first"
    )
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL") or DATABASE_URL
    if not args.reuse:
        recreate_database(database_url)
    data_dir = tempfile.mkdtemp(prefix="zaakwerk-bench-loket-")  # the documents' files
    os.environ.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="zaakwerk.conf.settings",
        ZAAKWERK_PUBLIC_URL="http://testserver",
        ZAAKWERK_DATA_DIR=data_dir,
        ZAAKWERK_EMBEDDED_WORKER="off",
        ZAAKWERK_FORMULIEREN_MAX_UPLOAD_BYTES=str(int(args.megabytes * 1024 * 1024) + 1024),
    )
    try:
        run(args, database_url)
    finally:
        if not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)
            if not args.reuse:
                drop_database(database_url)


def two_photos() -> dict[str, object]:
    """The demo melding with a second photo field."""
    from zaakwerk.formulieren import demo

    definition = demo.definition("melding-openbare-ruimte")
    steps = definition["steps"]
    assert isinstance(steps, list)
    fields = steps[0]["fields"]
    photo = next(field for field in fields if field["key"] == "foto")
    fields.append({**photo, "key": "foto2", "label": "Tweede foto", "max_size": 50 * 1024 * 1024})
    photo["max_size"] = 50 * 1024 * 1024
    return definition


def fill(browser: object, photo: bytes) -> str:
    """Fill in the melding's steps (not measured); the draft's URL."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    assert isinstance(browser, Client)
    location = str(browser.post("/loket/formulieren/bench-melding/")["Location"])
    draft = re.sub(r"stap/[a-z]+/$", "", location)

    def step(name: str, data: dict[str, object]) -> None:
        body = {f"veld-{key}": value for key, value in data.items()}
        response = browser.post(f"{draft}stap/{name}/", {**body, "actie": "volgende"})
        assert response.status_code == 302, response.content.decode()[:500]

    step(
        "melding",
        {
            "categorie": "afval",
            "omschrijving": "Afval naast de container",
            "foto": SimpleUploadedFile("een.jpg", photo, "image/jpeg"),
            "foto2": SimpleUploadedFile("twee.jpg", photo, "image/jpeg"),
        },
    )
    step("locatie", {"plek-lat": "52,0907", "plek-lon": "5,1214"})
    step("contact", {"naam": "Bench", "email": "bench@example.nl"})
    return draft


class QueryLog:
    """The statements of every database connection of the process, those of the threads that send
    a submission's documents side by side included (docs/adr/0106), as Django logs them
    (transaction control too)."""

    def __init__(self) -> None:
        from django.db.backends.signals import connection_created

        self.connections: list[Any] = []
        connection_created.connect(self._watch, weak=False)

    def _watch(self, sender: object, connection: Any, **kwargs: object) -> None:
        connection.force_debug_cursor = True
        if connection not in self.connections:
            self.connections.append(connection)

    def clear(self) -> None:
        for connection in self.connections:
            connection.queries_log.clear()

    def count(self) -> int:
        return sum(len(connection.queries_log) for connection in self.connections)


def run(args: argparse.Namespace, database_url: str) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from zaakwerk.formulieren import demo, zgw
    from zaakwerk.formulieren.models import Formulier, Inzending
    from zaakwerk.formulieren.services import definities
    from zaakwerk.ops.demo import load_demo
    from zaakwerk.ops.formulieren import authorise
    from zaakwerk.zaken.models import Zaak

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    log = QueryLog()
    connection.close()  # reopened below, logged
    call_command("migrate", verbosity=0)
    authorise()
    report = load_demo(zgw.client(), referentielijsten=f"{zgw.base_url()}/referentielijsten/api/v1")
    demo.load(report.catalogus)
    if not Formulier.objects.filter(slug="bench-melding").exists():  # made by an earlier --reuse run
        formulier = definities.create_formulier(
            "bench-melding", "MELDING-OPENBARE-RUIMTE", report.catalogus, two_photos()
        )
        definities.publish(formulier.versies.get())
    photo = b"\xff\xd8\xff\xe0" + secrets.token_bytes(int(args.megabytes * 1024 * 1024) - 4)
    if args.show_queries:
        from collections import Counter

        shown = Client()
        draft = fill(shown, photo)
        # the statements of this thread's connection; the documents' own are in their threads
        with CaptureQueriesContext(connection) as captured:
            shown.post(f"{draft}overzicht/")
        shapes = Counter(
            re.sub(r"\d+|'[^']*'", "?", query["sql"])[:150] for query in captured.captured_queries
        )
        for shape, count in shapes.most_common():
            print(f"{count:4d}  {shape}")
    if os.environ.get("ZAAKWERK_BENCH_PROFILE"):  # where one submission's time goes
        import cProfile
        import pstats

        for _ in range(2):  # warm up first: the spec documents, templates, connections
            warm = Client()
            warm.post(f"{fill(warm, photo)}overzicht/")
        browser = Client()
        profiler = cProfile.Profile()
        draft = fill(browser, photo)
        profiler.enable()
        browser.post(f"{draft}overzicht/")
        profiler.disable()
        # ZAAKWERK_BENCH_PROFILE=tottime: by the time spent in each function itself
        order = "tottime" if os.environ["ZAAKWERK_BENCH_PROFILE"] == "tottime" else "cumulative"
        pstats.Stats(profiler).sort_stats(order).print_stats(90)
    times: list[float] = []
    # the process's own CPU time (the forms, the in-process API calls, the PDF; not the database
    # server's): less disturbed than the wall time when other work shares the machine
    cpu: list[float] = []
    queries: list[int] = []
    errors = 0
    for index in range(args.submissions + 2):  # the first two warm up
        browser = Client()
        draft = fill(browser, photo)
        log.clear()
        begin, begin_cpu = time.perf_counter(), time.process_time()
        response = browser.post(f"{draft}overzicht/")
        elapsed = (time.perf_counter() - begin) * 1000
        elapsed_cpu = (time.process_time() - begin_cpu) * 1000
        if index < 2:
            continue
        times.append(elapsed)
        cpu.append(elapsed_cpu)
        queries.append(log.count())
        errors += response.status_code != 302 or "/bevestiging/" not in str(response.get("Location", ""))
    registered = Inzending.objects.filter(staat=Inzending.Staat.GEREGISTREERD).count()
    zaken = Zaak.objects.count()
    ordered = sorted(times)
    result = CaseResult(
        case=f"submission, 2 × {args.megabytes:g} MB",
        concurrency=1,
        requests=args.submissions,
        errors=errors,
        p50_ms=round(statistics.median(ordered), 2),
        p95_ms=round(ordered[max(int(len(ordered) * 0.95) - 1, 0)], 2),
        requests_per_second=round(1000 / statistics.mean(ordered), 1),
    )
    print_table([result])
    print(
        f"{registered} submissions registered; database queries per submission: median "
        f"{statistics.median(queries):.0f}; CPU time of this process per submission, p50 "
        f"{statistics.median(cpu):.1f} ms; load average {load_average():.1f}; {zaken:,} zaken in the database"
    )
    write_results(
        "loket_submission",
        {
            "megabytes_per_attachment": args.megabytes,
            "queries_per_submission": statistics.median(queries),
            "cpu_ms_p50_per_submission": round(statistics.median(cpu), 1),
            "database": database_url.rsplit("/", 1)[-1],
            "zaken_in_database": zaken,
        },
        [result],
    )


if __name__ == "__main__":
    main()
