"""In-process resolution of this Zaken API's URLs (DESIGN.md rule 1, fast path).

Other registers (Documenten, Besluiten) and this one (hoofdzaak, relevanteAndereZaken) resolve a
zaak URL through :func:`zaakwerk.core.references.fetch`; for URLs of this deployment that calls
the loader listed here, which returns exactly what ``GET`` on the URL returns.
"""

from __future__ import annotations

import importlib
import uuid as uuid_lib
from collections.abc import Sequence
from typing import Any

from zaakwerk.core.references import BatchLoader, LocalLoader, loader_key


def zaak(key: uuid_lib.UUID) -> dict[str, Any] | None:
    from zaakwerk.zaken.models import Zaak
    from zaakwerk.zaken.representations import render_zaken

    row = Zaak.objects.filter(uuid=key).first()
    return render_zaken([row])[0] if row is not None else None


def status(key: uuid_lib.UUID) -> dict[str, Any] | None:
    from zaakwerk.zaken.models import Status
    from zaakwerk.zaken.representations_status import render_statussen

    row = Status.objects.filter(uuid=key).first()
    return render_statussen([row])[0] if row is not None else None


def resultaat(key: uuid_lib.UUID) -> dict[str, Any] | None:
    from zaakwerk.zaken.models import Resultaat
    from zaakwerk.zaken.representations_status import render_resultaten

    row = Resultaat.objects.filter(uuid=key).first()
    return render_resultaten([row])[0] if row is not None else None


def zaakinformatieobject(key: uuid_lib.UUID) -> dict[str, Any] | None:
    from zaakwerk.zaken.models import ZaakInformatieObject
    from zaakwerk.zaken.relation_representations import render_zio, with_relations

    row = with_relations(ZaakInformatieObject.objects.filter(uuid=key)).first()
    return render_zio(row) if row is not None else None


def _subresource(model_name: str, render_name: str) -> LocalLoader:
    """A loader for one of the sub-resources rendered by zaakwerk.zaken.subresource_representations."""

    def load(key: uuid_lib.UUID) -> dict[str, Any] | None:
        from zaakwerk.zaken import models, subresource_representations

        row = getattr(models, model_name).objects.filter(uuid=key).first()
        if row is None:
            return None
        rendered: list[dict[str, Any]] = getattr(subresource_representations, render_name)([row])
        return rendered[0]

    return load


def local_loaders() -> dict[str, LocalLoader]:
    """The Zaken API's loaders, which the composition root registers."""
    return {
        loader_key("zaken", "zaken"): zaak,
        loader_key("zaken", "statussen"): status,
        loader_key("zaken", "resultaten"): resultaat,
        loader_key("zaken", "zaakinformatieobjecten"): zaakinformatieobject,
        loader_key("zaken", "rollen"): _subresource("Rol", "render_rollen"),
        loader_key("zaken", "zaakobjecten"): _subresource("ZaakObject", "render_zaakobjecten"),
        loader_key("zaken", "klantcontacten"): _subresource("KlantContact", "render_klantcontacten"),
        loader_key("zaken", "zaakcontactmomenten"): _subresource(
            "ZaakContactMoment", "render_zaakcontactmomenten"
        ),
        loader_key("zaken", "zaakverzoeken"): _subresource("ZaakVerzoek", "render_zaakverzoeken"),
        loader_key("zaken", "zaaknotities"): _subresource("ZaakNotitie", "render_zaaknotities"),
        # nested: /zaken/{zaak_uuid}/zaakeigenschappen/{uuid}
        loader_key("zaken", "zaken/zaakeigenschappen"): _subresource(
            "ZaakEigenschap", "render_zaakeigenschappen"
        ),
    }


def _batch(model_name: str, module: str, render_name: str) -> BatchLoader:
    """A batch loader: the rows of ``keys`` in one query, rendered together by the list renderer
    ``module.render_name`` (which fetches what the rows refer to once for all of them)."""

    def load(keys: Sequence[uuid_lib.UUID]) -> dict[uuid_lib.UUID, dict[str, Any]]:
        from zaakwerk.zaken import models
        from zaakwerk.zaken.relation_representations import with_relations

        rows = getattr(models, model_name).objects.filter(uuid__in=list(keys)).order_by("pk")
        if model_name == "ZaakInformatieObject":
            rows = with_relations(rows)
        listed = list(rows)
        rendered: list[dict[str, Any]] = getattr(importlib.import_module(module), render_name)(listed)
        return {row.uuid: body for row, body in zip(listed, rendered, strict=True)}

    return load


def local_batch_loaders() -> dict[str, BatchLoader]:
    """Batch loaders of the Zaken resources an ``expand`` embeds by the dozen."""
    subresources = "zaakwerk.zaken.subresource_representations"
    return {
        loader_key("zaken", "zaken"): _batch("Zaak", "zaakwerk.zaken.representations", "render_zaken"),
        loader_key("zaken", "statussen"): _batch(
            "Status", "zaakwerk.zaken.representations_status", "render_statussen"
        ),
        loader_key("zaken", "resultaten"): _batch(
            "Resultaat", "zaakwerk.zaken.representations_status", "render_resultaten"
        ),
        loader_key("zaken", "zaakinformatieobjecten"): _batch(
            "ZaakInformatieObject", "zaakwerk.zaken.relation_representations", "render_zios"
        ),
        loader_key("zaken", "rollen"): _batch("Rol", subresources, "render_rollen"),
        loader_key("zaken", "zaakobjecten"): _batch("ZaakObject", subresources, "render_zaakobjecten"),
    }
