"""Read one zaak again through the client and write its row (or remove it when it is gone)."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from zaakwerk.client import HTTPStatusError, ZGWClient
from zaakwerk.werkplek.models import ZaakRow
from zaakwerk.werkplek.read_model.rows import EXPAND, row_values, upsert

GONE = (404, 410)


def refresh_zaak(client: ZGWClient, url: str, *, gewijzigd_op: datetime | None = None) -> bool:
    """Refresh the row of the zaak at ``url``; False when the zaak no longer exists (its row is
    removed). ``gewijzigd_op``: when the change that prompted this happened (a notification's
    aanmaakdatum); without it, now."""
    started = timezone.now()
    try:
        zaak = client.zaken.zaken.get(url, expand=EXPAND)
    except HTTPStatusError as exc:
        if exc.status in GONE:
            remove_zaak(url)
            return False
        raise
    upsert([row_values(zaak, gewijzigd_op=gewijzigd_op or started, fetched_at=started)])
    return True


def remove_zaak(url: str) -> None:
    ZaakRow.objects.filter(url=url).delete()
