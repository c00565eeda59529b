"""Does a zaakeigenschap's ``waarde`` satisfy its eigenschap's specificatie? (ZRC 1.7)

Since Zaken API 1.7 a waarde that does not conform is still stored; the caller is warned in the
``X-Warning`` response header. This module only judges: it returns the reasons a waarde does not
conform (empty when it does), as plain text fit for a header. No database, no I/O.

The specificatie is the Catalogi API's ``EigenschapSpecificatie``:
- ``formaat``: ``tekst``, ``getal``, ``datum`` (``jjjjmmdd`` or ISO ``jjjj-mm-dd``) or
  ``datum_tijd`` (``jjjjmmdduummss`` or ISO 8601);
- ``lengte``: the maximum number of characters (tekst) or of digits (getal; ``"p,s"`` also caps
  the decimals at ``s``);
- ``kardinaliteit``: how many times the eigenschap may occur for one zaak (``"1"``…, or ``"N"``);
- ``waardenverzameling``: when not empty, the only values allowed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

_NUMBER = re.compile(r"^[+-]?(\d+)(?:[.,](\d+))?$")
_COMPACT_DATE = re.compile(r"^\d{8}$")
_COMPACT_DATETIME = re.compile(r"^\d{14}$")


def problems(waarde: str, specificatie: Mapping[str, Any], *, occurrences: int = 1) -> list[str]:
    """Why ``waarde`` does not meet ``specificatie``; ``occurrences`` counts this one too."""
    found: list[str] = []
    allowed = [str(value) for value in specificatie.get("waardenverzameling") or []]
    if allowed and waarde not in allowed:
        found.append("waarde komt niet voor in de waardenverzameling")
    formaat = specificatie.get("formaat") or ""
    lengte = str(specificatie.get("lengte") or "")
    if formaat == "tekst":
        found += _tekst(waarde, lengte)
    elif formaat == "getal":
        found += _getal(waarde, lengte)
    elif formaat == "datum" and not _is_datum(waarde):
        found.append("waarde is geen datum (jjjjmmdd of jjjj-mm-dd)")
    elif formaat == "datum_tijd" and not _is_datum_tijd(waarde):
        found.append("waarde is geen datum/tijd (jjjjmmdduummss of ISO 8601)")
    maximum = _kardinaliteit(str(specificatie.get("kardinaliteit") or ""))
    if maximum is not None and occurrences > maximum:
        found.append(f"de eigenschap mag maximaal {maximum} keer voorkomen bij een zaak")
    return found


def _tekst(waarde: str, lengte: str) -> list[str]:
    if lengte.isdigit() and len(waarde) > int(lengte):
        return [f"waarde is langer dan {lengte} tekens"]
    return []


def _getal(waarde: str, lengte: str) -> list[str]:
    match = _NUMBER.match(waarde)
    if match is None:
        return ["waarde is geen getal"]
    whole, decimals = match.group(1), match.group(2) or ""
    precision, _, scale = lengte.partition(",")
    if precision.isdigit() and len(whole) + len(decimals) > int(precision):
        return [f"waarde heeft meer dan {precision} cijfers"]
    if scale.isdigit() and len(decimals) > int(scale):
        return [f"waarde heeft meer dan {scale} decimalen"]
    return []


def _is_datum(waarde: str) -> bool:
    text = waarde
    if _COMPACT_DATE.match(waarde):
        text = f"{waarde[:4]}-{waarde[4:6]}-{waarde[6:]}"
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _is_datum_tijd(waarde: str) -> bool:
    if _COMPACT_DATETIME.match(waarde):
        try:
            datetime.strptime(waarde, "%Y%m%d%H%M%S")
        except ValueError:
            return False
        return True
    if "T" not in waarde:
        return False
    try:
        datetime.fromisoformat(waarde.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _kardinaliteit(value: str) -> int | None:
    """The maximum number of occurrences; None for ``N`` (unbounded) or no value."""
    return int(value) if value.isdigit() and int(value) > 0 else None
