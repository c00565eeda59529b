"""The zaaktypen's norms from the Catalogi API (through the client), kept five minutes per process.

A zaaktype's ``doorlooptijd`` is the legal term, its ``servicenorm`` the (shorter) promise; both
are ISO 8601 durations, counted here in days (a month as 30 days, a year as 365: a norm, not a
date). The latest version of a zaaktype (by versiedatum) gives the norm for all its versions.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import date

from zaakwerk.client import ClientError, ZGWClient
from zaakwerk.werkplek.services.acties import duration_days

TTL_SECONDS = 300


@dataclass(frozen=True)
class Norm:
    identificatie: str
    omschrijving: str
    #: the doorlooptijd in days; None when the catalogue gives none (or one with a time part)
    doorlooptijd: int | None
    servicenorm: int | None


_cache: dict[str, tuple[float, dict[str, Norm]]] = {}
_lock = threading.Lock()


def norms(client: ZGWClient, key: str) -> dict[str, Norm]:
    """identificatie → :class:`Norm`; empty when the catalogue cannot be read now (the report
    then shows the figures without their norm)."""
    with _lock:
        found = _cache.get(key)
        if found is not None and found[0] > time.monotonic():
            return found[1]
    latest: dict[str, tuple[date, Norm]] = {}
    try:
        for zaaktype in client.catalogi.zaaktypen.list():
            version = zaaktype.versiedatum or zaaktype.begin_geldigheid or date.min
            if zaaktype.identificatie in latest and latest[zaaktype.identificatie][0] > version:
                continue
            latest[zaaktype.identificatie] = (
                version,
                Norm(
                    zaaktype.identificatie,
                    zaaktype.omschrijving,
                    duration_days(zaaktype.doorlooptijd),
                    duration_days(zaaktype.servicenorm),
                ),
            )
    except ClientError:
        return {}
    made = {identificatie: norm for identificatie, (_, norm) in latest.items()}
    with _lock:
        _cache[key] = (time.monotonic() + TTL_SECONDS, made)
    return made


def clear() -> None:
    with _lock:
        _cache.clear()
