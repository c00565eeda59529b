"""Kanalen: registering one (RULES.md 7) and registering it again (ADR 0014). A kanaal's ``naam``
is unique and never changes; its documentatieLink and filters may (``PUT /kanaal/{uuid}``, an
extension as the widely used Notificaties implementation offers, which subscriber libraries call
on every deploy). Kanalen are never removed through the API."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction

from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import FieldError, ValidationError
from zaakwerk.core.shapes import given_uris
from zaakwerk.notificaties.kanalen import KANALEN
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
        **given_uris(documentatieLink=kanaal.documentatie_link),
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


def update_kanaal(kanaal: Kanaal, data: KanaalData, actor: Actor) -> Kanaal:
    """Replace a kanaal's documentatieLink and filters (PUT); ``naam`` must stay what it is.

    Abonnementen keep their filters. A kanaal this deployment's registers publish on keeps at
    least the kenmerken they send, so its subscribers can always filter on them.
    """
    errors = []
    if data.naam != kanaal.naam:
        errors.append(
            ("naam", "wijzigen-niet-toegelaten", "De naam van een kanaal kan niet gewijzigd worden.")
        )
    own = next((definition for definition in KANALEN if definition.naam == kanaal.naam), None)
    missing = [name for name in own.filters if name not in data.filters] if own is not None else []
    if missing:
        errors.append(
            (
                "filters",
                "invalid",
                f"De registers van deze installatie sturen op kanaal '{kanaal.naam}' de kenmerken "
                f"{', '.join(missing)} mee; die filters blijven.",
            )
        )
    if errors:
        raise ValidationError([FieldError(*error) for error in errors])
    with transaction.atomic():
        kanaal = Kanaal.objects.select_for_update().get(pk=kanaal.pk)
        oud = render_kanaal(kanaal)
        kanaal.documentatie_link = data.documentatie_link
        kanaal.filters = list(data.filters)
        kanaal.save(update_fields=["documentatie_link", "filters"])
        record(
            RESOURCE, kanaal.url, "update", actor, weergave=kanaal.naam, oud=oud, nieuw=render_kanaal(kanaal)
        )
    return kanaal
