"""Notes on a zaak: the Zaken API's ``zaaknotities``, read and added through the client.

A note is *intern* (staff only) or *extern* (the initiator may see it too, for instance in the
loket). Notes are not the zaak's gegevens: a staff member may still add one to a closed zaak (a
remark for the archive, a call after closing), and a note is never changed afterwards — a
correction is a new note, so the trail of what was written stays whole (docs/adr/0090).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from zaakwerk.client import HTTPStatusError, ZGWClient, models
from zaakwerk.werkplek.services.gegevens import refused


@dataclass(frozen=True)
class NieuweNotitie:
    onderwerp: str
    tekst: str
    extern: bool = False


def notities(client: ZGWClient, zaak: models.Zaak) -> list[models.ZaakNotitie]:
    """The zaak's notes, newest first."""
    found = list(client.zaken.zaaknotities.list(gerelateerdAan=zaak.url))
    return sorted(found, key=lambda notitie: notitie.aanmaakdatum or datetime.min, reverse=True)


def add_notitie(
    client: ZGWClient, zaak: models.Zaak, notitie: NieuweNotitie, *, auteur: str
) -> models.ZaakNotitie:
    """Add ``notitie`` to ``zaak``, written by ``auteur``; the API's refusal as ChangeRefused."""
    body = {
        "gerelateerdAan": zaak.url,
        "onderwerp": notitie.onderwerp[:255],
        "tekst": notitie.tekst,
        "aangemaaktDoor": auteur[:255],
        "notitieType": "extern" if notitie.extern else "intern",
        "status": "definitief",
    }
    try:
        return client.zaken.zaaknotities.create(body, toelichting=f"Notitie: {notitie.onderwerp[:80]}")
    except HTTPStatusError as exc:
        if exc.status == 400:
            raise refused(exc) from exc
        raise
