"""One page of zaken: filtered and ordered in SQL, ids first, then the rows of that page.

Fetching the page's ids first lets the database answer from narrow indexes (authorisation,
ordering column) instead of sorting whole rows; the rows and their related collections are then
loaded for at most one page (DESIGN.md, performance notes).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest

from zaakwerk.api.errors import ApiValidationError
from zaakwerk.api.pagination import envelope, page_number
from zaakwerk.core.caller import Caller
from zaakwerk.core.errors import FieldError
from zaakwerk.core.vertrouwelijkheid import RANK, rank
from zaakwerk.zaken import counts, queries
from zaakwerk.zaken.access import COMPONENT
from zaakwerk.zaken.models import Zaak
from zaakwerk.zaken.representations import render_zaken

RANK_MAX = max(RANK.values())

# The orderings the list offers (Zaken API 1.7.0), each with a narrow index on (field, id).
ORDERINGS = frozenset(
    name
    for field in (
        "startdatum",
        "einddatum",
        "publicatiedatum",
        "archiefactiedatum",
        "registratiedatum",
        "identificatie",
    )
    for name in (field, f"-{field}")
)


def ordering(value: str | list[str] | None, *, field: str = "ordering") -> list[str]:
    """The ORDER BY of an ``ordering`` parameter; id last, so pages never overlap."""
    parts = value if isinstance(value, list) else [value or ""]
    names = [name.strip() for part in parts for name in part.split(",") if name.strip()]
    unknown = [name for name in names if name not in ORDERINGS]
    if unknown:
        raise ApiValidationError(
            [FieldError(field, "invalid_choice", f"Ongeldige ordering: {', '.join(unknown)}.")]
        )
    descending = bool(names) and names[-1].startswith("-")
    return [*names, "-id" if descending else "id"]


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

    The caller's autorisaties, narrowed by those two filters, select the kept groups with the
    rule of :func:`access.visibility` (:func:`zaakwerk.core.visibility.rule_sql`).
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
        found = queries.zaken_with_ids(queries.ids_of_groups(groups, start, size), ["id"], prepare=True)
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
        return queries.zaken_with_ids(queries.ids_from(first, skip, size), order_by)
    if filtered and count <= SMALL_LIST:
        return queries.zaken_with_ids(queries.ids_sorted_whole(rows, order_by, start, size), order_by)
    return queries.zaken_with_ids(queries.ids_in_order(rows, order_by, start, size), order_by)
