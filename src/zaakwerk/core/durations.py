"""ISO 8601 durations: one parser and one rule for every duration Zaakwerk takes or computes with.

The Catalogi API's doorlooptijd, servicenorm, verlengingstermijn, reactietermijn,
publicatietermijn, archiefactietermijn and procestermijn, a zaak's ``verlenging.duur`` and the
archiving dates derived from them all go through :func:`parse_duration` (ADR 0031):

- ``P``, then whole numbers of years ``Y``, months ``M``, weeks ``W`` and days ``D``, each at most
  once and in that order;
- optionally ``T`` and whole hours ``H``, whole minutes ``M`` and seconds ``S``, which may have a
  decimal fraction (``PT1.5S``);
- at least one part, and at least one after ``T``; ASCII digits only, nothing before or after.

So every duration an API accepts can be added to a date: a fraction of a year, month, week or
day (``P1.5Y``) has no single answer and is refused where it is given, not when a zaak is closed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_PATTERN = re.compile(
    r"P(?!\Z)(?:(?P<years>[0-9]+)Y)?(?:(?P<months>[0-9]+)M)?(?:(?P<weeks>[0-9]+)W)?(?:(?P<days>[0-9]+)D)?"
    r"(?:T(?=[0-9])(?:(?P<hours>[0-9]+)H)?(?:(?P<minutes>[0-9]+)M)?(?:(?P<seconds>[0-9]+(?:\.[0-9]+)?)S)?)?"
)


class InvalidDuration(ValueError):
    """Not a duration by the rule of this module."""


@dataclass(frozen=True)
class IsoDuration:
    years: int = 0
    months: int = 0
    weeks: int = 0
    days: int = 0
    hours: int = 0
    minutes: int = 0
    seconds: Decimal = Decimal(0)


def parse_duration(text: str) -> IsoDuration:
    """The parts of ``text``; :class:`InvalidDuration` when it breaks the rule."""
    match = _PATTERN.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise InvalidDuration(f"'{text}' is geen geldige ISO 8601-duur.")
    parts = match.groupdict()
    whole = {name: int(value or 0) for name, value in parts.items() if name != "seconds"}
    return IsoDuration(**whole, seconds=Decimal(parts["seconds"] or 0))
