"""The work lists as queries on the read model, with the user's zaaktypen applied in SQL.

Every list, search and count starts from :func:`visible`, the one door: a user sees only the rows
of zaaktypen on which they have a role (docs/adr/0054). Pages are keyset pages (``na``/``voor``: the
sort value and id of the last/first row shown), so page 1,000 costs what page 1 costs; counts stop
at :data:`COUNT_LIMIT` ("more than 1,000") so they stay cheap on a million rows (docs/adr/0056).
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

import orjson
from django.db import connection
from django.db.models import BooleanField, F, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.dateparse import parse_date, parse_datetime

from zaakwerk.werkplek.access import Access
from zaakwerk.werkplek.models import ZaakRow

COUNT_LIMIT = 1000
PAGE_SIZES = (10, 25, 50, 100)


class Lijst(StrEnum):
    """A work list; the value is its path segment under ``/werkplek/zaken/``."""

    WERKVOORRAAD = "werkvoorraad"
    MIJN = "mijn"
    AFGEHANDELD = "afgehandeld"
    ALLE = "alle"


def visible(access: Access) -> QuerySet[ZaakRow]:
    """The rows the user may see: of a zaaktype on which they have any role."""
    allowed = access.zaaktypen()
    rows = ZaakRow.objects.all()
    if allowed is None:
        return rows
    return rows.filter(zaaktype_identificatie__in=sorted(allowed)) if allowed else rows.none()


def of_list(access: Access, lijst: Lijst, *, username: str, teams: list[str]) -> QuerySet[ZaakRow]:
    rows = visible(access)
    if lijst == Lijst.WERKVOORRAAD:  # open zaken of one's teams that nobody has taken
        return rows.filter(einddatum__isnull=True, team__in=teams, behandelaar="")
    if lijst == Lijst.MIJN:
        return rows.filter(einddatum__isnull=True, behandelaar=username) if username else rows.none()
    if lijst == Lijst.AFGEHANDELD:
        return rows.filter(einddatum__isnull=False)
    return rows


# --- filters --------------------------------------------------------------------------------------

NOBODY = "-"  # the behandelaar filter's value for "nobody"


@dataclass(frozen=True)
class Filters:
    zaaktype: str = ""
    status: str = ""
    behandelaar: str = ""
    team: str = ""
    start_van: date | None = None
    start_tot: date | None = None
    fataal_van: date | None = None
    fataal_tot: date | None = None
    eind_van: date | None = None
    eind_tot: date | None = None
    te_laat: bool = False
    tekst: str = ""


def terms(text: str) -> list[str]:
    """The words of a free-text search: letters and digits, lower-case, at most eight."""
    return re.findall(r"\w+", text.lower())[:8]


IDENTIFICATIE = re.compile(r"[A-Za-z]+-\d{4}-\d+")
NUMBER = re.compile(r"\d{8,12}")


def search(rows: QuerySet[ZaakRow], text: str) -> QuerySet[ZaakRow]:
    """Every word must occur: on PostgreSQL as a prefix of a word, through the full-text index;
    elsewhere anywhere in the text (LIKE). A whole identificatie or a BSN/KVK-nummer is looked up
    by its own index: "zaak" and "2026" would match nearly every row."""
    text = text.strip()
    if IDENTIFICATIE.fullmatch(text):
        return rows.filter(identificatie=text.upper())
    if NUMBER.fullmatch(text):
        return rows.filter(initiator_identificatie=text)
    words = terms(text)
    if not words:
        return rows
    if connection.vendor == "postgresql":
        query = " & ".join(f"{word}:*" for word in words)
        # the stored tsvector of migration 0006, with its GIN index
        match = RawSQL(
            "zoekvector @@ to_tsquery('simple'::regconfig, %s)", [query], output_field=BooleanField()
        )
        return rows.filter(match)
    for word in words:
        rows = rows.filter(zoektekst__contains=word)
    return rows


def apply_filters(rows: QuerySet[ZaakRow], filters: Filters, *, today: date) -> QuerySet[ZaakRow]:
    if filters.zaaktype:
        rows = rows.filter(zaaktype_identificatie=filters.zaaktype)
    if filters.status:
        rows = rows.filter(status_omschrijving=filters.status)
    if filters.behandelaar:
        rows = rows.filter(behandelaar="" if filters.behandelaar == NOBODY else filters.behandelaar)
    if filters.team:
        rows = rows.filter(team="" if filters.team == NOBODY else filters.team)
    ranges = (
        ("startdatum", filters.start_van, filters.start_tot),
        ("uiterlijke_einddatum_afdoening", filters.fataal_van, filters.fataal_tot),
        ("einddatum", filters.eind_van, filters.eind_tot),
    )
    for column, low, high in ranges:
        if low:
            rows = rows.filter(**{f"{column}__gte": low})
        if high:
            rows = rows.filter(**{f"{column}__lte": high})
    if filters.te_laat:
        rows = rows.filter(overdue(today))
    return search(rows, filters.tekst)


def overdue(today: date) -> Q:
    """Open past its streefdatum (einddatum gepland) or fatale datum (uiterlijke einddatum
    afdoening), or closed after one of them."""
    open_late = Q(einddatum__isnull=True) & (
        Q(einddatum_gepland__lt=today) | Q(uiterlijke_einddatum_afdoening__lt=today)
    )
    closed_late = Q(einddatum__isnull=False) & (
        Q(einddatum__gt=F("einddatum_gepland")) | Q(einddatum__gt=F("uiterlijke_einddatum_afdoening"))
    )
    return open_late | closed_late


# --- sorting and keyset pages ----------------------------------------------------------------------

#: sort key → column; every order ends with the id, so it is total
SORTS: dict[str, str] = {
    "identificatie": "identificatie",
    "omschrijving": "omschrijving",
    "zaaktype": "zaaktype_omschrijving",
    "status": "status_omschrijving",
    "startdatum": "startdatum",
    "streefdatum": "einddatum_gepland",
    "fataledatum": "uiterlijke_einddatum_afdoening",
    "einddatum": "einddatum",
    "behandelaar": "behandelaar_naam",
    "team": "team",
    "initiator": "initiator",
    "gewijzigd": "gewijzigd_op",
}
DATES = {"startdatum", "einddatum_gepland", "uiterlijke_einddatum_afdoening", "einddatum"}
MOMENTS = {"gewijzigd_op"}


@dataclass(frozen=True)
class Sort:
    key: str
    descending: bool

    @classmethod
    def parse(cls, value: str, default: str) -> Sort:
        for candidate in (value, default):
            key = candidate.lstrip("-")
            if key in SORTS:
                return cls(key, candidate.startswith("-"))
        raise ValueError(default)

    @property
    def column(self) -> str:
        return SORTS[self.key]

    def __str__(self) -> str:
        return f"{'-' if self.descending else ''}{self.key}"


def _order(column: str, descending: bool) -> list[Any]:
    # PostgreSQL's own null placement (last going up, first going down), said out loud so that
    # SQLite does the same and the indexes serve the order
    if descending:
        return [F(column).desc(nulls_first=True), F("id").desc()]
    return [F(column).asc(nulls_last=True), F("id").asc()]


def _after(column: str, descending: bool, value: Any, last_id: int) -> Q:
    """The rows after (value, last_id) in this order.

    "column <= value AND (column < value OR id < last)" rather than only the OR: the first part is
    a range the index's walk can start from."""
    if descending:  # nulls first, then values going down
        if value is None:
            return Q(**{f"{column}__isnull": True, "id__lt": last_id}) | Q(**{f"{column}__isnull": False})
        return Q(**{f"{column}__lte": value}) & (Q(**{f"{column}__lt": value}) | Q(id__lt=last_id))
    if value is None:  # values going up, then nulls
        return Q(**{f"{column}__isnull": True, "id__gt": last_id})
    after = Q(**{f"{column}__gte": value}) & (Q(**{f"{column}__gt": value}) | Q(id__gt=last_id))
    return after | Q(**{f"{column}__isnull": True})


def encode_cursor(row: ZaakRow, column: str) -> str:
    value = getattr(row, column)
    if isinstance(value, date | datetime):
        value = value.isoformat()
    return base64.urlsafe_b64encode(orjson.dumps([value, row.pk])).decode().rstrip("=")


def decode_cursor(token: str, column: str) -> tuple[Any, int] | None:
    """(value, id) from a cursor; None for anything that is not one (a cursor is user input)."""
    try:
        value, pk = orjson.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (ValueError, TypeError, orjson.JSONDecodeError):
        return None
    if not isinstance(pk, int) or (value is not None and not isinstance(value, str)):
        return None
    if value is not None and column in DATES:
        value = parse_date(value)
        if value is None:
            return None
    elif value is not None and column in MOMENTS:
        value = parse_datetime(value)
        if value is None:
            return None
    return value, pk


@dataclass
class Page:
    rows: list[ZaakRow]
    next_cursor: str = ""
    previous_cursor: str = ""
    count: int = 0
    more: bool = False  # more rows than COUNT_LIMIT
    extra: dict[str, Any] = field(default_factory=dict)


def page(rows: QuerySet[ZaakRow], sort: Sort, *, size: int, after: str = "", before: str = "") -> Page:
    """One keyset page of ``rows`` in ``sort`` order, after or before a cursor."""
    column = sort.column
    backwards = bool(before) and not after
    cursor = decode_cursor(after or before, column) if (after or before) else None
    descending = sort.descending != backwards  # going back: the same walk, the other way round
    query = rows
    if cursor is not None:
        query = query.filter(_after(column, descending, cursor[0], cursor[1]))
    # ids first, rows second: the ids come from the list's index alone (the zaaktype is in it), so
    # rows the filters drop are never read from the table; then only the page's rows are
    ids = list(query.order_by(*_order(column, descending)).values_list("id", flat=True)[: size + 1])
    by_id = ZaakRow.objects.in_bulk(ids)
    found = [by_id[pk] for pk in ids if pk in by_id]
    has_more = len(found) > size
    found = found[:size]
    if backwards:
        found.reverse()
    result = Page(found)
    if found:
        forward_more = has_more if not backwards else True
        backward_more = (cursor is not None) if not backwards else has_more
        if forward_more:
            result.next_cursor = encode_cursor(found[-1], column)
        if backward_more:
            result.previous_cursor = encode_cursor(found[0], column)
    counted = rows.order_by()[: COUNT_LIMIT + 1].count()
    result.count, result.more = min(counted, COUNT_LIMIT), counted > COUNT_LIMIT
    return result
