"""Document identificatie: generated when omitted, unique per bronorganisatie (RULES.md 4.1).

Generated numbers look like ``DOCUMENT-2024-0000000001``: a counter per bronorganisatie and
year, whose row is locked while a number is taken, so concurrent creates never clash
(:mod:`zaakwerk.core.identificatie`).
"""

from __future__ import annotations

from zaakwerk.core import identificatie as numbering
from zaakwerk.core.errors import ValidationError
from zaakwerk.documenten.models import DocumentIdentificatieTeller, EnkelvoudigInformatieObject

PREFIX = "DOCUMENT"


def generate(bronorganisatie: str, jaar: int) -> str:
    """The next free number; call inside a transaction."""
    return numbering.generate(
        DocumentIdentificatieTeller,
        EnkelvoudigInformatieObject,
        PREFIX,
        jaar,
        bronorganisatie=bronorganisatie,
    )


def claim(bronorganisatie: str, identificatie: str, *, exclude_pk: int | None = None) -> None:
    """A given identificatie must be free within its bronorganisatie."""
    clash = EnkelvoudigInformatieObject.objects.filter(
        bronorganisatie=bronorganisatie, identificatie=identificatie
    )
    if exclude_pk is not None:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationError.single(
            "identificatie",
            "identificatie-niet-uniek",
            "Deze identificatie bestaat al voor deze bronorganisatie.",
        )
