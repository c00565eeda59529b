"""Kanalen: registering one (RULES.md 7). A kanaal's ``naam`` is unique; kanalen are never
changed or removed through the API (the standard has no such operations)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction

from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import ValidationError
from zaakwerk.notificaties.models import Kanaal
from zaakwerk.notificaties.services.common import record

RESOURCE = "kanaal"


@dataclass(frozen=True)
class KanaalData:
    naam: str
    documentatie_link: str = ""
    filters: list[str] = field(default_factory=list)


def render_kanaal(kanaal: Kanaal) -> dict[str, Any]:
    """The kanaal as the API shows it, and as the audit trail records it."""
    return {
        "url": kanaal.url,
        "naam": kanaal.naam,
        "documentatieLink": kanaal.documentatie_link,
        "filters": list(kanaal.filters),
    }


def _naam_taken(naam: str) -> ValidationError:
    return ValidationError.single("naam", "unique", f"Er bestaat al een kanaal met de naam '{naam}'.")


def create_kanaal(data: KanaalData, actor: Actor) -> Kanaal:
    """Register a kanaal; 400 ``unique`` on ``naam`` when one of that name exists."""
    if Kanaal.objects.filter(naam=data.naam).exists():
        raise _naam_taken(data.naam)
    try:
        with transaction.atomic():
            kanaal = Kanaal.objects.create(
                naam=data.naam, documentatie_link=data.documentatie_link, filters=list(data.filters)
            )
            nieuw = render_kanaal(kanaal)
            record(RESOURCE, kanaal.url, "create", actor, weergave=kanaal.naam, oud=None, nieuw=nieuw)
    except IntegrityError:
        # registered by another request between the check above and the insert
        raise _naam_taken(data.naam) from None
    return kanaal
