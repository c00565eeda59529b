"""Benchmark of the Documenten API's document lists and details on PostgreSQL, via the production server.

Not a test: it measures, it asserts nothing. Needs the database and data directory
``documenten_dataset.py`` built (it is not changed, apart from its restricted client). Starts
``zaakwerk serve`` with the dataset's public URL, then sends a fixed number of requests per case
from 1 and from 16 threads and reports p50, p95, requests per second, the load average and the
memory of every server process. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from typing import Any

import httpx
from common import (
    CLIENT_ID,
    SECRET,
    Case,
    Send,
    Server,
    database_size,
    load_arguments,
    register_restricted_client,
    run_against_server,
    start_server,
)
from documenten_dataset import DEFAULT_DATA_DIR, PUBLIC_URL
from documenten_setup import EIO, configure

RESTRICTED_ID = "zaakwerk-bench-documenten-beperkt"
RESTRICTED_SECRET = "benchmark-restricted-secret-documenten-0123"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    load_arguments(parser, "documenten_dataset.py")
    parser.add_argument("--threads", type=int, default=8, help="threads per server worker (default 8)")
    parser.add_argument("--data-dir", default=str(DEFAULT_DATA_DIR), help="its data directory")
    parser.add_argument(
        "--port",
        type=int,
        default=int(PUBLIC_URL.rsplit(":", 1)[1]),
        help="port of the server, the baseline's the next (default: the dataset's public URL's)",
    )
    return parser.parse_args()


def restricted_client(types: list[str]) -> None:
    """A client allowed ``documenten.lezen`` on ``types``, up to ``openbaar``."""
    from zaakwerk.autorisaties.services import AutorisatieData

    autorisaties = [
        AutorisatieData(
            "drc", ["documenten.lezen"], informatieobjecttype=url, max_vertrouwelijkheidaanduiding="openbaar"
        )
        for url in types
    ]
    register_restricted_client(RESTRICTED_ID, RESTRICTED_SECRET, autorisaties)


def sample(size: int) -> dict[str, Any]:
    """Documents to read (a random sample), the informatieobjecttypen, and the number of documents."""
    from django.conf import settings
    from django.db import connection

    from zaakwerk.documenten.models import EnkelvoudigInformatieObject, EnkelvoudigInformatieObjectVersie

    table = EnkelvoudigInformatieObject._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE relname = %s", [table])
        found = cursor.fetchone()
        estimate = int(found[0]) if found else 0
        percent = min(100.0, max(0.01, 100.0 * size * 4 / max(estimate, 1)))
        cursor.execute(
            f"SELECT uuid::text FROM {connection.ops.quote_name(table)} "
            f"TABLESAMPLE SYSTEM ({percent}) LIMIT %s",
            [size],
        )
        uuids = [row[0] for row in cursor.fetchall()]
    types = sorted(
        EnkelvoudigInformatieObjectVersie.objects.order_by()
        .values_list("informatieobjecttype", flat=True)
        .distinct()
    )
    return {
        "uuids": uuids,
        "types": types,
        "count": EnkelvoudigInformatieObject.objects.count(),
        "page_size": int(settings.PAGE_SIZE),
    }


def cases(data: dict[str, Any]) -> list[tuple[str, Send, bool]]:
    """(name, request, as the restricted client) per case."""
    rng = random.Random(7)
    pages = max(2, -(-data["count"] // data["page_size"]))
    uuids = data["uuids"]

    def page_one(client: httpx.Client, _: int) -> httpx.Response:
        return client.get(EIO, params={"page": 1})

    def deep_page(client: httpx.Client, _: int) -> httpx.Response:
        return client.get(EIO, params={"page": rng.randint(2, pages)})

    def one(client: httpx.Client, index: int) -> httpx.Response:
        return client.get(f"{EIO}/{uuids[index % len(uuids)]}")

    return [
        ("list documents, page 1", page_one, False),
        ("list documents, deep page", deep_page, False),
        ("read one document", one, False),
        ("restricted: page 1", page_one, True),
    ]


def main() -> int:
    args = parse_args()
    configure(args.database_url, PUBLIC_URL, args.data_dir)
    os.environ["ZAAKWERK_THREADS"] = str(args.threads)
    from zaakwerk.ops.bootstrap import setup_django

    setup_django()
    import logging

    from django.db import connections

    from zaakwerk.ops.tokens import mint_token

    logging.getLogger("httpx").setLevel(logging.WARNING)  # not a line per request
    data = sample(1000)
    restricted_client(data["types"][:3])
    connections.close_all()
    size = database_size(args.database_url)
    print(f"Data: {data['count']:,} documents, database size {size}", flush=True)
    server = start_server(args.port, args.workers)
    baseline = None
    if args.baseline:
        process = start_server(args.port + 1, args.workers, source=args.baseline)
        baseline = Server(process, f"http://127.0.0.1:{args.port + 1}", "baseline")
    tokens = {False: mint_token(CLIENT_ID, SECRET), True: mint_token(RESTRICTED_ID, RESTRICTED_SECRET)}
    run_against_server(
        "documenten",
        server,
        f"http://127.0.0.1:{args.port}",
        [
            Case(name, send, {"Authorization": f"Bearer {tokens[restricted]}"})
            for name, send, restricted in cases(data)
        ],
        requests=args.requests,
        concurrency=args.concurrency,
        rounds=args.rounds,
        report={"documenten": data["count"], "database_size": size, "server_workers": args.workers},
        width=26,
        baseline=baseline,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
