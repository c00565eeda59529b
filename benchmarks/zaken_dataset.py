"""A Zaken dataset for the benchmark: N valid zaken in PostgreSQL, loaded with COPY.

Not a test: it builds data. Steps: (re)create the benchmark database and migrate it; create a
catalogus with 100 published zaaktypen (statustypen, roltypen, resultaattypen, eigenschappen)
through the Catalogi API; then write the zaken and their statussen, rollen, resultaten,
zaakinformatieobjecten and zaakeigenschappen straight into the tables with COPY, filled as the
Zaken services fill them (see zaken_rows.py); store the identificatie counters, move the id
sequences on, VACUUM (ANALYZE), and rebuild maintained counts when that module exists. The URLs in
the rows start with PUBLIC_URL, which ``benchmarks/zaken.py`` serves under. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import fields
from datetime import date
from typing import TYPE_CHECKING, Any

import psycopg
from common import (
    CLIENT_ID,
    DEFAULT_DATABASE_URL,
    SECRET,
    Tables,
    copy_rows,
    create_indexes,
    database_size,
    drop_indexes,
    finish_load,
    progress,
    recreate_database,
)
from psycopg import sql

if TYPE_CHECKING:  # imported once Django is set up: the rows use the Zaken models' helpers
    from zaken_rows import Batch, Generator, ZaaktypeInfo

# The public URL of the dataset: every stored URL starts with it, so the server must use it too.
PUBLIC_URL = "http://127.0.0.1:8100"
ZAAKTYPEN = 100
# Batch attribute → (Django app label, model name) of the table its rows go to.
TABLES = {
    "zaken": ("zaken", "Zaak"),
    "statussen": ("zaken", "Status"),
    "rollen": ("zaken", "Rol"),
    "resultaten": ("zaken", "Resultaat"),
    "zios": ("zaken", "ZaakInformatieObject"),
    "eigenschappen": ("zaken", "ZaakEigenschap"),
}
ID_KEYS = {
    "zaken": "zaak",
    "statussen": "status",
    "rollen": "rol",
    "resultaten": "resultaat",
    "zios": "zio",
    "eigenschappen": "eigenschap",
}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zaken", type=int, default=1_000_000, help="zaken to load (default 1,000,000)")
    parser.add_argument("--batch", type=int, default=5_000, help="zaken per COPY transaction (default 5,000)")
    parser.add_argument("--seed", type=int, default=20261123, help="random seed (default %(default)s)")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL),
        help="PostgreSQL database to drop and create (default: $DATABASE_URL or %(default)s)",
    )
    return parser.parse_args()


def configure(database_url: str) -> None:
    """The environment of this deployment: the benchmark database and its public URL."""
    os.environ.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="zaakwerk.conf.settings",
        ZAAKWERK_PUBLIC_URL=PUBLIC_URL,
        ZAAKWERK_DATA_DIR=os.environ.get("ZAAKWERK_DATA_DIR") or tempfile.mkdtemp(prefix="zaakwerk-bench-"),
    )


# --- catalogus ---------------------------------------------------------------------------------
def _days(duration: str) -> int:
    from zaakwerk.zaken.archiving import add_duration

    start = date(2020, 1, 1)
    return (add_duration(start, duration) - start).days


def _zaaktype_info(api: Any, url: str, zaaktype: dict[str, Any]) -> ZaaktypeInfo:
    from zaken_rows import ZaaktypeInfo

    from zaakwerk.ops import demo

    def find(collection: str) -> list[dict[str, Any]]:
        return [
            found.model_dump(by_alias=True)
            for found in demo.subtype_collection(api, collection).list(zaaktype=url)
        ]

    statustypen = sorted(find("statustypen"), key=lambda s: s["volgnummer"])
    roltypen = find("roltypen")
    order = {"initiator": 0, "behandelaar": 1}
    roltypen.sort(key=lambda r: order.get(r["omschrijvingGeneriek"], 2))
    return ZaaktypeInfo(
        url=url,
        omschrijving=zaaktype["omschrijving"],
        producten_of_diensten=list(zaaktype.get("productenOfDiensten") or []),
        doorlooptijd_days=_days(zaaktype["doorlooptijd"]),
        statustypen=statustypen,
        roltypen=roltypen,
        resultaattypen=find("resultaattypen"),
        eigenschappen=find("eigenschappen"),
    )


def load_catalogus(count: int) -> list[ZaaktypeInfo]:
    """Migrate, register the client, and publish ``count`` zaaktypen through the Catalogi API.

    The zaaktypen are numbered copies of the demo catalogus's zaaktypen, with their sub-types.
    """
    from zaakwerk.ops.bootstrap import setup_django

    setup_django()
    from zaakwerk.autorisaties.clients import register_client
    from zaakwerk.ops import demo, migrate

    migrate.migrate()
    register_client(CLIENT_ID, SECRET, all_authorizations=True, label="Benchmark")
    data = demo.definition()
    subtype_keys = {key for _, key in demo.SUBTYPES}
    found = []
    started = time.monotonic()
    api = demo.demo_client(CLIENT_ID, SECRET).catalogi
    catalogus = api.catalogussen.create(data["catalogus"]).url
    for item in data["informatieobjecttypen"]:
        api.publish(api.informatieobjecttypen.create({**item, "catalogus": catalogus}).url)
    for number in range(count):
        item = data["zaaktypen"][number % len(data["zaaktypen"])]
        body = {key: value for key, value in item.items() if key not in subtype_keys}
        body.update(
            identificatie=f"{item['identificatie']}-{number:03d}",
            omschrijving=f"{item['omschrijving']} {number}",
            catalogus=catalogus,
        )
        created = api.zaaktypen.create(body)
        for collection, key in demo.SUBTYPES:
            for sub in item.get(key, []):
                demo.subtype_collection(api, collection).create({**sub, "zaaktype": created.url})
        api.publish(created.url)
        found.append(_zaaktype_info(api, created.url, created.model_dump(by_alias=True)))
        progress("zaaktypen", number + 1, count, started)
    return found


# --- zaken -------------------------------------------------------------------------------------
def table_columns() -> Tables:
    """Batch attribute → (table, every column of the model), from the models themselves."""
    from django.apps import apps

    result = {}
    for attribute, (app, name) in TABLES.items():
        meta = apps.get_model(app, name)._meta
        result[attribute] = (meta.db_table, [f.column for f in meta.concrete_fields])
    return result


def first_ids(conn: psycopg.Connection[Any], tables: Tables) -> dict[str, int]:
    ids = {}
    for attribute, (table, _) in tables.items():
        row = conn.execute(
            sql.SQL("SELECT coalesce(max(id), 0) FROM {}").format(sql.Identifier(table))
        ).fetchone()
        ids[ID_KEYS[attribute]] = int(row[0] if row else 0) + 1
    return ids


def copy_batch(conn: psycopg.Connection[Any], batch: Batch, tables: Tables) -> int:
    """COPY every table's rows of ``batch`` in one transaction; the number of rows written."""
    with conn.transaction():
        return sum(copy_rows(conn, *tables[item.name], getattr(batch, item.name)) for item in fields(batch))


def finish(conn: psycopg.Connection[Any], generator: Generator, tables: Tables) -> None:
    """The identificatie counters, the id sequences, statistics and the maintained counts."""
    from zaakwerk.zaken import counts
    from zaakwerk.zaken.models import ZaakIdentificatieTeller

    teller = ZaakIdentificatieTeller._meta.db_table
    finish_load(conn, teller, generator.tellers, tables, counts.rebuild_counts)


def load_zaken(
    database_url: str, zaaktypen: list[ZaaktypeInfo], total: int, batch_size: int, seed: int
) -> None:
    from zaken_rows import Generator

    tables = table_columns()
    with psycopg.connect(database_url) as conn:
        generator = Generator(zaaktypen, first_ids(conn, tables), seed, date.today())
        definitions = drop_indexes(conn, tables)
        # The rows are consistent by construction: no foreign-key trigger per row while loading.
        conn.execute("SET session_replication_role = replica")
        conn.commit()
        started = time.monotonic()
        done = rows = 0
        while done < total:
            size = min(batch_size, total - done)
            rows += copy_batch(conn, generator.batch(size), tables)
            done += size
            progress("zaken", done, total, started, rows)
        conn.execute("SET session_replication_role = DEFAULT")
        create_indexes(conn, definitions)
        elapsed = time.monotonic() - started
        print(
            f"Loaded {done:,} zaken, {rows:,} rows in {elapsed:,.0f} s: {rows / elapsed:,.0f} rows/s",
            flush=True,
        )
        started = time.monotonic()
        finish(conn, generator, tables)
        print(
            f"Counters, sequences, VACUUM (ANALYZE) and counts in {time.monotonic() - started:,.0f} s",
            flush=True,
        )


def main() -> int:
    args = parse_args()
    configure(args.database_url)
    print(f"Database {args.database_url} (re)created; loading {args.zaken:,} zaken …", flush=True)
    recreate_database(args.database_url)
    started = time.monotonic()
    zaaktypen = load_catalogus(ZAAKTYPEN)
    from django.db import connections

    connections.close_all()
    load_zaken(args.database_url, zaaktypen, args.zaken, args.batch, args.seed)
    print(
        f"Done in {time.monotonic() - started:,.0f} s; database size {database_size(args.database_url)}",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
