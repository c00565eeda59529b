"""In-process resolution of this Documenten API's URLs (DESIGN.md rule 1, fast path), and the
Zaken register's door to this register (``zaakwerk.zaken.registers``), installed at start-up."""

from __future__ import annotations

import uuid as uuid_lib
from collections.abc import Callable
from typing import Any

from zaakwerk.core.references import register_local


def informatieobject(key: uuid_lib.UUID) -> dict[str, Any] | None:
    from zaakwerk.documenten.models import EnkelvoudigInformatieObject
    from zaakwerk.documenten.representations import render_latest

    row = EnkelvoudigInformatieObject.objects.select_related("latest").filter(uuid=key).first()
    return render_latest(row) if row is not None and row.latest is not None else None


def register() -> None:
    register_local("documenten", "enkelvoudiginformatieobjecten")(informatieobject)
    register_related()


def _related(model_name: str, render_name: str) -> Callable[[uuid_lib.UUID], dict[str, Any] | None]:
    """The loader of gebruiksrechten, objectinformatieobjecten or verzendingen."""

    def load(key: uuid_lib.UUID) -> dict[str, Any] | None:
        from zaakwerk.documenten import models, representations_relations

        model = getattr(models, model_name)
        row = model.objects.select_related("informatieobject").filter(uuid=key).first()
        return getattr(representations_relations, render_name)(row) if row is not None else None

    return load


def register_related() -> None:
    register_local("documenten", "gebruiksrechten")(_related("Gebruiksrecht", "render_gebruiksrecht"))
    register_local("documenten", "objectinformatieobjecten")(
        _related("ObjectInformatieObject", "render_objectinformatieobject")
    )
    register_local("documenten", "verzendingen")(_related("Verzending", "render_verzending"))
