"""In-process resolution of this Besluiten API's URLs (DESIGN.md rule 1, fast path).

Other registers resolve a besluit URL of this deployment through
:func:`zaakwerk.core.references.fetch`, which calls the loaders listed here: they return
exactly what ``GET`` on the URL returns.
"""

from __future__ import annotations

import uuid as uuid_lib
from typing import Any

from zaakwerk.core.references import LocalLoader, loader_key


def besluit(key: uuid_lib.UUID) -> dict[str, Any] | None:
    from zaakwerk.besluiten.models import Besluit
    from zaakwerk.besluiten.representations import render_besluit

    row = Besluit.objects.filter(uuid=key).first()
    return render_besluit(row) if row is not None else None


def besluitinformatieobject(key: uuid_lib.UUID) -> dict[str, Any] | None:
    from zaakwerk.besluiten.models import BesluitInformatieObject
    from zaakwerk.besluiten.representations import render_bio

    row = BesluitInformatieObject.objects.filter(uuid=key).select_related("besluit").first()
    return render_bio(row) if row is not None else None


def local_loaders() -> dict[str, LocalLoader]:
    """The Besluiten API's loaders, which the composition root registers."""
    return {
        loader_key("besluiten", "besluiten"): besluit,
        loader_key("besluiten", "besluitinformatieobjecten"): besluitinformatieobject,
    }
