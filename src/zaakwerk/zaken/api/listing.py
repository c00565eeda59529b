"""One page of zaken: filtered and ordered in SQL, ids first, then the rows of that page.

Fetching the page's ids first lets the database answer from narrow indexes (authorisation,
ordering column) instead of sorting whole rows; the rows and their related collections are then
loaded for at most one page (DESIGN.md, performance notes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import QuerySet
from django.http import HttpRequest

from zaakwerk.api import expand
from zaakwerk.api.errors import ApiValidationError
from zaakwerk.api.pagination import envelope, page_number
from zaakwerk.core import prepared, references
from zaakwerk.core.caller import Caller
from zaakwerk.core.errors import FieldError
from zaakwerk.core.vertrouwelijkheid import RANK, rank
from zaakwerk.zaken import counts
from zaakwerk.zaken.access import COMPONENT, may_access
from zaakwerk.zaken.api import expansion
from zaakwerk.zaken.models import Zaak
from zaakwerk.zaken.representations import render_zaken

RANK_MAX = max(RANK.values())

ORDERINGS = {
    name: column
    for field, column in (
        ("startdatum", "startdatum"),
        ("einddatum", "einddatum"),
        ("publicatiedatum", "publicatiedatum"),
        ("archiefactiedatum", "archiefactiedatum"),
        ("registratiedatum", "registratiedatum"),
        ("identificatie", "identificatie"),
    )
    for name, column in ((field, column), (f"-{field}", f"-{column}"))
}


def ordering(value: str | list[str] | None, *, field: str = "ordering") -> list[str]:
    """The ORDER BY of an ``ordering`` parameter; id last, so pages never overlap."""
    parts = value if isinstance(value, list) else [value or ""]
    names = [name.strip() for part in parts for name in part.split(",") if name.strip()]
    unknown = [name for name in names if name not in ORDERINGS]
    if unknown:
        raise ApiValidationError(
            [FieldError(field, "invalid_choice", f"Ongeldige ordering: {', '.join(unknown)}.")]
        )
    columns = [ORDERINGS[name] for name in names]
    descending = bool(columns) and columns[-1].startswith("-")
    return [*columns, "-id" if descending else "id"]


# List parameters a kept count can answer: they only narrow zaaktype and vertrouwelijkheid.
COUNTED = frozenset({"zaaktype", "maximaleVertrouwelijkheidaanduiding"})
NOT_FILTERS = frozenset({"ordering", "expand", "page"})

# At most this many (zaaktype, vertrouwelijkheid) groups are merged for a page (see page_rows).
MERGED_GROUPS = 24


@dataclass(frozen=True)
class Kept:
    """What the kept counts say of a list: how many zaken it has and, when it is exactly the zaken
    of at most :data:`MERGED_GROUPS` (zaaktype, vertrouwelijkheid_rank) groups, those groups."""

    count: int
    groups: list[tuple[str, int, int]] | None


def kept(caller: Caller, scope: str, values: dict[str, Any]) -> Kept | None:
    """The list's count (and groups) from the kept counts, or None when other filters than
    zaaktype and vertrouwelijkheid need a real COUNT.

    The caller's autorisaties are applied with the rule of :func:`access.visibility`: a zaaktype
    it is authorised for, up to that autorisatie's maximum vertrouwelijkheid.
    """
    given = {param: getattr(value, "value", value) for param, value in values.items() if value is not None}
    if any(param not in COUNTED and param not in NOT_FILTERS for param in given):
        return None
    allowed = caller.types_with_scope(COMPONENT, scope)  # None: every zaaktype, every level
    asked = given.get("maximaleVertrouwelijkheidaanduiding")
    maximum = rank(asked) if asked is not None else None
    zaaktype = given.get("zaaktype")
    if allowed is None and zaaktype is None:
        return Kept(counts.total(maximum), None)  # every zaaktype: too many groups to merge
    limits = dict(allowed) if allowed is not None else {str(zaaktype): RANK_MAX}
    if zaaktype is not None:
        limits = {zaaktype: limits[zaaktype]} if zaaktype in limits else {}
    if maximum is not None:
        limits = {name: min(limit, maximum) for name, limit in limits.items()}
    total, found = counts.groups(limits, MERGED_GROUPS + 1)
    return Kept(total, found if len(found) <= MERGED_GROUPS else None)


# A list with at most this many zaken is gathered whole through the best index for its filters
# and sorted, rather than walked in the order of the page (which may pass many zaken that do not
# match); from this offset on a page of all zaken starts at its block of the kept block counts.
SMALL_LIST = 20_000
BLOCKS_FROM = counts.BLOK_GROOTTE


def page(
    request: HttpRequest, rows: QuerySet[Zaak], order_by: list[str], *, count: int | None = None
) -> dict[str, Any]:
    """One page of ``rows``; ``count`` when it is known without counting rows."""
    size = settings.PAGE_SIZE
    number = page_number(request)
    if count is None:
        count = rows.count()
    start = (number - 1) * size
    found = page_rows(rows, order_by, start, size, count) if start < count else []
    return envelope(request, number, count, render_zaken(found), size)


def group_page(request: HttpRequest, groups: list[tuple[str, int, int]]) -> dict[str, Any]:
    """One page, ordered by id, of the zaken of ``groups`` (zaaktype, vertrouwelijkheid_rank,
    aantal), when a list is exactly those zaken (:class:`Kept`): no queryset is built.

    Per group (one equality on the authorisation index, so its entries come in id order) at most
    the first ``start + size`` ids are read, then merged and sliced: at most that many entries
    per group, however many zaken the groups hold.
    """
    size = settings.PAGE_SIZE
    number = page_number(request)
    count = sum(aantal for *_, aantal in groups)
    start = (number - 1) * size
    found: list[Zaak] = []
    if start < count:
        # prepared: the plan (one walk of the authorisation index per group) fits any values
        found = _rows_of(*_merged_groups(groups, start, size), order_by=["id"], prepare=True)
    return envelope(request, number, count, render_zaken(found), size)


def page_rows(rows: QuerySet[Zaak], order_by: list[str], start: int, size: int, count: int) -> list[Zaak]:
    """``rows[start:start + size]`` in ``order_by`` (``count``: how many rows there are).

    One statement: the page's ids are selected in a subquery (from narrow indexes, never whole
    rows), and only those rows are fetched (a deferred join). Three ways to the ids, by what is
    cheapest (a fourth, for a few whole groups, is :func:`group_page`):

    - all zaken by id, deep: from the kept counts per block of ids, the block the page starts in
      and how many of its zaken to skip (never more than a block);
    - a short list: its ids (and ordering columns) gathered whole, then sorted; the database
      finds them through the narrow index that matches the filters and authorisation;
    - otherwise: ``ORDER BY … OFFSET … LIMIT`` over the ids alone (the ordering's index).
    """
    filtered = rows.query.has_filters()
    if not filtered and order_by == ["id"] and start >= BLOCKS_FROM:
        first, skip = counts.position(start)
        ids = Zaak.objects.filter(id__gte=first).order_by("id").values("id")[skip : skip + size]
        return _rows_of(*ids.query.sql_with_params(), order_by=order_by)
    if filtered and count <= SMALL_LIST:
        return _rows_of(*_sorted_whole(rows, order_by, start, size), order_by=order_by)
    ids = rows.order_by(*order_by).values("id")[start : start + size]
    return _rows_of(*ids.query.sql_with_params(), order_by=order_by)


def _rows_of(
    ids_sql: str, params: tuple[Any, ...], *, order_by: list[str], prepare: bool = False
) -> list[Zaak]:
    """The zaken whose ids ``ids_sql`` selects, in ``order_by``: one statement, the rows built
    without compiling another query (core.prepared)."""
    where = f"WHERE {connection.ops.quote_name('id')} IN ({ids_sql}) ORDER BY {_order_sql(order_by)}"
    return prepared.instances(Zaak, where, params, prepare=prepare)


def _order_sql(order_by: list[str]) -> str:
    """``ORDER BY`` keys for ``order_by`` (``-name``: descending), as the ORM writes them."""
    q = connection.ops.quote_name
    keys = (f"{q(name.lstrip('-'))} {'DESC' if name.startswith('-') else 'ASC'}" for name in order_by)
    return ", ".join(keys)


def _sorted_whole(
    rows: QuerySet[Zaak], order_by: list[str], start: int, size: int
) -> tuple[str, tuple[Any, ...]]:
    """SQL for the page's ids: every row's id and ordering columns gathered first (``MATERIALIZED``),
    then sorted.

    Without the fence the planner may walk the ordering's index and filter row by row, which for
    a list that is a small part of all zaken means passing over most of the table.
    """
    columns = [name.lstrip("-") for name in order_by]
    q = connection.ops.quote_name
    inner = rows.order_by().values_list(*dict.fromkeys(["id", *columns]))
    sql, params = inner.query.sql_with_params()
    # the inner SELECT names its columns after the fields: id, startdatum, …
    statement = (
        f"WITH {q('gevonden')} AS MATERIALIZED ({sql}) "
        f"SELECT {q('id')} FROM {q('gevonden')} ORDER BY {_order_sql(order_by)} LIMIT %s OFFSET %s"
    )
    return statement, (*params, size, start)


def _merged_groups(groups: list[tuple[str, int, int]], start: int, size: int) -> tuple[str, tuple[Any, ...]]:
    """SQL for the page's ids of the zaken in ``groups``, ordered by id (see :func:`group_page`)."""
    q = connection.ops.quote_name
    table, pk = q(Zaak._meta.db_table), q("id")
    zaaktype, rang = q("zaaktype"), q("vertrouwelijkheid_rank")
    parts: list[str] = []
    params: list[Any] = []
    for index, (name, group_rank, _) in enumerate(groups):
        parts.append(
            f"SELECT {pk} FROM (SELECT {pk} FROM {table} WHERE {zaaktype} = %s AND {rang} = %s "
            f"ORDER BY {pk} LIMIT %s) AS {q(f'groep_{index}')}"
        )
        params += [name, prepared.bigint(group_rank), prepared.bigint(start + size)]
    if not parts:  # no group: no zaak
        return f"SELECT {pk} FROM {table} WHERE 1 = 0", ()
    statement = (
        f"SELECT {pk} FROM ({' UNION ALL '.join(parts)}) AS {q('groepen')} ORDER BY {pk} LIMIT %s OFFSET %s"
    )
    return statement, (*params, prepared.bigint(size), prepared.bigint(start))


def expander(caller: Caller) -> expand.Expander:
    """Expand only what the caller may read: a zaak it may not see is not fetched."""

    def fetch(url: str) -> dict[str, Any] | None:
        key = references.uuid_from_url(url, "zaken", "zaken")
        if key is not None:
            zaak = Zaak.objects.filter(uuid=key).first()
            if zaak is None or not may_access(caller, zaak, "zaken.lezen"):
                return None
        body, status = references.fetch(url)
        return body if status == 200 else None

    return expand.Expander(fetch)


def apply_expand(caller: Caller, items: list[dict[str, Any]], value: str | None) -> None:
    # one rule for every Zaken resource: nothing the caller may not read is embedded
    expansion.expand(caller, items, value)
