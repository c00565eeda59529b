"""Date-times a client sends, in a body or a query string: one type for all of them.

ISO 8601 parsers accept offsets up to ±23:59 and every year from 1 to 9999 in any offset;
PostgreSQL refuses offsets beyond ±15:59 and a moment that falls outside the calendar once it is
converted to UTC (``0001-01-01T00:00:00+01:00``) cannot even be represented in Python. Such
input used to pass validation and fail in the database with a 500. Every date-time field of a
request schema is a :data:`DateTime`: aware (a moment without offset is in the server's time
zone), within ±15:59, converted to UTC. ``tests/test_moments.py`` checks that no request or query
schema declares a plain ``datetime``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated

from django.utils import timezone
from pydantic import AfterValidator

from zaakwerk.api.schemas import ZGWValueError

#: PostgreSQL's limit; the real time zones of the world lie within −12:00 and +14:00.
MAX_OFFSET = timedelta(hours=15, minutes=59, seconds=59)


def storable_moment(value: datetime) -> datetime:
    """``value`` as an aware moment in UTC; a ``ZGWValueError`` when no database can hold it."""
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    offset = value.utcoffset()
    if offset is None or abs(offset) > MAX_OFFSET:
        raise ZGWValueError("invalid", "De tijdzone moet tussen -15:59 en +15:59 liggen, bijv. +01:00.")
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise ZGWValueError(
            "invalid", "De datum/tijd valt buiten het bereik 0001-01-01 tot en met 9999-12-31 (UTC)."
        ) from None


DateTime = Annotated[datetime, AfterValidator(storable_moment)]
