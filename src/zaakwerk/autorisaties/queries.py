"""Reading applicaties: their representation in the Autorisaties API, built per batch.

Used by the API to render and by the services for the audit trail's ``oud``/``nieuw``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet

from zaakwerk.autorisaties.models import Applicatie, Autorisatie, ClientId
from zaakwerk.autorisaties.models.applicatie import Component
from zaakwerk.core.references import build_url

API = "autorisaties"

# API field name per model field of an autorisatie's type (kept only for its component).
_TYPE_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    Component.zrc: (
        ("zaaktype", "zaaktype"),
        ("maxVertrouwelijkheidaanduiding", "max_vertrouwelijkheidaanduiding"),
    ),
    Component.drc: (
        ("informatieobjecttype", "informatieobjecttype"),
        ("maxVertrouwelijkheidaanduiding", "max_vertrouwelijkheidaanduiding"),
    ),
    Component.brc: (("besluittype", "besluittype"),),
}


def applicatie_url(applicatie: Applicatie) -> str:
    return build_url(API, "applicaties", applicatie.uuid)


def with_client_ids(rows: QuerySet[Applicatie], client_ids: list[str]) -> QuerySet[Applicatie]:
    """Applicaties that have any of ``client_ids`` (each once)."""
    return rows.filter(pk__in=ClientId.objects.filter(client_id__in=client_ids).values("applicatie_id"))


def represent(rows: Sequence[Applicatie]) -> list[dict[str, Any]]:
    """Representations of ``rows``: one query per related collection for the whole batch."""
    ids = [row.pk for row in rows]
    client_ids: dict[int, list[str]] = defaultdict(list)
    for applicatie_id, client_id in (
        ClientId.objects.filter(applicatie_id__in=ids)
        .order_by("applicatie_id", "position", "id")
        .values_list("applicatie_id", "client_id")
    ):
        client_ids[applicatie_id].append(client_id)
    autorisaties: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for autorisatie in Autorisatie.objects.filter(applicatie_id__in=ids).order_by(
        "applicatie_id", "position", "id"
    ):
        autorisaties[autorisatie.applicatie_id].append(_autorisatie(autorisatie))
    return [
        {
            "url": applicatie_url(row),
            "clientIds": client_ids[row.pk],
            "label": row.label,
            "heeftAlleAutorisaties": row.heeft_alle_autorisaties,
            "alleenIsGereedVoorPublicatie": row.alleen_is_gereed_voor_publicatie,
            "autorisaties": autorisaties[row.pk],
        }
        for row in rows
    ]


def _autorisatie(row: Autorisatie) -> dict[str, Any]:
    data: dict[str, Any] = {
        "component": row.component,
        "componentWeergave": row.get_component_display(),
        "scopes": list(row.scopes),
    }
    for api_name, model_name in _TYPE_FIELDS.get(row.component, ()):
        value = getattr(row, model_name)
        # Not given (allowed when no scope of the component's API is granted): left out rather
        # than sent as "", which the spec's uri format and enum would not allow.
        if value:
            data[api_name] = value
    return data
