"""In-process resolution of this register's URLs (DESIGN.md rule 1, fast path).

Other registers validate references such as ``Zaaktype.selectielijstProcestype`` (ztc-001),
``Resultaattype.selectielijstklasse`` and ``resultaattypeomschrijving`` (ztc-002) and
``Zaak.communicatiekanaal`` (zrc-010) with :func:`zaakwerk.core.references.resolve`. For URLs of
this deployment that calls the loaders listed here, which return exactly what ``GET`` on the
URL returns, or None where ``GET`` gives 404.
"""

from __future__ import annotations

import uuid as uuid_lib
from typing import Any

from zaakwerk.core.references import LocalLoader, loader_key
from zaakwerk.referentielijsten import queries
from zaakwerk.referentielijsten.representations import (
    API,
    render_communicatiekanaal,
    render_procestype,
    render_resultaat,
    render_resultaattypeomschrijving,
)


def procestype(key: uuid_lib.UUID) -> dict[str, Any] | None:
    row = queries.procestype(key)
    return render_procestype(row) if row is not None else None


def resultaat(key: uuid_lib.UUID) -> dict[str, Any] | None:
    row = queries.resultaat(key)
    return render_resultaat(row) if row is not None else None


def resultaattypeomschrijving(key: uuid_lib.UUID) -> dict[str, Any] | None:
    row = queries.resultaattypeomschrijving(key)
    return render_resultaattypeomschrijving(row) if row is not None else None


def communicatiekanaal(key: uuid_lib.UUID) -> dict[str, Any] | None:
    row = queries.communicatiekanaal(key)
    return render_communicatiekanaal(row) if row is not None else None


def local_loaders() -> dict[str, LocalLoader]:
    """The Referentielijsten API's loaders, which the composition root registers."""
    return {
        loader_key(API, "procestypen"): procestype,
        loader_key(API, "resultaten"): resultaat,
        loader_key(API, "resultaattypeomschrijvingen"): resultaattypeomschrijving,
        loader_key(API, "communicatiekanalen"): communicatiekanaal,
    }
