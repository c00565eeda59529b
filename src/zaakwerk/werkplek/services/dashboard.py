"""The werkplek's start page: cards with what a behandelaar should look at first.

Every card is a small query on the read model (and the werkplek's own tasks) through the same door
as the work lists (:func:`~zaakwerk.werkplek.read_model.queries.visible`), so it never shows a zaak
of a zaaktype outside the user's roles. "Recent" and "soon" are :data:`WINDOW_DAYS` days
(docs/adr/0058).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet

from zaakwerk.werkplek import tasks
from zaakwerk.werkplek.access import Access
from zaakwerk.werkplek.models import Task, ZaakRow
from zaakwerk.werkplek.read_model.queries import COUNT_LIMIT, Lijst, of_list

WINDOW_DAYS = 7
CARD_ROWS = 5


@dataclass(frozen=True)
class Card:
    count: int
    more: bool
    rows: list[ZaakRow]


@dataclass(frozen=True)
class Dashboard:
    mijn_zaken: Card
    recent_toegekend: Card
    bijna_te_laat: Card
    nieuwe_documenten: Card
    taken: list[Task]
    taken_count: int


def _card(rows: QuerySet[ZaakRow], order: list[str]) -> Card:
    counted = rows.order_by()[: COUNT_LIMIT + 1].count()
    # ids first (from an index where the card's filter and order allow), then the few rows
    ids = list(rows.order_by(*order).values_list("id", flat=True)[:CARD_ROWS])
    by_id = ZaakRow.objects.in_bulk(ids)
    return Card(min(counted, COUNT_LIMIT), counted > COUNT_LIMIT, [by_id[pk] for pk in ids if pk in by_id])


def dashboard(
    user: AbstractBaseUser | AnonymousUser, access: Access, *, teams: list[str], today: date, now: datetime
) -> Dashboard:
    mine = of_list(access, Lijst.MIJN, username=user.get_username(), teams=teams)
    since = now - timedelta(days=WINDOW_DAYS)
    soon = today + timedelta(days=WINDOW_DAYS)
    my_tasks = tasks.mine(user, access)
    return Dashboard(
        mijn_zaken=_card(mine, ["-startdatum", "-id"]),
        recent_toegekend=_card(mine.filter(behandelaar_sinds__gte=since), ["-behandelaar_sinds", "-id"]),
        bijna_te_laat=_card(
            mine.filter(Q(einddatum_gepland__lte=soon) | Q(uiterlijke_einddatum_afdoening__lte=soon)),
            ["uiterlijke_einddatum_afdoening", "einddatum_gepland", "id"],
        ),
        nieuwe_documenten=_card(mine.filter(laatste_document_op__gte=since), ["-laatste_document_op", "-id"]),
        taken=list(my_tasks.select_related("assignee_group")[:CARD_ROWS]),
        taken_count=my_tasks.count(),
    )
