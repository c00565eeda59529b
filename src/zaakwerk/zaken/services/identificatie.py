"""Zaak identificatie: generated, reserved and checked for uniqueness (zrc-002).

Generated numbers look like ``ZAAK-2024-0000000001``: a counter per bronorganisatie and year.
The counter row is locked while a number is taken (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite
serialises writers), so concurrent creates never receive the same number. A number already
used by a zaak or reserved is skipped, so a reserved number is only ever used explicitly.
"""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction

from zaakwerk.core.errors import ValidationError
from zaakwerk.zaken.models import Zaak, ZaakIdentificatieTeller, ZaaknummerReservering

PREFIX = "ZAAK"
MAX_RESERVERINGEN = 1000


def format_number(jaar: int, number: int) -> str:
    return f"{PREFIX}-{jaar}-{number:010d}"


def _teller(bronorganisatie: str, jaar: int) -> ZaakIdentificatieTeller:
    existing = ZaakIdentificatieTeller.objects.select_for_update().filter(
        bronorganisatie=bronorganisatie, jaar=jaar
    )
    found = existing.first()
    if found is not None:
        return found
    try:
        with transaction.atomic():  # savepoint: another writer may create the row first
            ZaakIdentificatieTeller.objects.create(bronorganisatie=bronorganisatie, jaar=jaar)
    except IntegrityError:
        pass
    return existing.get()


def _is_taken(bronorganisatie: str, identificatie: str) -> bool:
    return (
        Zaak.objects.filter(bronorganisatie=bronorganisatie, identificatie=identificatie).exists()
        or ZaaknummerReservering.objects.filter(
            bronorganisatie=bronorganisatie, identificatie=identificatie
        ).exists()
    )


def next_numbers(bronorganisatie: str, jaar: int, aantal: int = 1) -> list[str]:
    """Take ``aantal`` free numbers from the counter; call inside a transaction."""
    teller = _teller(bronorganisatie, jaar)
    numbers: list[str] = []
    while len(numbers) < aantal:
        teller.laatste += 1
        candidate = format_number(jaar, teller.laatste)
        if not _is_taken(bronorganisatie, candidate):
            numbers.append(candidate)
    teller.save(update_fields=["laatste"])
    return numbers


def generate(bronorganisatie: str, startdatum: date) -> str:
    return next_numbers(bronorganisatie, startdatum.year)[0]


def claim(bronorganisatie: str, identificatie: str, *, exclude_pk: int | None = None) -> None:
    """Check a given identificatie is free; a reserved number is used up here."""
    clash = Zaak.objects.filter(bronorganisatie=bronorganisatie, identificatie=identificatie)
    if exclude_pk is not None:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationError.single(
            "identificatie",
            "identificatie-niet-uniek",
            "Deze identificatie bestaat al voor deze bronorganisatie.",
        )
    ZaaknummerReservering.objects.filter(
        bronorganisatie=bronorganisatie, identificatie=identificatie
    ).delete()


@transaction.atomic
def reserve_zaaknummer(bronorganisatie: str, aantal: int, *, today: date) -> list[str]:
    """``POST /zaaknummer_reserveren``: numbers that only an explicit create can use."""
    if aantal > MAX_RESERVERINGEN:
        raise ValidationError.single(
            "aantal",
            "max_value",
            f"Er kunnen maximaal {MAX_RESERVERINGEN} nummers tegelijk gereserveerd worden.",
        )
    numbers = next_numbers(bronorganisatie, today.year, aantal)
    ZaaknummerReservering.objects.bulk_create(
        ZaaknummerReservering(bronorganisatie=bronorganisatie, identificatie=number) for number in numbers
    )
    return numbers
