"""``zaakwerk worker`` and ``zaakwerk notificaties resend``."""

from __future__ import annotations

import logging
import sys
import uuid

from django.utils import timezone
from django.utils.dateparse import parse_datetime

from zaakwerk.notificaties.delivery.resend import resend as resend_since
from zaakwerk.notificaties.delivery.worker import run_worker
from zaakwerk.notificaties.models import Abonnement


def worker(*, exit_with_parent: bool = False) -> int:
    logging.getLogger("zaakwerk").setLevel(logging.INFO)
    return run_worker(exit_with_parent=exit_with_parent)


def resend(abonnement_uuid: str, since_text: str) -> int:
    try:
        key = uuid.UUID(abonnement_uuid)
    except ValueError:
        print(f"error: --abonnement must be a UUID, got {abonnement_uuid!r}", file=sys.stderr)
        return 2
    try:
        since = parse_datetime(since_text)
    except ValueError:
        since = None
    if since is None:
        print(f"error: --since must be an ISO 8601 date-time, got {since_text!r}", file=sys.stderr)
        return 2
    if timezone.is_naive(since):
        since = timezone.make_aware(since)
    abonnement = Abonnement.objects.filter(uuid=key).first()
    if abonnement is None:
        print(f"error: no abonnement {key}", file=sys.stderr)
        return 1
    count = resend_since(abonnement, since=since)
    print(f"{count} notificatie(s) queued again for {abonnement.callback_url}")
    return 0
