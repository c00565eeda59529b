"""In-process resolution of this Zaken API's URLs (DESIGN.md rule 1, fast path).

Other registers (Documenten, Besluiten) and this one (hoofdzaak, relevanteAndereZaken) resolve a
zaak URL through :func:`zaakwerk.core.references.fetch`; for URLs of this deployment that calls
the loader listed here, which returns exactly what ``GET`` on the URL returns.
"""

from __future__ import annotations

import uuid as uuid_lib
from typing import Any

from zaakwerk.core.references import LocalLoader, loader_key


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
