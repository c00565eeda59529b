"""Claiming due deliveries: a lease per delivery, per-object order, open circuits skipped.

A delivery is claimable when it is pending, due, not leased to a live worker, its abonnement's
circuit is not open, and no *earlier* pending delivery exists for the same abonnement and
hoofdObject. The last rule keeps the notifications about one object in order per subscriber,
including retries: a later message waits until the earlier one is delivered or dead.

Finding candidates and locking them are two steps. The candidates query looks at one snapshot
(so the order rule holds for it); the lock step takes the rows with ``FOR UPDATE SKIP LOCKED`` and
re-checks that each is still free, so two workers never hold the same delivery, and a worker
never waits for another's lock.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import connection, transaction
from django.db.models import Q

from zaakwerk.notificaties.delivery.circuit import take_probe
from zaakwerk.notificaties.models import Abonnement, Delivery, DeliveryState, SubscriberCircuit


@dataclass(frozen=True)
class Claim:
    delivery_id: int
    abonnement_id: int


def _tables() -> dict[str, str]:
    return {
        "delivery": Delivery._meta.db_table,
        "circuit": SubscriberCircuit._meta.db_table,
        "abonnement": Abonnement._meta.db_table,
    }


# Shared by both queries: due, free, and first in line for its (abonnement, hoofdObject).
_CLAIMABLE = """
    d.state = 'pending'
    AND d.next_attempt_at <= %(now)s
    AND (d.claimed_until IS NULL OR d.claimed_until <= %(now)s)
    AND d.id = (
        SELECT e.id FROM {delivery} e
        WHERE e.abonnement_id = d.abonnement_id AND e.hoofd_object = d.hoofd_object
          AND e.state = 'pending'
        ORDER BY e.abonnement_id, e.hoofd_object, e.id LIMIT 1
    )
"""
# "First pending delivery of its object" as the head of (abonnement, hoofd_object, id): the ORDER BY
# is exactly delivery_object_order, so the planner takes that index even before the table has
# statistics, instead of walking the subscriber's whole queue (delivery_queue) for every row.

# PostgreSQL: per abonnement (closed or half-open circuit) walk its pending deliveries in id
# order (index delivery_queue) and stop after `cap`; the cost does not grow with other
# subscribers' backlogs.
_CANDIDATES_POSTGRES = """
SELECT d.id, d.abonnement_id FROM (
    SELECT a.id FROM {abonnement} a LEFT JOIN {circuit} c ON c.abonnement_id = a.id
    WHERE (c.open_until IS NULL OR c.open_until <= %(now)s) AND NOT (a.id = ANY(%(busy)s))
) a
CROSS JOIN LATERAL (
    SELECT d.id, d.abonnement_id FROM {delivery} d
    WHERE d.abonnement_id = a.id AND {claimable}
    ORDER BY d.id LIMIT %(cap)s
) d
ORDER BY d.id LIMIT %(limit)s
"""

# SQLite (the embedded database, one worker): the same rule with a window function.
_CANDIDATES_GENERIC = """
SELECT id, abonnement_id FROM (
    SELECT d.id, d.abonnement_id,
           ROW_NUMBER() OVER (PARTITION BY d.abonnement_id ORDER BY d.id) AS position
    FROM {delivery} d LEFT JOIN {circuit} c ON c.abonnement_id = d.abonnement_id
    WHERE (c.open_until IS NULL OR c.open_until <= %(now)s) AND {claimable}
) candidates
WHERE position <= %(cap)s
ORDER BY id LIMIT %(limit)s
"""


def candidates(*, now: datetime, limit: int, cap: int, busy: Collection[int] = ()) -> list[Claim]:
    """Up to ``limit`` claimable deliveries, at most ``cap`` per abonnement, oldest first.

    ``busy``: abonnementen to leave out (this worker already sends its maximum to them).
    """
    tables = _tables()
    claimable = _CLAIMABLE.format(**tables)
    params: dict[str, Any] = {
        "now": connection.ops.adapt_datetimefield_value(now),
        "cap": cap,
        "limit": limit,
    }
    if connection.vendor == "postgresql":
        sql = _CANDIDATES_POSTGRES.format(claimable=claimable, **tables)
        params["busy"] = list(busy)
    else:
        sql = _CANDIDATES_GENERIC.format(claimable=claimable, **tables)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [Claim(delivery_id=row[0], abonnement_id=row[1]) for row in rows if row[1] not in busy]


def claim(
    *,
    worker: str,
    now: datetime,
    limit: int,
    cap: int,
    lease: float,
    circuit_failures: int,
    busy: Collection[int] = (),
) -> list[Claim]:
    """Lease up to ``limit`` deliveries to ``worker`` until ``now + lease``."""
    if limit <= 0:
        return []
    found = candidates(now=now, limit=limit, cap=cap, busy=busy)
    if not found:
        return []
    with transaction.atomic():
        locked = (
            Delivery.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(id__in=[c.delivery_id for c in found], state=DeliveryState.pending)
            .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lte=now))
            .order_by("id")
            .values_list("id", "abonnement_id")
        )
        chosen = _limit_half_open(
            [Claim(i, a) for i, a in locked], now=now, threshold=circuit_failures, lease=lease
        )
        if chosen:
            Delivery.objects.filter(id__in=[c.delivery_id for c in chosen]).update(
                claimed_until=now + timedelta(seconds=lease), claimed_by=worker[:100]
            )
    return chosen


def _limit_half_open(claims: Sequence[Claim], *, now: datetime, threshold: int, lease: float) -> list[Claim]:
    """Keep one probe for an abonnement whose circuit is half-open, and none if another worker has it."""
    per_abonnement: dict[int, list[Claim]] = defaultdict(list)
    for c in claims:
        per_abonnement[c.abonnement_id].append(c)
    half_open = set(
        SubscriberCircuit.objects.filter(
            abonnement_id__in=per_abonnement, consecutive_failures__gte=threshold
        ).values_list("abonnement_id", flat=True)
    )
    chosen: list[Claim] = []
    for abonnement_id, its_claims in per_abonnement.items():
        if abonnement_id not in half_open:
            chosen.extend(its_claims)
        elif take_probe(abonnement_id, now=now, threshold=threshold, lease=lease):
            chosen.append(its_claims[0])
    return sorted(chosen, key=lambda c: c.delivery_id)


def release(delivery_ids: Collection[int], *, worker: str) -> None:
    """Give back leased deliveries that this worker will not send (e.g. when stopping)."""
    Delivery.objects.filter(id__in=delivery_ids, claimed_by=worker[:100], state=DeliveryState.pending).update(
        claimed_until=None
    )
