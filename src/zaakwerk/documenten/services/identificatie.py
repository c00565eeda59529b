"""Document identificatie: generated when omitted, unique per bronorganisatie (RULES.md 4.1).

Generated numbers look like ``DOCUMENT-2024-0000000001``: a counter per bronorganisatie and
year, whose row is locked while a number is taken, so concurrent creates never clash.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction

from zaakwerk.core.errors import ValidationError
from zaakwerk.documenten.models import DocumentIdentificatieTeller, EnkelvoudigInformatieObject

PREFIX = "DOCUMENT"


def _teller(bronorganisatie: str, jaar: int) -> DocumentIdentificatieTeller:
    rows = DocumentIdentificatieTeller.objects.select_for_update().filter(
        bronorganisatie=bronorganisatie, jaar=jaar
    )
    found = rows.first()
    if found is not None:
        return found
    try:
        with transaction.atomic():  # savepoint: another writer may create the row first
            DocumentIdentificatieTeller.objects.create(bronorganisatie=bronorganisatie, jaar=jaar)
    except IntegrityError:
        pass
    return rows.get()


def generate(bronorganisatie: str, jaar: int) -> str:
    """The next free number; call inside a transaction."""
    teller = _teller(bronorganisatie, jaar)
    while True:
        teller.laatste += 1
        candidate = f"{PREFIX}-{jaar}-{teller.laatste:010d}"
        if not EnkelvoudigInformatieObject.objects.filter(
            bronorganisatie=bronorganisatie, identificatie=candidate
        ).exists():
            teller.save(update_fields=["laatste"])
            return candidate


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
