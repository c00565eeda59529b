"""Our own files in a catalogus export, beside Open Zaak's: the werkplek's handling parameters and
the loket's forms of the exported zaaktypen (docs/adr/0097).

Both are plain JSON lists without URLs or database keys (``Zaakwerk-Behandelparameters.json``,
``Zaakwerk-Formulieren.json``); Open Zaak ignores files it does not know. An import checks them
with everything else before it writes anything, and restores them after the Catalogi API
accepted the catalogue, in one transaction of our own tables.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from zaakwerk.formulieren.services import definities
from zaakwerk.werkplek.handling import transfer as handling_transfer

BEHANDELING = "Zaakwerk-Behandelparameters.json"
FORMULIEREN = "Zaakwerk-Formulieren.json"
FILES = (BEHANDELING, FORMULIEREN)


def export(identificaties: Iterable[str], catalogus: str) -> dict[str, list[Any]]:
    wanted = sorted(set(identificaties))
    return {
        BEHANDELING: handling_transfer.export(wanted),
        FORMULIEREN: definities.export(wanted, catalogus),
    }


def problems(files: dict[str, list[Any]], identificaties: set[str]) -> list[str]:
    """Why our files cannot be restored with the zaaktypen ``identificaties`` of the import."""
    return [
        *handling_transfer.problems(files.get(BEHANDELING, []), identificaties),
        *definities.restore_problems(files.get(FORMULIEREN, []), identificaties),
    ]


@transaction.atomic
def restore(files: dict[str, list[Any]], catalogus: str) -> dict[str, int]:
    """Write checked files; the number of each restored (only what there was)."""
    counts = {
        "behandelparameters": handling_transfer.restore(files.get(BEHANDELING, [])),
        "formulieren": definities.restore(files.get(FORMULIEREN, []), catalogus),
    }
    return {kind: count for kind, count in counts.items() if count}
