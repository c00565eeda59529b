"""Abonnementen: create, change, delete (RULES.md 7).

Rules, checked before anything is stored:
- every kanaal named must exist (``kanaal_naam``) and be named once (``unique``);
- the filter keys of a kanaal must be among that kanaal's ``filters``
  (``inconsistent-abonnement-filters``); a value ``"*"``, like a key left out, admits every value;
- the callback URL must accept a test notificatie with ``auth`` (:mod:`.callback`), checked
  whenever ``callbackUrl`` or ``auth`` is sent, outside the database transaction so no lock is held
  while a subscriber answers.

``auth`` is a credential of the subscriber; responses carry it masked (ADR 0014). A client that
sends the masked value back unchanged (GET, edit, PUT) keeps the stored one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypedDict

from django.db import transaction

from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import ErrorCollector
from zaakwerk.notificaties.delivery.queue import TYPE_FILTER
from zaakwerk.notificaties.models import Abonnement, AbonnementKanaal, Kanaal
from zaakwerk.notificaties.services.callback import verify_callback
from zaakwerk.notificaties.services.common import record

RESOURCE = "abonnement"
MASK = "****"


@dataclass(frozen=True)
class KanaalFilters:
    """One entry of ``kanalen``: a kanaal by name and the filters on its kenmerken."""

    naam: str
    filters: Mapping[str, str] = field(default_factory=dict)


class AbonnementValues(TypedDict, total=False):
    """The fields a change of an abonnement gives (all three for PUT, those sent for PATCH)."""

    callback_url: str
    auth: str
    kanalen: list[KanaalFilters]


@dataclass(frozen=True)
class AbonnementData:
    callback_url: str
    auth: str
    kanalen: Sequence[KanaalFilters]


def masked_auth(auth: str) -> str:
    """``auth`` as responses show it: the scheme (``Bearer``, ``Token``…) and no credential."""
    scheme, space, _ = auth.partition(" ")
    return f"{scheme} {MASK}" if space and scheme else MASK


def represent_kanalen(abonnement: Abonnement) -> list[dict[str, Any]]:
    links = abonnement.kanalen.select_related("kanaal").order_by("id")
    return [{"naam": link.kanaal.naam, "filters": dict(link.filters)} for link in links]


def render_abonnement(abonnement: Abonnement) -> dict[str, Any]:
    """The abonnement as the API shows it and the audit trail records it: the credential masked."""
    return {
        "url": abonnement.url,
        "callbackUrl": abonnement.callback_url,
        "auth": masked_auth(abonnement.auth),
        "kanalen": represent_kanalen(abonnement),
    }


def _resolve_kanalen(kanalen: Sequence[KanaalFilters]) -> list[tuple[Kanaal, dict[str, str]]]:
    """The kanalen named, with their filters; every rule broken is reported at once."""
    errors = ErrorCollector()
    known = {k.naam: k for k in Kanaal.objects.filter(naam__in=[item.naam for item in kanalen])}
    resolved: list[tuple[Kanaal, dict[str, str]]] = []
    seen: set[str] = set()
    for index, item in enumerate(kanalen):
        kanaal = known.get(item.naam)
        if kanaal is None:
            errors.add(f"kanalen.{index}.naam", "kanaal_naam", f"Er bestaat geen kanaal '{item.naam}'.")
            continue
        if item.naam in seen:
            errors.add(f"kanalen.{index}.naam", "unique", f"Het kanaal '{item.naam}' staat er al in.")
            continue
        seen.add(item.naam)
        # the CloudEvent type filter (ADR 0016) is not a kenmerk but is allowed on every kanaal
        unknown = sorted(set(item.filters) - set(kanaal.filters) - {TYPE_FILTER})
        if unknown:
            errors.add(
                f"kanalen.{index}.filters",
                "inconsistent-abonnement-filters",
                f"Kanaal '{kanaal.naam}' heeft geen kenmerk {', '.join(unknown)}; "
                f"filteren kan op: {', '.join(kanaal.filters) or 'niets'}.",
            )
            continue
        resolved.append((kanaal, dict(item.filters)))
    errors.raise_if_any()
    return resolved


def _set_kanalen(abonnement: Abonnement, kanalen: list[tuple[Kanaal, dict[str, str]]]) -> None:
    AbonnementKanaal.objects.filter(abonnement=abonnement).delete()
    AbonnementKanaal.objects.bulk_create(
        AbonnementKanaal(abonnement=abonnement, kanaal=kanaal, filters=filters) for kanaal, filters in kanalen
    )


def create_abonnement(data: AbonnementData, actor: Actor) -> Abonnement:
    kanalen = _resolve_kanalen(data.kanalen)
    verify_callback(data.callback_url, data.auth)
    with transaction.atomic():
        abonnement = Abonnement.objects.create(
            callback_url=data.callback_url, auth=data.auth, client_id=actor.client_id
        )
        _set_kanalen(abonnement, kanalen)
        record(
            RESOURCE,
            abonnement.url,
            "create",
            actor,
            weergave=abonnement.callback_url,
            oud=None,
            nieuw=render_abonnement(abonnement),
        )
    return abonnement


def update_abonnement(
    abonnement: Abonnement, changes: AbonnementValues, actor: Actor, *, partial: bool
) -> Abonnement:
    """Change an abonnement. ``changes`` has the fields sent, all three unless ``partial``
    (not changed here); ``kanalen`` replaces the whole set."""
    callback_url = changes.get("callback_url", abonnement.callback_url)
    auth = changes.get("auth", abonnement.auth)
    if auth == masked_auth(abonnement.auth):
        auth = abonnement.auth  # the masked value read earlier, sent back unchanged
    kanalen = _resolve_kanalen(changes["kanalen"]) if "kanalen" in changes else None
    if "callback_url" in changes or "auth" in changes:
        verify_callback(callback_url, auth)
    with transaction.atomic():
        # one change of an abonnement at a time, so its kanalen are never a mix of two requests
        Abonnement.objects.select_for_update().filter(pk=abonnement.pk).first()
        oud = render_abonnement(abonnement)
        abonnement.callback_url = callback_url
        abonnement.auth = auth
        abonnement.save(update_fields=["callback_url", "auth", "updated_at"])
        if kanalen is not None:
            _set_kanalen(abonnement, kanalen)
        record(
            RESOURCE,
            abonnement.url,
            "partial_update" if partial else "update",
            actor,
            weergave=abonnement.callback_url,
            oud=oud,
            nieuw=render_abonnement(abonnement),
        )
    return abonnement


def delete_abonnement(abonnement: Abonnement, actor: Actor) -> None:
    """Remove an abonnement; its pending deliveries go with it (there is no one to deliver to)."""
    with transaction.atomic():
        oud = render_abonnement(abonnement)
        url = abonnement.url
        abonnement.delete()
        record(RESOURCE, url, "destroy", actor, weergave=oud["callbackUrl"], oud=oud, nieuw=None)
