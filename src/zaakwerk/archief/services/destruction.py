"""Destroying an approved list across the registers, resumably (docs/adr/0082).

Per zaak, each step is committed in the archief's table after the registers did it:

1. ``gepland``: read the zaak (still due? else ``overgeslagen``), its deelzaken, their besluiten
   and the documents linked to nothing else, and record them; nothing is deleted before this.
2. ``besluiten``: delete the besluiten (the Besluiten API deletes their document links).
3. ``zaak``: delete the deelzaken and the zaak (the Zaken API deletes statussen, rollen,
   resultaat, zaakobjecten, eigenschappen and document links with them).
4. ``vernietigd``: delete the recorded documents, now linked to nothing; clear the omschrijving.

A run that stops anywhere starts again at the step recorded; a delete of what is already gone
(404) counts as done, so the zaak is always finished, never left half. The identities stay in the
list's table; when every item is done, the verklaring van vernietiging is made (``verklaring``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zaakwerk.archief.models import Action, DestructionList, DestructionListItem, ListEvent, ListState, Step
from zaakwerk.archief.services import lock, mail, verklaring
from zaakwerk.client import HTTPStatusError, ZGWClient
from zaakwerk.client.api import Collection

logger = logging.getLogger(__name__)

REASON = "Vernietiging volgens vernietigingslijst"
DONE = (Step.VERNIETIGD, Step.OVERGESLAGEN)
BATCH = 200
# the lock's heartbeat, well within lock.STALE_AFTER
BEAT_SECONDS = 5.0


class DestructionError(Exception):
    """The run cannot go on (the message says why); what was done stays done."""


@dataclass
class RunReport:
    lists: int = 0
    destroyed: int = 0
    skipped: int = 0
    remaining: int = 0
    finished: bool = True


def run(
    client: ZGWClient,
    *,
    list_uuid: str | None = None,
    seconds: float | None = None,
    stale_after: timedelta = lock.STALE_AFTER,
    after_step: Callable[[DestructionListItem], None] | None = None,
) -> RunReport:
    """Destroy every approved list (or the one with ``list_uuid``), for at most about ``seconds``.

    Raises :class:`lock.Busy` when another run is busy. ``after_step`` is called after each step
    is committed (the tests stop a run there).
    """
    report = RunReport()
    deadline = time.monotonic() + seconds if seconds is not None else None
    with lock.held(stale_after) as held:
        lists = DestructionList.objects.filter(state=ListState.GOEDGEKEURD).order_by("updated_at", "pk")
        if list_uuid:
            lists = lists.filter(uuid=list_uuid)
        for found in list(lists):
            report.lists += 1
            if not _destroy_list(client, found, held, report, deadline, after_step):
                report.finished = False
                break
    return report


def _destroy_list(
    client: ZGWClient,
    found: DestructionList,
    held: lock.Lock,
    report: RunReport,
    deadline: float | None,
    after_step: Callable[[DestructionListItem], None] | None,
) -> bool:
    verklaring.zaaktype(client)  # no destruction without the means to record it
    if not found.events.filter(action=Action.VERNIETIGING_GESTART).exists():
        ListEvent.objects.create(
            destruction_list=found,
            username="",
            name=_("Zaakwerk archief"),
            action=Action.VERNIETIGING_GESTART,
        )
    pending = found.items.filter(excluded=False).exclude(step__in=DONE).order_by("position", "pk")
    last_beat = time.monotonic()
    while True:
        batch = list(pending[:BATCH])
        if not batch:
            break
        for item in batch:
            destroy_item(client, item, after_step)
            if item.step == Step.VERNIETIGD:
                report.destroyed += 1
            else:
                report.skipped += 1
            if time.monotonic() - last_beat > BEAT_SECONDS:
                held.beat()
                last_beat = time.monotonic()
            if deadline is not None and time.monotonic() > deadline:
                report.remaining = pending.count()
                return report.remaining == 0 and _finish(client, found)
    return _finish(client, found)


def _finish(client: ZGWClient, found: DestructionList) -> bool:
    """Every item is done: the verklaring, and the list is destroyed; its composer is told."""
    if verklaring.make(client, found):
        mail.destroyed(found)
    return True


def destroy_item(
    client: ZGWClient,
    item: DestructionListItem,
    after_step: Callable[[DestructionListItem], None] | None = None,
) -> None:
    """Take one zaak from where its last run stopped to ``vernietigd`` (or ``overgeslagen``)."""
    steps: list[tuple[Step, Callable[[ZGWClient, DestructionListItem], None]]] = [
        (Step.OPEN, _plan),
        (Step.GEPLAND, _delete_besluiten),
        (Step.BESLUITEN, _delete_zaken),
        (Step.ZAAK, _delete_documenten),
    ]
    for step, action in steps:
        if item.step == step:
            action(client, item)
            if after_step is not None:
                after_step(item)


def _save(item: DestructionListItem, step: Step, **fields: Any) -> None:
    for name, value in fields.items():
        setattr(item, name, value)
    item.step = step
    with transaction.atomic():
        item.save(update_fields=["step", *fields])


def _due(zaak: Any, today: date) -> str:
    """Why the zaak may not be destroyed now ("" when it may)."""
    if zaak.archiefnominatie != "vernietigen":
        return _("De archiefnominatie is niet meer vernietigen.")
    if zaak.archiefstatus != "nog_te_archiveren":
        return _("De archiefstatus is niet meer nog te archiveren.")
    if zaak.einddatum is None:
        return _("De zaak is heropend.")
    if zaak.archiefactiedatum is None or zaak.archiefactiedatum > today:
        return _("De archiefactiedatum is nog niet verstreken.")
    return ""


def _plan(client: ZGWClient, item: DestructionListItem) -> None:
    try:
        zaak = client.zaken.zaken.get(item.zaak_url)
    except HTTPStatusError as exc:
        if exc.status != 404:
            raise
        _save(item, Step.OVERGESLAGEN, skip_reason=_("De zaak bestond niet meer."), omschrijving="")
        return
    reason = _due(zaak, timezone.localdate())
    if reason:
        _save(item, Step.OVERGESLAGEN, skip_reason=reason)
        return
    zaken = [zaak.url]
    level = list(zaak.deelzaken)
    while level:  # deelzaken go with their hoofdzaak (zrc-023), so their records do too
        zaken.extend(level)
        level = [deel for url in level for deel in client.zaken.zaken.get(url).deelzaken]
    besluiten = [besluit.url for url in zaken for besluit in client.besluiten.besluiten.list(zaak=url)]
    candidates: list[str] = []
    for url in zaken:
        for link in client.zaken.zaakinformatieobjecten.list(zaak=url):
            candidates.append(link.informatieobject)
    for url in besluiten:
        for bio in client.besluiten.besluitinformatieobjecten.list(besluit=url):
            candidates.append(bio.informatieobject)
    own = set(zaken) | set(besluiten)
    documenten: list[str] = []
    behouden: list[str] = []
    for url in dict.fromkeys(candidates):
        links = client.documenten.objectinformatieobjecten.list(informatieobject=url)
        (documenten if all(link.object in own for link in links) else behouden).append(url)
    plan = {"zaken": zaken, "besluiten": besluiten, "documenten": documenten, "behouden": behouden}
    _save(item, Step.GEPLAND, plan=plan)


def _gone(collection: Collection[Any], url: str) -> bool:
    """Delete ``url``; True also when it was gone already. False when the register refuses."""
    try:
        collection.delete(url, toelichting=REASON)
    except HTTPStatusError as exc:
        if exc.status == 404:
            return True
        if exc.status in (400, 409):
            return False
        raise
    return True


def _delete_besluiten(client: ZGWClient, item: DestructionListItem) -> None:
    besluiten = item.plan.get("besluiten", [])
    for url in besluiten:
        if not _gone(client.besluiten.besluiten, url):
            raise DestructionError(f"besluit {url} not deleted")
    if besluiten:
        _save(item, Step.BESLUITEN)
    else:  # nothing was deleted: a restart may as well begin at this step again
        item.step = Step.BESLUITEN


def _delete_zaken(client: ZGWClient, item: DestructionListItem) -> None:
    for url in reversed(item.plan.get("zaken", [])):  # the deepest deelzaak first, the zaak last
        if not _gone(client.zaken.zaken, url):
            raise DestructionError(f"zaak {url} not deleted")
    _save(item, Step.ZAAK)


def _delete_documenten(client: ZGWClient, item: DestructionListItem) -> None:
    kept = []
    for url in item.plan.get("documenten", []):
        if not _gone(client.documenten.enkelvoudiginformatieobjecten, url):
            # linked to another zaak or besluit since the plan was made: no longer only this zaak's
            kept.append(url)
    plan = dict(item.plan)
    if kept:
        plan["documenten"] = [url for url in plan["documenten"] if url not in kept]
        plan["behouden"] = [*plan.get("behouden", []), *kept]
    _save(item, Step.VERNIETIGD, plan=plan, omschrijving="", destroyed_at=timezone.now())
