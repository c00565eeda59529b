"""Benchmark of the Catalogi API on PostgreSQL, through the production server.

Not a test: it measures, it asserts nothing. Steps: (re)create the benchmark database, migrate,
load a catalogus with N published zaaktypen through the API, start ``zaakwerk serve`` on a free
loopback port, then send a fixed number of requests per case from 1 and from 8 threads and
report p50, p95 and requests per second. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import httpx
from common import (
    CLIENT_ID,
    DEFAULT_DATABASE_URL,
    SECRET,
    CaseResult,
    count_rows,
    database_size,
    drop_database,
    free_port,
    measure,
    print_table,
    recreate_database,
    start_server,
    stop_server,
    write_results,
)

CATALOGI = "/catalogi/api/v1"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--zaaktypen", type=int, default=100, help="published zaaktypen to load (default 100)"
    )
    parser.add_argument("--requests", type=int, default=400, help="requests per case (default 400)")
    parser.add_argument("--workers", type=int, default=1, help="server worker processes (default 1)")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL),
        help="PostgreSQL database to create and drop (default: $DATABASE_URL or %(default)s)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    return parser.parse_args()


def database_summary(database_url: str) -> tuple[str, int]:
    return database_size(database_url), count_rows(database_url, "catalogi_zaaktype")


# --- data --------------------------------------------------------------------------------------
def zaaktype_body(catalogus: str, number: int) -> dict[str, Any]:
    return {
        "identificatie": f"BENCH-{number:06d}",
        "omschrijving": f"Benchmarkzaaktype {number}",
        "vertrouwelijkheidaanduiding": "openbaar",
        "doel": "Meten",
        "aanleiding": "Een benchmark",
        "indicatieInternOfExtern": "extern",
        "handelingInitiator": "aanvragen",
        "onderwerp": "Benchmark",
        "handelingBehandelaar": "behandelen",
        "doorlooptijd": "P30D",
        "opschortingEnAanhoudingMogelijk": False,
        "verlengingMogelijk": False,
        "trefwoorden": ["benchmark", f"groep-{number % 10}"],
        "publicatieIndicatie": False,
        "productenOfDiensten": [f"https://producten.example/{number}"],
        "referentieproces": {"naam": "benchmark"},
        "verantwoordelijke": "Team Benchmark",
        "catalogus": catalogus,
        "besluittypen": [],
        "gerelateerdeZaaktypen": [],
        "beginGeldigheid": "2024-01-01",
    }


def load_data(count: int) -> list[str]:
    """Migrate, register the client and create ``count`` published zaaktypen through the API."""
    from zaakwerk.ops.bootstrap import setup_django

    setup_django()
    from zaakwerk.autorisaties.clients import register_client
    from zaakwerk.ops import migrate

    migrate.migrate()
    register_client(CLIENT_ID, SECRET, all_authorizations=True, label="Benchmark")

    from zaakwerk.ops.demo import demo_client

    urls = []
    api = demo_client(CLIENT_ID, SECRET).catalogi
    body = {"domein": "BENCH", "rsin": "002220647", "contactpersoonBeheerNaam": "Benchmark"}
    catalogus = api.catalogussen.create(body).url
    for number in range(count):
        url = api.zaaktypen.create(zaaktype_body(catalogus, number)).url
        api.publish(url)
        urls.append(url)
    return urls


def main() -> int:
    args = parse_args()
    port = free_port()
    os.environ.update(
        DATABASE_URL=args.database_url,
        DJANGO_SETTINGS_MODULE="zaakwerk.conf.settings",
        ZAAKWERK_PUBLIC_URL=f"http://127.0.0.1:{port}",
        ZAAKWERK_DATA_DIR=tempfile.mkdtemp(prefix="zaakwerk-bench-"),
        ZAAKWERK_THREADS="8",
    )
    print(f"Database {args.database_url} (re)created; loading {args.zaaktypen} zaaktypen …", flush=True)
    recreate_database(args.database_url)
    try:
        return run_benchmark(args, port)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            drop_database(args.database_url)


def run_benchmark(args: argparse.Namespace, port: int) -> int:
    from zaakwerk.ops.tokens import mint_token

    urls = load_data(args.zaaktypen)
    size, count = database_summary(args.database_url)
    print(f"Data: {count} zaaktypen, database size {size}", flush=True)
    server = start_server(port, args.workers)
    base = f"http://127.0.0.1:{port}"
    token = mint_token(CLIENT_ID, SECRET)
    headers = {"Authorization": f"Bearer {token}"}
    cases: dict[str, Callable[[int], str]] = {
        "list zaaktypen (100)": lambda _: f"{CATALOGI}/zaaktypen?page=1",
        "read one zaaktype": lambda i: urlsplit(urls[i % len(urls)]).path,
    }
    results: list[CaseResult] = []
    try:
        for name, paths in cases.items():
            for concurrency in (1, 8):

                def send(
                    client: httpx.Client, index: int, paths: Callable[[int], str] = paths
                ) -> httpx.Response:
                    return client.get(paths(index))

                measured = measure(base, headers, send, args.requests, concurrency)
                results.append(measured.summary(name, concurrency))
    finally:
        stop_server(server)
    print_table(results)
    report = {"zaaktypen": count, "database_size": size, "server_workers": args.workers}
    write_results("catalogi", report, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
