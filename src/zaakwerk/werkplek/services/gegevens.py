"""Changing a zaak's gegevens from the zaak page, each change with its reason.

The werkplek may change more than a staff member should (it is registered with every right, so
the Zaken API would even let it change a closed zaak): the werkplek itself refuses changes to a
zaak that was closed in the meantime, and sends each change with the person's reason, which the
Zaken API keeps in the zaak's audit trail (docs/adr/0053).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from zaakwerk.client import HTTPStatusError, ZGWClient, models

# The zaak's own fields a staff member may change here: the standard lets these be changed by a
# PATCH on an open zaak. Identificatie, bronorganisatie, zaaktype and registratiedatum cannot be
# changed; status, resultaat, opschorting, verlenging and the dates they drive are actions.
EDITABLE = (
    "omschrijving",
    "toelichting",
    "startdatum",
    "einddatumGepland",
    "uiterlijkeEinddatumAfdoening",
    "publicatiedatum",
    "vertrouwelijkheidaanduiding",
)

NULLABLE = frozenset({"einddatumGepland", "uiterlijkeEinddatumAfdoening", "publicatiedatum"})


class ZaakClosed(Exception):
    """The zaak was closed (it has an einddatum): nothing on it may change in the werkplek."""


class ChangeRefused(Exception):
    """The Zaken API refused the change; ``messages`` per field name (``""`` for the whole)."""

    def __init__(self, messages: dict[str, list[str]]) -> None:
        super().__init__(messages)
        self.messages = messages


def require_open(zaak: models.Zaak) -> None:
    if zaak.einddatum is not None:
        raise ZaakClosed(zaak.identificatie)


def refused(exc: HTTPStatusError) -> ChangeRefused:
    """The API's 400 as messages per field (its ``invalidParams``), else its detail."""
    messages: dict[str, list[str]] = {}
    for param in exc.invalid_params:
        messages.setdefault(str(param.get("name", "")), []).append(str(param.get("reason", "")))
    if not messages:
        detail = exc.body.get("detail") if isinstance(exc.body, dict) else None
        messages[""] = [str(detail or exc)]
    return ChangeRefused(messages)


@dataclass(frozen=True)
class Wijziging:
    values: dict[str, Any]  # JSON names (EDITABLE) → new values (dates as date, None to clear)
    toelichting: str


def changed_values(zaak: models.Zaak, values: dict[str, Any]) -> dict[str, Any]:
    """Only the values that differ from the zaak as it is, as JSON."""
    current = zaak.model_dump(mode="json", by_alias=True)
    found: dict[str, Any] = {}
    for name in EDITABLE:
        if name not in values:
            continue
        value = values[name]
        value = value.isoformat() if isinstance(value, date) else value
        if value == "" and name in NULLABLE:
            value = None
        if (current.get(name) or None) != (value or None):
            found[name] = value
    return found


def change_gegevens(client: ZGWClient, zaak: models.Zaak, change: Wijziging) -> models.Zaak:
    """PATCH the changed gegevens of ``zaak`` (read just before, through the access door) with
    the reason; nothing is sent when nothing changed. ZaakClosed for a closed zaak,
    ChangeRefused for what the Zaken API refuses (nothing is changed then)."""
    require_open(zaak)
    if not change.toelichting.strip():
        raise ChangeRefused({"": ["Geef een reden voor de wijziging."]})
    body = changed_values(zaak, change.values)
    if not body:
        return zaak
    try:
        return client.zaken.zaken.partial_update(zaak.url, body, toelichting=change.toelichting)
    except HTTPStatusError as exc:
        if exc.status == 400:
            raise refused(exc) from exc
        raise
