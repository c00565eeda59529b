"""In-process resolution of this Documenten API's URLs (DESIGN.md rule 1, fast path); the
composition root (:mod:`zaakwerk.wiring`) registers these loaders at start-up."""

from __future__ import annotations

import uuid as uuid_lib
from collections.abc import Sequence
from typing import Any

from zaakwerk.core.references import BatchLoader, LocalLoader, build_url, loader_key


def informatieobject(key: uuid_lib.UUID) -> dict[str, Any] | None:
    from zaakwerk.documenten.models import EnkelvoudigInformatieObject
    from zaakwerk.documenten.representations import render_latest

    row = EnkelvoudigInformatieObject.objects.select_related("latest").filter(uuid=key).first()
    return render_latest(row) if row is not None and row.latest is not None else None


def informatieobject_summary(key: uuid_lib.UUID) -> dict[str, Any] | None:
    """The ``url`` and ``informatieobjecttype`` of a document (its latest version's), in one row."""
    from zaakwerk.documenten.models import EnkelvoudigInformatieObject

    found = (
        EnkelvoudigInformatieObject.objects.filter(uuid=key, latest__isnull=False)
        .values_list("informatieobjecttype", flat=True)
        .first()
    )
    if found is None:
        return None
    url = build_url("documenten", "enkelvoudiginformatieobjecten", key)
    return {"url": url, "informatieobjecttype": found}


def _related(model_name: str, render_name: str) -> LocalLoader:
    """The loader of gebruiksrechten, objectinformatieobjecten or verzendingen."""

    def load(key: uuid_lib.UUID) -> dict[str, Any] | None:
        from zaakwerk.documenten import models, representations_relations

        model = getattr(models, model_name)
        row = model.objects.select_related("informatieobject").filter(uuid=key).first()
        return getattr(representations_relations, render_name)(row) if row is not None else None

    return load


def local_loaders() -> dict[str, LocalLoader]:
    """The Documenten API's loaders, which the composition root registers."""
    return {
        loader_key("documenten", "enkelvoudiginformatieobjecten"): informatieobject,
        loader_key("documenten", "gebruiksrechten"): _related("Gebruiksrecht", "render_gebruiksrecht"),
        loader_key("documenten", "objectinformatieobjecten"): _related(
            "ObjectInformatieObject", "render_objectinformatieobject"
        ),
        loader_key("documenten", "verzendingen"): _related("Verzending", "render_verzending"),
    }


def informatieobjecten(keys: Sequence[uuid_lib.UUID]) -> dict[uuid_lib.UUID, dict[str, Any]]:
    """The latest version of each of ``keys``: one query for the versions, one for their parts."""
    from zaakwerk.documenten.models import EnkelvoudigInformatieObject
    from zaakwerk.documenten.representations import render_current

    latest = dict(
        EnkelvoudigInformatieObject.objects.filter(uuid__in=list(keys), latest__isnull=False).values_list(
            "uuid", "latest_id"
        )
    )
    keyed = list(latest.items())
    rendered = render_current([versie for _, versie in keyed])
    return {key: body for (key, _), body in zip(keyed, rendered, strict=True)}


def local_batch_loaders() -> dict[str, BatchLoader]:
    """The Documenten API's batch loaders, which the composition root registers."""
    return {loader_key("documenten", "enkelvoudiginformatieobjecten"): informatieobjecten}
