"""The choices of the work lists' filters: zaaktypen and statussen from the Catalogi API (through
the client, as everything the werkplek reads), kept a minute per process, so a list page does not
ask the catalogue each time; teams and staff from the werkplek's own accounts."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import Group, User
from django.db.models import Q

from zaakwerk.client import ZGWClient
from zaakwerk.web.roles import Role
from zaakwerk.werkplek.access import Access

TTL_SECONDS = 60


@dataclass(frozen=True)
class Catalogus:
    #: identificatie → omschrijving (of the latest version)
    zaaktypen: dict[str, str]
    #: identificatie → the omschrijvingen of its statustypen
    statussen: dict[str, list[str]]


_cache: dict[str, tuple[float, Catalogus]] = {}
_lock = threading.Lock()


def catalogus(client: ZGWClient, key: str) -> Catalogus:
    with _lock:
        found = _cache.get(key)
        if found is not None and found[0] > time.monotonic():
            return found[1]
    latest: dict[str, tuple[date, str]] = {}
    identificatie_of: dict[str, str] = {}
    for zaaktype in client.catalogi.zaaktypen.list():
        version = zaaktype.versiedatum or zaaktype.begin_geldigheid or date.min
        if zaaktype.identificatie not in latest or latest[zaaktype.identificatie][0] <= version:
            latest[zaaktype.identificatie] = (version, zaaktype.omschrijving)
        identificatie_of[zaaktype.url] = zaaktype.identificatie
    zaaktypen = {identificatie: omschrijving for identificatie, (_, omschrijving) in latest.items()}
    statussen: dict[str, list[str]] = {}
    for statustype in sorted(client.catalogi.statustypen.list(), key=lambda item: item.volgnummer):
        identificatie = identificatie_of.get(statustype.zaaktype)
        if identificatie and statustype.omschrijving not in statussen.setdefault(identificatie, []):
            statussen[identificatie].append(statustype.omschrijving)
    made = Catalogus(zaaktypen, statussen)
    with _lock:
        _cache[key] = (time.monotonic() + TTL_SECONDS, made)
    return made


def from_rows() -> Catalogus:
    """The choices the read model itself knows: when the catalogue cannot be read now, the lists
    still work (a slower query, on this rare path only)."""
    from zaakwerk.werkplek.models import ZaakRow

    zaaktypen: dict[str, str] = {}
    statussen: dict[str, list[str]] = {}
    pairs = ZaakRow.objects.values_list(
        "zaaktype_identificatie", "zaaktype_omschrijving", "status_omschrijving"
    )
    for identificatie, omschrijving, status in pairs.distinct():
        zaaktypen[identificatie] = omschrijving
        if status and status not in statussen.setdefault(identificatie, []):
            statussen[identificatie].append(status)
    return Catalogus(zaaktypen, statussen)


def clear() -> None:
    with _lock:
        _cache.clear()


def zaaktype_choices(found: Catalogus, access: Access) -> list[tuple[str, str]]:
    return sorted(
        (
            (identificatie, omschrijving)
            for identificatie, omschrijving in found.zaaktypen.items()
            if access.may_see(identificatie)
        ),
        key=lambda item: item[1].lower(),
    )


def status_choices(found: Catalogus, access: Access, zaaktype: str = "") -> list[str]:
    names: list[str] = []
    for identificatie, statussen in found.statussen.items():
        if access.may_see(identificatie) and (not zaaktype or zaaktype == identificatie):
            names += [name for name in statussen if name not in names]
    return sorted(names, key=str.lower)


def teams() -> list[str]:
    """Every team (a group not named after a role) whose name fits a rol's identificatie."""
    roles = {role.value for role in Role}
    return sorted(
        name
        for name in Group.objects.exclude(name__in=roles).values_list("name", flat=True)
        if len(name) <= 24
    )


def handlers() -> list[tuple[str, str]]:
    """Staff who may handle zaken (behandelaar or coördinator, by group or grant): (username, name)."""
    roles = [Role.BEHANDELAAR.value, Role.COORDINATOR.value]
    users = (
        User.objects.filter(is_active=True)
        .filter(Q(groups__name__in=roles) | Q(groups__werkplek_grants__role__in=roles))
        .distinct()
        .order_by("last_name", "username")
        .values_list("username", "first_name", "last_name")  # no model per user: a list page asks this
    )
    # as User.get_full_name(), without a model instance per member of staff
    return [(name, f"{f'{first} {last}'.strip() or name} ({name})") for name, first, last in users]
