"""From a zaak in the Zaken API to a row of the read model, and the upsert that writes rows.

The zaak is read with ``expand`` (:data:`EXPAND`) so that one request gives everything a row
holds: status and statustype, rollen (behandelaar, team, initiator), resultaat and resultaattype,
zaaktype and the document links.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from zaakwerk.client import models
from zaakwerk.werkplek.models import ZaakRow

EXPAND = (
    "zaaktype",
    "status",
    "status.statustype",
    "rollen",
    "resultaat",
    "resultaat.resultaattype",
    "zaakinformatieobjecten",
)
BEHANDELAAR = "behandelaar"
INITIATOR = "initiator"
MEDEWERKER = "medewerker"
TEAM = "organisatorische_eenheid"

# the initiator's identifying number, first found wins (natuurlijk persoon, vestiging, …)
_NUMBERS = ("inpBsn", "anpIdentificatie", "kvkNummer", "vestigingsNummer", "innNnpId", "identificatie")
_NAMES = ("statutaireNaam", "handelsnaam", "naam")


def _when(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    found = parse_datetime(value)
    if found is not None and timezone.is_naive(found):
        found = timezone.make_aware(found, timezone.get_default_timezone())
    return found


def _text(data: Mapping[str, Any] | None, key: str) -> str:
    value = (data or {}).get(key)
    return value if isinstance(value, str) else ""


def _latest(
    rollen: list[dict[str, Any]], generiek: str, betrokkene_type: str | None = None
) -> dict[str, Any]:
    found = [
        rol
        for rol in rollen
        if rol.get("omschrijvingGeneriek") == generiek
        and (betrokkene_type is None or rol.get("betrokkeneType") == betrokkene_type)
    ]
    found.sort(key=lambda rol: _text(rol, "registratiedatum"))
    return found[-1] if found else {}


def person_name(identificatie: Mapping[str, Any]) -> str:
    """ "J. de Vries" from a medewerker's or natuurlijk persoon's betrokkeneIdentificatie."""
    initials = _text(identificatie, "voorletters")
    prefix = _text(identificatie, "voorvoegselAchternaam") or _text(identificatie, "voorvoegselGeslachtsnaam")
    last = _text(identificatie, "achternaam") or _text(identificatie, "geslachtsnaam")
    first = _text(identificatie, "voornamen")
    return " ".join(part for part in (first or initials, prefix, last) if part)


def initiator_of(rol: Mapping[str, Any]) -> tuple[str, str]:
    """The initiator as shown (a name) and its identifying number (BSN, KVK-nummer, …)."""
    identificatie = rol.get("betrokkeneIdentificatie") or {}
    number = next((_text(identificatie, key) for key in _NUMBERS if _text(identificatie, key)), "")
    name = _text(rol, "afwijkendeNaamBetrokkene")
    name = name or next((_text(identificatie, key) for key in _NAMES if _text(identificatie, key)), "")
    name = name or person_name(identificatie)
    return (name or number)[:255], number[:255]


def row_values(
    zaak: models.Zaak,
    *,
    gewijzigd_op: datetime,
    fetched_at: datetime,
    synced_at: datetime | None = None,
    expanded: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The row of ``zaak`` (read with :data:`EXPAND`, or with ``expanded`` given in its place)."""
    expanded = zaak.expanded if expanded is None else expanded
    zaaktype = expanded.get("zaaktype") or {}
    status = expanded.get("status") or {}
    statustype = (status.get("_expand") or {}).get("statustype") or {}
    resultaat = expanded.get("resultaat") or {}
    resultaattype = (resultaat.get("_expand") or {}).get("resultaattype") or {}
    rollen = [rol for rol in expanded.get("rollen") or [] if isinstance(rol, dict)]
    medewerker = _latest(rollen, BEHANDELAAR, MEDEWERKER)
    team = _latest(rollen, BEHANDELAAR, TEAM)
    initiator, initiator_number = initiator_of(_latest(rollen, INITIATOR))
    links = [link for link in expanded.get("zaakinformatieobjecten") or [] if isinstance(link, dict)]
    linked = [found for found in (_when(link.get("registratiedatum")) for link in links) if found]
    medewerker_id = medewerker.get("betrokkeneIdentificatie") or {}
    values: dict[str, Any] = {
        "url": zaak.url,
        "uuid": zaak.uuid or zaak.url.rstrip("/").rsplit("/", 1)[-1],
        "identificatie": zaak.identificatie[:40],
        "omschrijving": zaak.omschrijving[:80],
        "zaaktype_url": zaak.zaaktype,
        "zaaktype_identificatie": _text(zaaktype, "identificatie")[:50],
        "zaaktype_omschrijving": _text(zaaktype, "omschrijving")[:80],
        "statustype_url": _text(status, "statustype"),
        "status_omschrijving": _text(statustype, "omschrijving")[:80],
        "status_datum": _when(status.get("datumStatusGezet")),
        "startdatum": zaak.startdatum,
        "einddatum": zaak.einddatum,
        "einddatum_gepland": zaak.einddatum_gepland,
        "uiterlijke_einddatum_afdoening": zaak.uiterlijke_einddatum_afdoening,
        "behandelaar": _text(medewerker_id, "identificatie")[:254],
        "behandelaar_naam": person_name(medewerker_id)[:255],
        "behandelaar_sinds": _when(medewerker.get("registratiedatum")),
        "team": _text(team.get("betrokkeneIdentificatie") or {}, "identificatie")[:150],
        "initiator": initiator,
        "initiator_identificatie": initiator_number,
        "archiefnominatie": (zaak.archiefnominatie or "")[:20],
        "resultaat": _text(resultaattype, "omschrijving")[:80],
        "documenten": len(links),
        "laatste_document_op": max(linked) if linked else None,
        "gewijzigd_op": gewijzigd_op,
        "fetched_at": fetched_at,
        "synced_at": synced_at,
    }
    values["zoektekst"] = search_text(values)
    return values


def search_text(values: Mapping[str, Any]) -> str:
    """What free text matches: identificatie, omschrijving, the initiator's name and number."""
    parts = (
        values["identificatie"],
        values["omschrijving"],
        values["initiator"],
        values["initiator_identificatie"],
    )
    return " ".join(str(part) for part in parts if part).lower()


_COLUMNS = [field for field in ZaakRow._meta.concrete_fields if not field.primary_key]


def _statement(count: int) -> str:
    table = ZaakRow._meta.db_table
    names = [field.column for field in _COLUMNS]
    values = f"({', '.join(['%s'] * len(names))})"
    assignments = []
    for name in names:
        if name == "url":
            continue
        if name == "gewijzigd_op":  # the latest announced change, whichever refresh wrote it
            value = f"CASE WHEN excluded.{name} > {table}.{name} THEN excluded.{name} ELSE {table}.{name} END"
        elif name == "synced_at":  # a refresh by notification keeps what sync saw
            value = f"COALESCE(excluded.{name}, {table}.{name})"
        else:
            value = f"excluded.{name}"
        assignments.append(f"{name} = {value}")
    return (
        f"INSERT INTO {table} ({', '.join(names)}) VALUES {', '.join([values] * count)} "
        f"ON CONFLICT (url) DO UPDATE SET {', '.join(assignments)} "
        # an older refresh (started before the one that wrote the row) never overwrites it
        f"WHERE {table}.fetched_at <= excluded.fetched_at"
    )


def upsert(rows: Iterable[Mapping[str, Any]]) -> None:
    """Insert or update rows by URL, all in one statement: safe with any number of werkplek
    instances writing at once, as the database decides (``ON CONFLICT``). A URL given twice
    is written once, as last given (one statement may not change a row twice)."""
    by_url = {row["url"]: row for row in rows}
    if not by_url:
        return
    database = connections[DEFAULT_DB_ALIAS]  # once, not per value: a page has thousands
    params = [
        field.get_db_prep_save(row[field.name], database) for row in by_url.values() for field in _COLUMNS
    ]
    with database.cursor() as cursor:
        cursor.execute(_statement(len(by_url)), params)
