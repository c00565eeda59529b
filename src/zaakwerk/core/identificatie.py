"""Generated identificaties: ``<PREFIX>-<jaar>-<10 digits>``, unique per owning organisation.

One counter row per organisation and year is locked while a number is taken, so concurrent
creates never receive the same number; a number already used explicitly is skipped. The
Documenten register (per bronorganisatie) and the Besluiten register (per verantwoordelijke
organisatie, brc-002) use it, each with its own counter table.
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, models, transaction


def generate(
    counters: type[models.Model], numbered: type[models.Model], prefix: str, jaar: int, **owner: str
) -> str:
    """The next free identificatie of ``numbered`` for ``owner`` (the organisation field, named
    alike on both models); call inside a transaction."""
    rows = counters._default_manager.select_for_update().filter(jaar=jaar, **owner)
    counter: Any = rows.first()
    if counter is None:
        try:
            with transaction.atomic():  # savepoint: another writer may create the row first
                counters._default_manager.create(jaar=jaar, **owner)
        except IntegrityError:
            pass
        counter = rows.get()
    while True:
        counter.laatste += 1
        candidate = f"{prefix}-{jaar}-{counter.laatste:010d}"
        if not numbered._default_manager.filter(identificatie=candidate, **owner).exists():
            counter.save(update_fields=["laatste"])
            return candidate
