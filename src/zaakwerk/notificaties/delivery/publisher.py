"""Publishing the outbox: every register change's notification, exactly in commit order.

Rows of :class:`~zaakwerk.core.models.OutboxMessage` are claimed in id order. With the built-in
Notificaties API a row is put on the local delivery queue in the same transaction that marks it
published, so it is queued exactly once. With an external Notificaties API
(``ZAAKWERK_NOTIFICATIES_API_URL``) each row is POSTed there, in order; a failure stops the batch
and the same row is retried after a back-off, so later messages never overtake it.

One publisher at a time: on PostgreSQL a transaction-scoped advisory lock lets the first worker
publish and the others skip (``FOR UPDATE SKIP LOCKED`` alone would let two workers publish
neighbouring batches out of order). On SQLite there is one in-process worker.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone

from zaakwerk.client import ClientError, Http
from zaakwerk.core.models import OutboxMessage
from zaakwerk.notificaties.delivery.backoff import retry_delay
from zaakwerk.notificaties.delivery.queue import enqueue_many
from zaakwerk.notificaties.kanalen import ensure_kanalen
from zaakwerk.notificaties.models import Kanaal

logger = logging.getLogger(__name__)

BATCH = 500
# pg_advisory_xact_lock key: "zaakwerk outbox" (any constant that no other lock uses).
ADVISORY_KEY = 0x7A61_6B6F_7574


def _publisher_lock() -> bool:
    """Whether this transaction may publish (always on SQLite: one worker)."""
    if connection.vendor != "postgresql":
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [ADVISORY_KEY])
        row = cursor.fetchone()
    return bool(row and row[0])


def _unpublished(limit: int) -> list[OutboxMessage]:
    return list(
        OutboxMessage.objects.select_for_update(skip_locked=True)
        .filter(published_at__isnull=True)
        .order_by("id")[:limit]
    )


class KanaalCache:
    """Creates missing kanalen once per process: the registers' own, then any other by name."""

    def __init__(self) -> None:
        self.known: set[str] = set()

    def ensure(self, rows: list[OutboxMessage]) -> None:
        wanted = {row.kanaal for row in rows} - self.known
        if not wanted:
            return
        ensure_kanalen()
        existing = set(Kanaal.objects.filter(naam__in=wanted).values_list("naam", flat=True))
        for row in rows:
            if row.kanaal not in existing:
                # A kanaal the registers' list does not know: create it with the kenmerken as filters.
                Kanaal.objects.get_or_create(naam=row.kanaal, defaults={"filters": sorted(row.kenmerken)})
                existing.add(row.kanaal)
        self.known |= existing


def publish_local(limit: int = BATCH, *, kanalen: KanaalCache | None = None) -> int:
    """Queue up to ``limit`` outbox rows for the local abonnementen; return how many."""
    with transaction.atomic():
        if not _publisher_lock():
            return 0
        rows = _unpublished(limit)
        if not rows:
            return 0
        (kanalen or KanaalCache()).ensure(rows)
        enqueue_many([row.as_message() for row in rows], source="outbox")
        OutboxMessage.objects.filter(id__in=[row.id for row in rows]).update(published_at=timezone.now())
    return len(rows)


@dataclass
class ExternalPublisher:
    """POSTs outbox rows to an external Notificaties API, in order, retrying with back-off.

    Each POST goes through :mod:`zaakwerk.client` with this deployment's own credentials for the
    API's root (``ZGW_REMOTE_CREDENTIALS``), within ``ZGW_REMOTE_TIMEOUT`` in total; a POST is never
    repeated by the client itself, the back-off here decides when the same row is tried again.
    """

    root: str
    http: Http = field(default_factory=Http)
    backoff: float = 2.0
    backoff_max: float = 300.0
    failures: int = 0
    not_before: float = field(default=0.0)

    def publish(self, limit: int = 100) -> int:
        """Publish up to ``limit`` rows; 0 while backing off after a failure."""
        if time.monotonic() < self.not_before:
            return 0
        url = f"{self.root}/notificaties"
        published = 0
        with transaction.atomic():
            if not _publisher_lock():
                return 0
            for row in _unpublished(limit):
                error = self._post(url, row)
                if error:
                    self.failures += 1
                    delay = retry_delay(self.failures, base=self.backoff, cap=self.backoff_max)
                    self.not_before = time.monotonic() + delay
                    logger.warning(
                        "publishing outbox message %s failed (%s); retry in %.1f s", row.id, error, delay
                    )
                    break
                self.failures = 0
                OutboxMessage.objects.filter(id=row.id).update(published_at=timezone.now())
                published += 1
        return published

    def _post(self, url: str, row: OutboxMessage) -> str:
        try:
            reply = self.http.send("POST", url, json=row.as_message())
        except ClientError as exc:
            return str(exc)
        return "" if 200 <= reply.status < 300 else f"HTTP {reply.status}"
