"""Known data in the werkplek's read model and task table, for the reports' tests."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from django.contrib.auth.models import Group
from django.utils import timezone

from zaakwerk.werkplek.models import Task, ZaakRow

PARKEREN = "PARKEERVERGUNNING"
MELDING = "MELDING-OPENBARE-RUIMTE"


def row(**values: Any) -> ZaakRow:
    key = uuid.uuid4()
    defaults: dict[str, Any] = {
        "url": f"http://testserver/zaken/api/v1/zaken/{key}",
        "uuid": key,
        "identificatie": f"ZAAK-{key.hex[:8]}",
        "zaaktype_identificatie": PARKEREN,
        "zaaktype_omschrijving": "Aanvraag parkeervergunning",
        "status_omschrijving": "Ontvangen",
        "team": "team-a",
        "gewijzigd_op": timezone.now(),
        "fetched_at": timezone.now(),
    }
    defaults.update(values)
    return ZaakRow.objects.create(**defaults)


def task(zaak: ZaakRow, kind: str, *, due: date | None, state: str = Task.State.OPEN, team: str = "") -> Task:
    return Task.objects.create(
        assignee_group=Group.objects.get_or_create(name=team)[0] if team else None,
        zaak_url=zaak.url,
        zaak_uuid=zaak.uuid,
        zaak_identificatie=zaak.identificatie,
        zaaktype_identificatie=zaak.zaaktype_identificatie,
        kind=kind,
        title=f"{kind} voor {zaak.identificatie}",
        due_date=due,
        state=state,
    )
