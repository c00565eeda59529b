"""The RSIN (and BSN) check the standard requires: nine digits that pass the eleven test.

Every RSIN field of the registers (a zaak's bronorganisatie and verantwoordelijkeOrganisatie, a
document's bronorganisatie, a besluit's verantwoordelijkeOrganisatie, a catalogus's rsin…) is "een
geldig RSIN … van 9 nummers en voldoen aan de 11-proef". The codes are the reference
implementations' (RULES.md 9.1).
"""

from __future__ import annotations


def elfproef(number: str) -> bool:
    """The eleven test of nine digits: weights 9 down to 2, and -1 for the last digit."""
    digits = [int(c) for c in number]
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
    return total % 11 == 0


def rsin_problem(value: str) -> tuple[str, str] | None:
    """``(code, Dutch reason)`` when ``value`` is no valid RSIN, else None."""
    if not (value.isascii() and value.isdigit()):
        return "only-digits", "Een RSIN bestaat alleen uit cijfers."
    if len(value) != 9:
        return "invalid-length", "Een RSIN heeft 9 cijfers."
    if not elfproef(value):
        return "invalid", "Het RSIN voldoet niet aan de elfproef."
    return None
