"""In-process resolution of this Catalogi API's URLs (DESIGN.md rule 1, fast path).

Zaken, Documenten and Besluiten resolve a zaaktype/informatieobjecttype/besluittype URL through
:func:`zaakwerk.core.references.fetch`; for URLs of this deployment that calls the loaders
listed here, which return exactly what ``GET`` on the URL would return.
"""

from __future__ import annotations

import uuid as uuid_lib
from collections.abc import Sequence
from typing import Any

from zaakwerk.catalogi.models import (
    BesluitType,
    Catalogus,
    Eigenschap,
    InformatieObjectType,
    ResultaatType,
    RolType,
    StatusType,
    ZaakObjectType,
    ZaakType,
    ZaakTypeInformatieObjectType,
)
from zaakwerk.catalogi.representations import (
    INFORMATIEOBJECTTYPE_SUMMARY,
    ZAAKTYPE_SUMMARY,
    informatieobjecttype_summary,
    render_besluittypen,
    render_informatieobjecttypen,
    render_zaaktypen,
    zaaktype_summary,
)
from zaakwerk.catalogi.subtype_representations import (
    render_eigenschappen,
    render_resultaattypen,
    render_roltypen,
    render_statustypen,
    render_zaakobjecttypen,
    render_zaaktypeinformatieobjecttypen,
)
from zaakwerk.core.references import BatchLoader, LocalLoader, Summary, loader_key
from zaakwerk.core.summaries import InformatieobjecttypeSummary, ZaaktypeSummary


def _zaaktype(key: uuid_lib.UUID) -> dict[str, Any] | None:
    row = ZaakType.objects.filter(uuid=key).first()
    return render_zaaktypen([row])[0] if row is not None else None


def _zaaktype_summary(key: uuid_lib.UUID) -> ZaaktypeSummary | None:
    row = ZaakType.objects.filter(uuid=key).order_by().first()
    return zaaktype_summary(row) if row is not None else None


def _informatieobjecttype(key: uuid_lib.UUID) -> dict[str, Any] | None:
    row = InformatieObjectType.objects.filter(uuid=key).first()
    return render_informatieobjecttypen([row])[0] if row is not None else None


def _informatieobjecttype_summary(key: uuid_lib.UUID) -> InformatieobjecttypeSummary | None:
    row = InformatieObjectType.objects.filter(uuid=key).order_by().first()
    return informatieobjecttype_summary(row) if row is not None else None


def _besluittype(key: uuid_lib.UUID) -> dict[str, Any] | None:
    row = BesluitType.objects.filter(uuid=key).first()
    return render_besluittypen([row])[0] if row is not None else None


def _catalogus(key: uuid_lib.UUID) -> dict[str, Any] | None:
    from zaakwerk.catalogi.api.catalogussen import render

    row = Catalogus.objects.filter(uuid=key).first()
    return render([row])[0] if row is not None else None


def _subtype_loader(model: Any, render: Any) -> LocalLoader:
    """A loader for one sub-type: what ``GET`` on its URL returns."""

    def load(key: uuid_lib.UUID) -> dict[str, Any] | None:
        row = model.objects.filter(uuid=key).first()
        return render([row])[0] if row is not None else None

    return load


SUBTYPES = (
    ("statustypen", StatusType, render_statustypen),
    ("roltypen", RolType, render_roltypen),
    ("resultaattypen", ResultaatType, render_resultaattypen),
    ("eigenschappen", Eigenschap, render_eigenschappen),
    ("zaaktype-informatieobjecttypen", ZaakTypeInformatieObjectType, render_zaaktypeinformatieobjecttypen),
    ("zaakobjecttypen", ZaakObjectType, render_zaakobjecttypen),
)


def local_loaders() -> dict[str, LocalLoader]:
    """The Catalogi API's loaders, which the composition root registers."""
    return {
        loader_key("catalogi", "zaaktypen"): _zaaktype,
        loader_key("catalogi", "informatieobjecttypen"): _informatieobjecttype,
        loader_key("catalogi", "besluittypen"): _besluittype,
        loader_key("catalogi", "catalogussen"): _catalogus,
        **{
            loader_key("catalogi", collection): _subtype_loader(model, render)
            for collection, model, render in SUBTYPES
        },
    }


def local_summaries() -> dict[str, Summary]:
    """The summaries of a zaaktype and an informatieobjecttype (one row, no related collections),
    registered by the composition root."""
    return {
        loader_key("catalogi", "zaaktypen"): Summary(ZAAKTYPE_SUMMARY, _zaaktype_summary),
        loader_key("catalogi", "informatieobjecttypen"): Summary(
            INFORMATIEOBJECTTYPE_SUMMARY, _informatieobjecttype_summary
        ),
    }


def _batch(model: Any, render: Any) -> BatchLoader:
    """A batch loader: the rows of ``keys`` in one query, rendered together."""

    def load(keys: Sequence[uuid_lib.UUID]) -> dict[uuid_lib.UUID, dict[str, Any]]:
        rows = list(model.objects.filter(uuid__in=list(keys)).order_by("pk"))
        return {row.uuid: body for row, body in zip(rows, render(rows), strict=True)}

    return load


def local_batch_loaders() -> dict[str, BatchLoader]:
    """Batch loaders of the catalogue types an ``expand`` embeds by the dozen (a zaaktype's
    statustypen, the zaaktypen of a list of zaken), registered by the composition root."""
    return {
        loader_key("catalogi", "zaaktypen"): _batch(ZaakType, render_zaaktypen),
        loader_key("catalogi", "informatieobjecttypen"): _batch(
            InformatieObjectType, render_informatieobjecttypen
        ),
        loader_key("catalogi", "besluittypen"): _batch(BesluitType, render_besluittypen),
        **{
            loader_key("catalogi", collection): _batch(model, render)
            for collection, model, render in SUBTYPES
        },
    }
