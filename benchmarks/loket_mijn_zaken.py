"""The loket's Mijn zaken and zaak page: server time per page view, against PostgreSQL.

Uses the Zaken dataset of ``zaken_dataset.py`` (1,000,000 zaken by default; its 20,000 residents
have about 50 zaken each): registers the loket with its least rights (``authorise_loket``), picks
the resident whose number of zaken the loket may show is closest to ``--per-resident``, logs in
as that resident and requests Mijn zaken, one of their zaken's page and "Wie heeft mijn gegevens
bekeken" ``--requests`` times each, through Django's whole request handling (middleware, the
view, its register requests in-process, the template). Prints p50 and p95 of the time per page,
the register requests per page and the database queries per page.

Not a test: nothing here asserts. See benchmarks/README.md.

    python benchmarks/zaken_dataset.py --database-url postgres://postgres@127.0.0.1:5432/zaakwerk_bench
    python benchmarks/loket_mijn_zaken.py --requests 200
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEFAULT_DATABASE_URL, CaseResult, load_average, print_table, write_results

# the public URL of the dataset (zaken_dataset.PUBLIC_URL): every stored URL starts with it
PUBLIC_URL = "http://127.0.0.1:8100"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=200, help="page views measured per page")
    parser.add_argument("--per-resident", type=int, default=50, help="zaken of the measured resident")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL),
        help="the dataset's database (default: $DATABASE_URL or %(default)s)",
    )
    args = parser.parse_args()
    os.environ.update(
        DATABASE_URL=args.database_url,
        DJANGO_SETTINGS_MODULE="zaakwerk.conf.settings",
        ZAAKWERK_PUBLIC_URL=PUBLIC_URL,
        ZAAKWERK_DATA_DIR=tempfile.mkdtemp(prefix="zaakwerk-bench-loket-"),
        ZAAKWERK_EMBEDDED_WORKER="off",
    )
    run(args)


def resident(per_resident: int) -> tuple[str, int]:
    """The BSN whose zaken the loket may show number closest to ``per_resident``."""
    from django.db import connection

    from zaakwerk.loket.services.rules import VERTROUWELIJKHEID, maximum
    from zaakwerk.zaken.models import Rol, Zaak

    rol, zaak = Rol._meta.db_table, Zaak._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT r.inp_bsn, count(DISTINCT r.zaak_id) FROM {rol} r JOIN {zaak} z ON z.id = r.zaak_id "
            "WHERE r.inp_bsn <> '' AND z.vertrouwelijkheid_rank <= %s "
            "GROUP BY r.inp_bsn ORDER BY abs(count(DISTINCT r.zaak_id) - %s), r.inp_bsn LIMIT 1",
            [VERTROUWELIJKHEID.index(maximum()), per_resident],
        )
        row = cursor.fetchone()
    assert row is not None, "the database holds no zaken of residents: run zaken_dataset.py first"
    return str(row[0]), int(row[1])


def measure(
    browser: Any, urls: list[str], requests: int, name: str
) -> tuple[CaseResult, float, float, float]:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from zaakwerk.client import transport

    sent: list[str] = []
    original = transport.send

    def counted(method: str, url: str, **kwargs: Any) -> transport.Reply:
        sent.append(url)
        return original(method, url, **kwargs)

    transport.send = counted  # type: ignore[assignment]
    times: list[float] = []
    # the process's own CPU time (the view, its in-process API calls, the template; not the
    # database server's): less disturbed than the wall time when other work shares the machine
    cpu: list[float] = []
    queries: list[int] = []
    register_requests: list[int] = []
    errors = 0
    try:
        for index in range(requests):
            sent.clear()
            reset_queries()  # the query log is bounded: counting stays right over many page views
            with CaptureQueriesContext(connection) as captured:
                begin, begin_cpu = time.perf_counter(), time.process_time()
                response = browser.get(urls[index % len(urls)])
                times.append((time.perf_counter() - begin) * 1000)
                cpu.append((time.process_time() - begin_cpu) * 1000)
            queries.append(len(captured.captured_queries))
            register_requests.append(len(sent))
            errors += response.status_code != 200
    finally:
        transport.send = original  # type: ignore[assignment]
    ordered = sorted(times)
    result = CaseResult(
        case=name,
        concurrency=1,
        requests=requests,
        errors=errors,
        p50_ms=round(statistics.median(ordered), 2),
        p95_ms=round(ordered[int(len(ordered) * 0.95) - 1], 2),
        requests_per_second=round(1000 / statistics.mean(ordered), 1),
    )
    return (
        result,
        statistics.median(register_requests),
        statistics.median(queries),
        round(statistics.median(cpu), 1),
    )


def run(args: argparse.Namespace) -> None:
    import django

    django.setup()
    from django.test import Client

    from zaakwerk.loket import identity
    from zaakwerk.loket.services.mijn_zaken import mijn_zaken
    from zaakwerk.loket.zgw import client_for
    from zaakwerk.ops.loket import authorise_loket
    from zaakwerk.zaken.models import Zaak

    started = time.monotonic()
    authorise_loket()
    bsn, count = resident(args.per_resident)
    total = Zaak.objects.count()
    print(f"loket authorised in {time.monotonic() - started:.1f} s; {total:,} zaken; a resident with {count}")

    visitor = identity.Identity(kind="bsn", value=bsn, via="dev")
    browser = Client()
    session = browser.session
    session[identity.SESSION_KEY] = {
        "kind": "bsn",
        "value": bsn,
        "via": "dev",
        "name": "",
        "vestigingsnummer": "",
    }
    session.save()
    shown = mijn_zaken(client_for(visitor), visitor)
    zaak_urls = [f"/loket/mijn-zaken/{regel.uuid}/" for regel in [*shown.lopend, *shown.afgerond]]
    print(f"Mijn zaken shows {shown.total} zaken ({len(shown.lopend)} open)")
    for url in ["/loket/mijn-zaken/", *zaak_urls[:3], "/loket/mijn-gegevens/"]:  # warm up
        assert browser.get(url).status_code == 200, url
    cases = [
        ("Mijn zaken", ["/loket/mijn-zaken/"]),
        ("zaak page", zaak_urls),
        ("mijn gegevens", ["/loket/mijn-gegevens/"]),
    ]
    results, details = [], {}
    for name, urls in cases:
        result, register_requests, queries, cpu_ms = measure(browser, urls, args.requests, name)
        results.append(result)
        details[name] = {
            "register_requests_per_page": register_requests,
            "queries_per_page": queries,
            "cpu_ms_p50_per_page": cpu_ms,
        }
    print_table(results)
    for name, found in details.items():
        print(
            f"{name}: register requests per page {found['register_requests_per_page']:.0f}, "
            f"database queries per page {found['queries_per_page']:.0f}, "
            f"CPU time of this process per page p50 {found['cpu_ms_p50_per_page']} ms"
        )
    print(f"load average {load_average():.1f}")
    write_results(
        "loket_mijn_zaken",
        {
            "zaken": total,
            "zaken_of_the_resident": shown.total,
            "pages": details,
            "database": args.database_url.rsplit("/", 1)[-1],
        },
        results,
    )


if __name__ == "__main__":
    main()
