"""Archiving parameters of a closed zaak: archiefnominatie and archiefactiedatum (zrc-021).

Pure functions: the caller gathers what the zaak's resultaattype needs (:class:`ZaakFacts`) and
gets back the values to store (:class:`Archiving`). Nothing here reads the database or the
network, so every afleidingswijze is tested with a plain table of cases.

The rule (RULES.md 3.6):

1. without an archiefnominatie on the zaak, the resultaattype's archiefnominatie is copied;
2. with an archiefactietermijn on the resultaattype, the brondatum follows from
   ``brondatumArchiefprocedure.afleidingswijze``, and
3. ``archiefactiedatum = brondatum + archiefactietermijn``.

No brondatum (an empty eigenschap, no related zaken or besluiten, ``ander_datumkenmerk``) or no
termijn leaves the date empty; that is not an error. A configuration the zaak does not match
(the eigenschap is missing or not a date, ``hoofdzaak`` for a zaak without hoofdzaak) is.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from zaakwerk.core.durations import InvalidDuration, parse_duration

AFGEHANDELD = "afgehandeld"
ANDER_DATUMKENMERK = "ander_datumkenmerk"
EIGENSCHAP = "eigenschap"
GERELATEERDE_ZAAK = "gerelateerde_zaak"
HOOFDZAAK = "hoofdzaak"
INGANGSDATUM_BESLUIT = "ingangsdatum_besluit"
TERMIJN = "termijn"
VERVALDATUM_BESLUIT = "vervaldatum_besluit"
ZAAKOBJECT = "zaakobject"

_UNPADDED_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


class ArchivingError(ValueError):
    """The resultaattype's configuration cannot be applied to this zaak."""


@dataclass(frozen=True)
class ZaakFacts:
    """What the afleidingswijzen read of a zaak, gathered by the caller.

    ``zaakobjecten`` are the objects (as fetched) of the zaakobjecten of the zaak, each with its
    ``objectType``; ``besluiten`` the related besluiten as fetched.
    """

    einddatum: date | None
    archiefnominatie: str = ""
    archiefactiedatum: date | None = None
    has_hoofdzaak: bool = False
    hoofdzaak_einddatum: date | None = None
    eigenschappen: Mapping[str, str] = field(default_factory=dict)
    zaakobjecten: Sequence[tuple[str, Mapping[str, Any]]] = ()
    gerelateerde_einddatums: Sequence[date | None] = ()
    besluiten: Sequence[Mapping[str, Any]] = ()


@dataclass(frozen=True)
class Archiving:
    archiefnominatie: str
    archiefactiedatum: date | None


def add_duration(start: date, duration: str) -> date:
    """``start`` plus an ISO 8601 duration (:mod:`zaakwerk.core.durations`); the 31st plus a month
    is the last day of that month, and a time part (``PT…``) does not move a date."""
    try:
        parts = parse_duration(duration or "")
    except InvalidDuration:
        raise ArchivingError(f"'{duration}' is geen geldige termijn (ISO 8601-duur).") from None
    months = start.month - 1 + parts.months + 12 * parts.years
    year, month = start.year + months // 12, months % 12 + 1
    if year > date.max.year:
        raise ArchivingError(f"De termijn '{duration}' valt buiten de kalender.")
    day = min(start.day, calendar.monthrange(year, month)[1])
    moved = date(year, month, day)
    try:
        return date.fromordinal(moved.toordinal() + 7 * parts.weeks + parts.days)
    except (ValueError, OverflowError) as exc:
        raise ArchivingError(f"De termijn '{duration}' valt buiten de kalender.") from exc


def parse_date(value: Any) -> date | None:
    """A date from a JSON value; None if empty.

    ``YYYY-MM-DD``, a date-time (its date part), or a calendar date without leading zeros
    (``2008-1-1``): the attributes of a zaakobject are free text, so its dates are not always padded.
    """
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            pass
        unpadded = _UNPADDED_DATE.match(value)
        if unpadded:
            try:
                return date(*(int(part) for part in unpadded.groups()))
            except ValueError:
                pass
    raise ArchivingError(f"'{value}' is geen geldige datum.")


def _latest(values: Iterable[date | None]) -> date | None:
    found = [value for value in values if value is not None]
    return max(found) if found else None


def _eigenschap(brondatum: Mapping[str, Any], facts: ZaakFacts) -> date | None:
    naam = brondatum.get("datumkenmerk") or ""
    if naam not in facts.eigenschappen:
        raise ArchivingError(f"De zaak heeft geen eigenschap '{naam}' om de brondatum uit te bepalen.")
    return parse_date(facts.eigenschappen[naam])


def _zaakobject(brondatum: Mapping[str, Any], facts: ZaakFacts) -> date | None:
    objecttype, kenmerk = brondatum.get("objecttype") or "", brondatum.get("datumkenmerk") or ""
    return _latest(parse_date(data.get(kenmerk)) for kind, data in facts.zaakobjecten if kind == objecttype)


def brondatum_of(brondatum: Mapping[str, Any], facts: ZaakFacts) -> date | None:
    """The brondatum per ``brondatumArchiefprocedure.afleidingswijze``; None when there is none."""
    afleidingswijze = brondatum.get("afleidingswijze") or ""
    if afleidingswijze == AFGEHANDELD:
        return facts.einddatum
    if afleidingswijze == HOOFDZAAK:
        if not facts.has_hoofdzaak:
            raise ArchivingError(
                "De archiefactiedatum kan niet bepaald worden: de zaak heeft geen hoofdzaak."
            )
        return facts.hoofdzaak_einddatum
    if afleidingswijze == EIGENSCHAP:
        return _eigenschap(brondatum, facts)
    if afleidingswijze == ANDER_DATUMKENMERK:
        return None  # the archiefactiedatum is set by hand
    if afleidingswijze == ZAAKOBJECT:
        return _zaakobject(brondatum, facts)
    if afleidingswijze == TERMIJN:
        procestermijn = brondatum.get("procestermijn")
        if facts.einddatum is None or not procestermijn:
            return None
        return add_duration(facts.einddatum, procestermijn)
    if afleidingswijze == GERELATEERDE_ZAAK:
        return _latest(facts.gerelateerde_einddatums)
    if afleidingswijze == INGANGSDATUM_BESLUIT:
        return _latest(parse_date(besluit.get("ingangsdatum")) for besluit in facts.besluiten)
    if afleidingswijze == VERVALDATUM_BESLUIT:
        return _latest(parse_date(besluit.get("vervaldatum")) for besluit in facts.besluiten)
    return None


def derive(resultaattype: Mapping[str, Any], facts: ZaakFacts) -> Archiving:
    """The archiving parameters of a zaak closed with a resultaat of ``resultaattype``.

    Values the zaak already has (given on create or set by hand) are kept.
    """
    nominatie = facts.archiefnominatie or (resultaattype.get("archiefnominatie") or "")
    if facts.archiefactiedatum is not None:
        return Archiving(nominatie, facts.archiefactiedatum)
    termijn = resultaattype.get("archiefactietermijn")
    brondatum = resultaattype.get("brondatumArchiefprocedure")
    if not termijn or not brondatum:
        return Archiving(nominatie, None)
    start = brondatum_of(brondatum, facts)
    return Archiving(nominatie, add_duration(start, termijn) if start is not None else None)
