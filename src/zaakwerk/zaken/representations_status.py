"""JSON representation of statussen and resultaten (Zaken API 1.7.0 ``Status``, ``Resultaat``).

Used by the endpoints, the audit trail and the in-process reference loaders. A batch costs one
query per related collection (the zaken, the rollen that set a status, the
zaakinformatieobjecten of a status), whatever its size.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from zaakwerk.core.references import build_url
from zaakwerk.core.shapes import given_uris
from zaakwerk.zaken.models import Resultaat, Rol, Status, Zaak, ZaakInformatieObject
from zaakwerk.zaken.representations import Data, iso_datetime


def _zaken(zaak_ids: set[int]) -> dict[int, tuple[str, int | None]]:
    """Per zaak id: its URL and the id of its current status."""
    return {
        pk: (build_url("zaken", "zaken", key), status_id)
        for pk, key, status_id in Zaak.objects.filter(pk__in=zaak_ids).values_list("pk", "uuid", "status_id")
    }


def render_statussen(rows: Sequence[Status]) -> list[Data]:
    """The representations of ``rows``, in the same order."""
    if not rows:
        return []
    zaken = _zaken({row.zaak_id for row in rows})
    rollen = {
        pk: build_url("zaken", "rollen", key)
        for pk, key in Rol.objects.filter(
            pk__in={row.gezetdoor_id for row in rows if row.gezetdoor_id}
        ).values_list("pk", "uuid")
    }
    documenten: dict[int, list[str]] = defaultdict(list)
    for status_id, key in (
        ZaakInformatieObject.objects.filter(status_id__in=[row.pk for row in rows])
        .order_by("id")
        .values_list("status_id", "uuid")
    ):
        documenten[status_id].append(build_url("zaken", "zaakinformatieobjecten", key))
    result = []
    for row in rows:
        zaak_url, current = zaken[row.zaak_id]
        result.append(
            {
                "url": row.url,
                "uuid": str(row.uuid),
                "zaak": zaak_url,
                "statustype": row.statustype,
                "datumStatusGezet": iso_datetime(row.datum_status_gezet),
                "statustoelichting": row.statustoelichting,
                "indicatieLaatstGezetteStatus": current == row.pk,
                "zaakinformatieobjecten": documenten.get(row.pk, []),
                **given_uris(gezetdoor=rollen.get(row.gezetdoor_id) if row.gezetdoor_id else None),
            }
        )
    return result


def render_resultaten(rows: Sequence[Resultaat]) -> list[Data]:
    """The representations of ``rows``, in the same order."""
    if not rows:
        return []
    zaken = _zaken({row.zaak_id for row in rows})
    return [
        {
            "url": row.url,
            "uuid": str(row.uuid),
            "zaak": zaken[row.zaak_id][0],
            "resultaattype": row.resultaattype,
            "toelichting": row.toelichting,
        }
        for row in rows
    ]
