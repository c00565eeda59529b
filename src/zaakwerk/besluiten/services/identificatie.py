"""Besluit identificatie: generated when absent, unique per verantwoordelijke organisatie (brc-002).

Generated numbers look like ``BESLUIT-2024-0000000001``: a counter per organisation and year,
locked while a number is taken, so concurrent creates never receive the same number. A number
already used explicitly is skipped.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from zaakwerk.besluiten.models import Besluit, BesluitIdentificatieTeller
from zaakwerk.core.errors import ValidationError

PREFIX = "BESLUIT"


def _teller(organisatie: str, jaar: int) -> BesluitIdentificatieTeller:
    existing = BesluitIdentificatieTeller.objects.select_for_update().filter(
        verantwoordelijke_organisatie=organisatie, jaar=jaar
    )
    found = existing.first()
    if found is not None:
        return found
    try:
        with transaction.atomic():  # savepoint: another writer may create the row first
            BesluitIdentificatieTeller.objects.create(verantwoordelijke_organisatie=organisatie, jaar=jaar)
    except IntegrityError:
        pass
    return existing.get()


def generate(organisatie: str, jaar: int) -> str:
    """A free identificatie for ``organisatie``; call inside a transaction."""
    teller = _teller(organisatie, jaar)
    while True:
        teller.laatste += 1
        candidate = f"{PREFIX}-{jaar}-{teller.laatste:010d}"
        if not Besluit.objects.filter(
            verantwoordelijke_organisatie=organisatie, identificatie=candidate
        ).exists():
            teller.save(update_fields=["laatste"])
            return candidate


def claim(organisatie: str, identificatie: str) -> None:
    """brc-002: a given identificatie must be free within the organisation."""
    if Besluit.objects.filter(
        verantwoordelijke_organisatie=organisatie, identificatie=identificatie
    ).exists():
        raise ValidationError.single(
            "identificatie",
            "identificatie-niet-uniek",
            "Deze identificatie bestaat al voor deze verantwoordelijke organisatie.",
        )
