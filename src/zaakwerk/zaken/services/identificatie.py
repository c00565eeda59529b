"""Zaak identificatie: generated, reserved and checked for uniqueness (zrc-002).

Generated numbers look like ``ZAAK-2024-0000000001``: a counter per bronorganisatie and year.
The counter row is raised and locked in one statement (an upsert that returns the new value; SQLite
serialises writers anyway), so concurrent creates never receive the same number. A number already
used by a zaak or reserved is skipped, so a reserved number is only ever used explicitly.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from zaakwerk.core.errors import ValidationError
from zaakwerk.zaken import queries
from zaakwerk.zaken.models import Zaak, ZaaknummerReservering

PREFIX = "ZAAK"
MAX_RESERVERINGEN = 1000


def format_number(jaar: int, number: int) -> str:
    return f"{PREFIX}-{jaar}-{number:010d}"


def _take(bronorganisatie: str, jaar: int, aantal: int) -> int:
    """Raise the counter of (bronorganisatie, jaar) by ``aantal``; the new last number (the row
    stays locked until the transaction ends)."""
    return queries.take_numbers(bronorganisatie, jaar, aantal)


def _taken(bronorganisatie: str, candidates: list[str]) -> set[str]:
    """The ``candidates`` a zaak has or a reservation holds, in one query."""
    used = Zaak.objects.filter(bronorganisatie=bronorganisatie, identificatie__in=candidates)
    reserved = ZaaknummerReservering.objects.filter(
        bronorganisatie=bronorganisatie, identificatie__in=candidates
    )
    return set(
        used.order_by()
        .values_list("identificatie", flat=True)
        .union(reserved.order_by().values_list("identificatie", flat=True))
    )


def next_numbers(bronorganisatie: str, jaar: int, aantal: int = 1) -> list[str]:
    """Take ``aantal`` free numbers from the counter; call inside a transaction.

    Numbers already used (an explicit identificatie) or reserved are passed over.
    """
    numbers: list[str] = []
    while len(numbers) < aantal:
        wanted = aantal - len(numbers)
        last = _take(bronorganisatie, jaar, wanted)
        candidates = [format_number(jaar, number) for number in range(last - wanted + 1, last + 1)]
        taken = _taken(bronorganisatie, candidates)
        numbers.extend(candidate for candidate in candidates if candidate not in taken)
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
