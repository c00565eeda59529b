"""A Documenten dataset for the benchmark: N valid enkelvoudiginformatieobjecten in PostgreSQL.

Not a test: it builds data. Steps: (re)create the benchmark database and migrate it; publish a
catalogus with informatieobjecttypen through the Catalogi API; then write the documents, their
versions and their contents' rows straight into the tables with COPY, filled as the Documenten
services fill them (see documenten_rows.py), and each content's file into the data directory;
store the identificatie counters, move the id sequences on, build the indexes and ANALYZE. The
URLs in the rows start with PUBLIC_URL, which ``benchmarks/documenten.py`` serves under, and
that benchmark uses the same data directory. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psycopg
from common import (
    Tables,
    copy_rows,
    create_indexes,
    database_size,
    drop_indexes,
    finish_load,
    progress,
    recreate_database,
)
from documenten_setup import configure, load_catalogus
from psycopg import sql

if TYPE_CHECKING:  # imported once Django is set up: the rows use the Documenten modules
    from documenten_rows import Batch, File, Generator

PUBLIC_URL = "http://127.0.0.1:8671"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/zaakwerk_docs_bench"
# the contents' files; benchmarks/results is not committed
DEFAULT_DATA_DIR = Path(__file__).resolve().parent / "results" / "documenten-data"
TYPES = 20
# Batch attribute → (Django app label, model name, key of the id counter) of the table its rows go to.
TABLES = {
    "inhouden": ("documenten", "Inhoud", "inhoud"),
    "informatieobjecten": ("documenten", "EnkelvoudigInformatieObject", "informatieobject"),
    "versies": ("documenten", "EnkelvoudigInformatieObjectVersie", "versie"),
}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--documenten", type=int, default=1_000_000, help="documents to load (default 1,000,000)"
    )
    parser.add_argument("--batch", type=int, default=10_000, help="documents per COPY transaction")
    parser.add_argument("--seed", type=int, default=20261124, help="random seed (default %(default)s)")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL),
        help="PostgreSQL database to drop and create (default: $DATABASE_URL or %(default)s)",
    )
    parser.add_argument(
        "--data-dir", type=Path, default=DEFAULT_DATA_DIR, help="where the contents' files go"
    )
    return parser.parse_args()


def table_columns() -> Tables:
    """Batch attribute → (table, every column of the model), from the models themselves."""
    from django.apps import apps

    result = {}
    for attribute, (app, name, _) in TABLES.items():
        meta = apps.get_model(app, name)._meta
        result[attribute] = (meta.db_table, [f.column for f in meta.concrete_fields])
    return result


def first_ids(conn: psycopg.Connection[Any], tables: Tables) -> dict[str, int]:
    ids = {}
    for attribute, (table, _) in tables.items():
        row = conn.execute(
            sql.SQL("SELECT coalesce(max(id), 0) FROM {}").format(sql.Identifier(table))
        ).fetchone()
        ids[TABLES[attribute][2]] = int(row[0] if row else 0) + 1
    return ids


def write_files(folder: Path, files: list[File]) -> None:
    """The contents, where the ``local`` storage keeps published files."""
    for item in files:
        (folder / item.naam).write_bytes(item.data)


def copy_batch(conn: psycopg.Connection[Any], batch: Batch, tables: Tables) -> int:
    with conn.transaction():
        return sum(copy_rows(conn, *tables[item.name], getattr(batch, item.name)) for item in fields(batch))


def finish(conn: psycopg.Connection[Any], generator: Generator, tables: Tables) -> None:
    """The identificatie counters, the id sequences, statistics and the maintained counts."""
    from zaakwerk.documenten import counts
    from zaakwerk.documenten.models import DocumentIdentificatieTeller

    teller = DocumentIdentificatieTeller._meta.db_table
    finish_load(conn, teller, generator.tellers, tables, counts.rebuild_counts)


def load_documenten(args: argparse.Namespace, types: list[Any]) -> None:
    from documenten_rows import Generator

    tables = table_columns()
    folder = args.data_dir / "documenten"
    (folder / "inhoud").mkdir(parents=True, exist_ok=True)
    with psycopg.connect(args.database_url) as conn:
        generator = Generator(types, first_ids(conn, tables), args.seed, date.today())
        definitions = drop_indexes(conn, tables)
        # The rows are consistent by construction: no foreign-key trigger per row while loading.
        conn.execute("SET session_replication_role = replica")
        conn.commit()
        started = time.monotonic()
        done = rows = 0
        while done < args.documenten:
            size = min(args.batch, args.documenten - done)
            batch = generator.batch(size)
            write_files(folder, generator.files)
            rows += copy_batch(conn, batch, tables)
            done += size
            progress("documenten", done, args.documenten, started, rows)
        conn.execute("SET session_replication_role = DEFAULT")
        conn.commit()
        create_indexes(conn, definitions)
        elapsed = time.monotonic() - started
        print(
            f"Loaded {done:,} documents, {rows:,} rows in {elapsed:,.0f} s: {rows / elapsed:,.0f} rows/s",
            flush=True,
        )
        started = time.monotonic()
        finish(conn, generator, tables)
        print(f"Counters, sequences and ANALYZE in {time.monotonic() - started:,.0f} s", flush=True)


def main() -> int:
    args = parse_args()
    if args.data_dir.exists():
        import shutil

        shutil.rmtree(args.data_dir)
    configure(args.database_url, PUBLIC_URL, str(args.data_dir))
    print(f"Database {args.database_url} (re)created; loading {args.documenten:,} documents …", flush=True)
    recreate_database(args.database_url)
    started = time.monotonic()
    types = load_catalogus(TYPES)
    from django.db import connections

    connections.close_all()
    load_documenten(args, types)
    print(
        f"Done in {time.monotonic() - started:,.0f} s; database size {database_size(args.database_url)}",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
