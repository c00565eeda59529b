"""Benchmark of the Zaken API on PostgreSQL, through the production server.

Not a test: it measures, it asserts nothing. Needs the database ``zaken_dataset.py`` built (it
is not changed, apart from the zaken this benchmark creates and its restricted client). Starts
``zaakwerk serve`` with the dataset's public URL, then sends a fixed number of requests per
case from 1 and from 16 threads and reports p50, p95, requests per second and the memory of
every server process. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import sys
import tempfile
from datetime import date
from typing import Any

import httpx
from common import (
    CLIENT_ID,
    SECRET,
    Case,
    Send,
    Server,
    database_size,
    free_port,
    load_arguments,
    register_restricted_client,
    run_against_server,
    start_server,
)
from zaken_dataset import PUBLIC_URL

ZAKEN = "/zaken/api/v1/zaken"
RESTRICTED_ID = "zaakwerk-bench-beperkt"
RESTRICTED_SECRET = "benchmark-restricted-secret-0123456789"
RESTRICTED_SCOPES = ["zaken.lezen", "zaken.aanmaken"]
CRS = {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    load_arguments(parser, "zaken_dataset.py")
    parser.add_argument(
        "--port", type=int, default=0, help="port of the server, the baseline's the next (default: free ones)"
    )
    return parser.parse_args()


def restricted_client(zaaktypen: list[str]) -> None:
    """A client allowed ``zaken.lezen``/``zaken.aanmaken`` on ``zaaktypen``, up to ``openbaar``."""
    from zaakwerk.autorisaties.services import AutorisatieData

    autorisaties = [
        AutorisatieData("zrc", RESTRICTED_SCOPES, zaaktype=url, max_vertrouwelijkheidaanduiding="openbaar")
        for url in zaaktypen
    ]
    register_restricted_client(RESTRICTED_ID, RESTRICTED_SECRET, autorisaties)


def sample(size: int) -> dict[str, Any]:
    """Zaken to read and filter on (a random sample), the zaaktypen, and the number of zaken."""
    from django.conf import settings
    from django.db import connection

    from zaakwerk.zaken.models import Zaak

    table = connection.ops.quote_name(Zaak._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT reltuples::bigint FROM pg_class WHERE relname = {Zaak._meta.db_table!r}")
        found = cursor.fetchone()
        estimate = int(found[0]) if found else 0
        percent = min(100.0, max(0.01, 100.0 * size * 4 / max(estimate, 1)))
        cursor.execute(
            f"SELECT uuid::text, zaaktype, bronorganisatie FROM {table} "
            f"TABLESAMPLE SYSTEM ({percent}) LIMIT %s",
            [size],
        )
        rows = cursor.fetchall()
    zaaktypen = sorted({row[1] for row in rows})
    restricted = set(zaaktypen[:3])
    return {
        "uuids": [row[0] for row in rows],
        "filters": [(row[1], row[2]) for row in rows],
        "restricted_filters": [(row[1], row[2]) for row in rows if row[1] in restricted],
        "zaaktypen": zaaktypen,
        "count": Zaak.objects.count(),
        "page_size": int(settings.PAGE_SIZE),
    }


def cases(data: dict[str, Any]) -> list[tuple[str, Send, int, bool]]:
    """(name, request, expected status, as the restricted client) per case."""
    rng = random.Random(7)
    pages = max(2, -(-data["count"] // data["page_size"]))
    uuids, zaaktypen = data["uuids"], data["zaaktypen"]

    def page_one(client: httpx.Client, _: int) -> httpx.Response:
        return client.get(ZAKEN, params={"page": 1})

    def deep_page(client: httpx.Client, _: int) -> httpx.Response:
        return client.get(ZAKEN, params={"page": rng.randint(2, pages)})

    def one(client: httpx.Client, index: int) -> httpx.Response:
        return client.get(f"{ZAKEN}/{uuids[index % len(uuids)]}")

    def filtered_on(pairs: list[tuple[str, str]]) -> Send:
        def send(client: httpx.Client, index: int) -> httpx.Response:
            zaaktype, bron = pairs[index % len(pairs)]
            # "open zaken": the list has no status filter, einddatum is set by the eindstatus
            params = {"zaaktype": zaaktype, "bronorganisatie": bron, "einddatum__isnull": "true"}
            return client.get(ZAKEN, params=params)

        return send

    def create(client: httpx.Client, index: int) -> httpx.Response:
        body = {
            "zaaktype": zaaktypen[index % len(zaaktypen)],
            "bronorganisatie": "517439943",
            "verantwoordelijkeOrganisatie": "517439943",
            "startdatum": date.today().isoformat(),
            "omschrijving": f"Benchmark {index}",
        }
        return client.post(ZAKEN, json=body)

    return [
        ("list zaken, page 1", page_one, 200, False),
        ("list zaken, deep page", deep_page, 200, False),
        ("read one zaak", one, 200, False),
        ("filtered list", filtered_on(data["filters"]), 200, False),
        ("create zaak", create, 201, False),
        ("restricted: page 1", page_one, 200, True),
        ("restricted: filtered", filtered_on(data["restricted_filters"]), 200, True),
    ]


def main() -> int:
    args = parse_args()
    port = args.port or free_port()
    os.environ.update(
        DATABASE_URL=args.database_url,
        DJANGO_SETTINGS_MODULE="zaakwerk.conf.settings",
        ZAAKWERK_PUBLIC_URL=PUBLIC_URL,
        ZAAKWERK_DATA_DIR=tempfile.mkdtemp(prefix="zaakwerk-bench-"),
        ZAAKWERK_THREADS="8",
    )
    from zaakwerk.ops.bootstrap import setup_django

    setup_django()
    logging.getLogger("httpx").setLevel(logging.WARNING)  # no line per request
    from django.db import connections

    from zaakwerk.ops.tokens import mint_token

    data = sample(1000)
    restricted_client(data["zaaktypen"][:3])  # the zaaktypen of restricted_filters
    connections.close_all()
    size = database_size(args.database_url)
    print(f"Data: {data['count']:,} zaken, database size {size}", flush=True)
    server = start_server(port, args.workers)
    base = f"http://127.0.0.1:{port}"
    baseline = None
    if args.baseline:
        other = port + 1 if args.port else free_port()
        process = start_server(other, args.workers, source=args.baseline)
        baseline = Server(process, f"http://127.0.0.1:{other}", "baseline")
    tokens = {False: mint_token(CLIENT_ID, SECRET), True: mint_token(RESTRICTED_ID, RESTRICTED_SECRET)}
    run_against_server(
        "zaken",
        server,
        base,
        [
            Case(name, send, {"Authorization": f"Bearer {tokens[restricted]}", **CRS}, expected)
            for name, send, expected, restricted in cases(data)
        ],
        requests=args.requests,
        concurrency=args.concurrency,
        rounds=args.rounds,
        report={"zaken": data["count"], "database_size": size, "server_workers": args.workers},
        baseline=baseline,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
