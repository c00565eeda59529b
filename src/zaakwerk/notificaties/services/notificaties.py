"""Accepting a notificatie posted to ``/notificaties`` (RULES.md 7).

The message must name an existing kanaal and carry only kenmerken that kanaal defines as filters
(a kenmerk a subscriber cannot filter on is a producer's mistake). It is then put on the delivery
queue unchanged — one delivery per matching abonnement — in one transaction, and the client gets
the message back.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import transaction

from zaakwerk.core.errors import ErrorCollector
from zaakwerk.notificaties.delivery.queue import enqueue
from zaakwerk.notificaties.models import Kanaal, Notificatie

SOURCE = "api"


def check_message(message: Mapping[str, Any]) -> None:
    """400 when the kanaal does not exist or the kenmerken are not among its filters."""
    errors = ErrorCollector()
    naam = message["kanaal"]
    kanaal = Kanaal.objects.filter(naam=naam).first()
    if kanaal is None:
        errors.add("kanaal", "message_kanaal", f"Er bestaat geen kanaal '{naam}'.")
    else:
        unknown = sorted(set(message.get("kenmerken") or {}) - set(kanaal.filters))
        if unknown:
            errors.add(
                "kenmerken",
                "kenmerken_inconsistent",
                f"Kanaal '{naam}' kent geen kenmerk {', '.join(unknown)}; "
                f"wel: {', '.join(kanaal.filters) or 'geen'}.",
            )
    errors.raise_if_any()


def accept_notificatie(message: Mapping[str, Any]) -> Notificatie:
    """Check ``message`` (already shaped as the API's ``Message``) and queue it for delivery."""
    check_message(message)
    with transaction.atomic():
        return enqueue(message, source=SOURCE)
