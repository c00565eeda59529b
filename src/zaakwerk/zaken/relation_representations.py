"""JSON representations of zaakinformatieobjecten, zaakbesluiten and audit trail lines
(Zaken API 1.7.0 ``ZaakInformatieObject``, ``ZaakBesluit``, ``AuditTrail``).

A batch costs one query, whatever its size: the zaak and status of every row come in the same
query (``select_related``) rather than one query per row.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

from zaakwerk.core.references import build_url
from zaakwerk.zaken.models import ZaakBesluit, ZaakInformatieObject
from zaakwerk.zaken.models.choices import AardRelatieInformatieObject
from zaakwerk.zaken.representations import iso_datetime

Data = dict[str, Any]


def with_relations(rows: QuerySet[ZaakInformatieObject]) -> QuerySet[ZaakInformatieObject]:
    """``rows`` with what rendering needs, in the same query."""
    return rows.select_related("zaak", "status")


def zio_url(key: Any) -> str:
    return build_url("zaken", "zaakinformatieobjecten", key)


def render_zio(row: ZaakInformatieObject) -> Data:
    return {
        "url": zio_url(row.uuid),
        "uuid": str(row.uuid),
        "informatieobject": row.informatieobject,
        "zaak": row.zaak.url,
        "aardRelatieWeergave": AardRelatieInformatieObject(row.aard_relatie).label,
        "titel": row.titel,
        "beschrijving": row.beschrijving,
        "registratiedatum": iso_datetime(row.registratiedatum),
        "vernietigingsdatum": iso_datetime(row.vernietigingsdatum),
        "status": row.status.url if row.status_id is not None and row.status is not None else None,
    }


def render_zios(rows: Iterable[ZaakInformatieObject]) -> list[Data]:
    return [render_zio(row) for row in rows]


def zaakbesluit_url(zaak_uuid: Any, key: Any) -> str:
    return build_url("zaken", "zaken", zaak_uuid, "besluiten", str(key))


def render_zaakbesluit(row: ZaakBesluit) -> Data:
    return {"url": zaakbesluit_url(row.zaak.uuid, row.uuid), "uuid": str(row.uuid), "besluit": row.besluit}
