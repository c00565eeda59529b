"""Reading a draft's attached files (docs/adr/0087: kept in the database until the zaak has them).

On PostgreSQL Django asks for every column in text form, and ``bytea`` in text form is hex: twice
the file's size on the wire, then decoded in Python. For the files of a submission (two 5 MB
photos) that read took about 55 ms of the registration; asked for in binary form it takes about
15 ms (docs/adr/0105). Other databases hand the bytes over as they are.
"""

from __future__ import annotations

from django.db import connection, models

from zaakwerk.formulieren.models import Bijlage, Inzending


def _column(name: str) -> str:
    field = Bijlage._meta.get_field(name)
    assert isinstance(field, models.Field) and field.column, name
    return str(connection.ops.quote_name(field.column))


def _binary_sql() -> str:
    table = connection.ops.quote_name(Bijlage._meta.db_table)
    where = f"{_column('inzending')} = %s AND {_column('veld')} = %s"
    return f"SELECT {_column('inhoud')} FROM {table} WHERE {where}"


def content(inzending: Inzending, veld: str) -> bytes:
    """The content of ``inzending``'s attachment for the field ``veld``, in one query.

    Called for each document of a submission in the thread that sends it (docs/adr/0106), so the
    reads overlap too; the draft's rows were committed before, so every connection sees them."""
    if connection.vendor != "postgresql":
        return bytes(Bijlage.objects.values_list("inhoud", flat=True).get(inzending=inzending, veld=veld))
    import psycopg

    connection.ensure_connection()
    # a plain (server-binding) cursor on Django's own connection, so inside its transaction; the
    # connection's default cursor binds on the client side, which cannot ask for binary results
    with psycopg.Cursor(connection.connection) as cursor:
        cursor.execute(_binary_sql(), [inzending.pk, veld], binary=True)
        found = cursor.fetchone()
    if found is None:
        raise Bijlage.DoesNotExist(f"no attachment for {veld!r}")
    return bytes(found[0])
