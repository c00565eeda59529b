"""Besluit identificatie: generated when absent, unique per verantwoordelijke organisatie (brc-002).

Generated numbers look like ``BESLUIT-2024-0000000001``: a counter per organisation and year,
locked while a number is taken, so concurrent creates never receive the same number. A number
already used explicitly is skipped (:mod:`zaakwerk.core.identificatie`).
"""

from __future__ import annotations

from zaakwerk.besluiten.models import Besluit, BesluitIdentificatieTeller
from zaakwerk.core import identificatie as numbering
from zaakwerk.core.errors import ValidationError

PREFIX = "BESLUIT"


def generate(organisatie: str, jaar: int) -> str:
    """A free identificatie for ``organisatie``; call inside a transaction."""
    return numbering.generate(
        BesluitIdentificatieTeller, Besluit, PREFIX, jaar, verantwoordelijke_organisatie=organisatie
    )


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
