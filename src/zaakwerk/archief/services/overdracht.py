"""After the e-Depot confirmed receipt of a transfer package: the zaken in it recorded as
``overgedragen`` in the Zaken API (docs/adr/0098).

A recordmanager records the e-Depot's confirmation (its date and kenmerk) on the package; then a
run marks each zaak of the package, resumably, through the APIs:

1. check that the zaak is what the package holds: still closed, blijvend bewaren and not yet
   archived, linked to the same documents in the same versions (else the item is ``afgewezen``
   with the reason: it belongs in a new package); the check is committed before anything is
   written, because archiving a document makes a new version of it;
2. every document that is not yet ``gearchiveerd`` gets that status (lock, change, unlock: the
   Documenten API requires the lock);
3. the zaak's archiefstatus becomes ``overgedragen`` (zrc-022 requires step 2 first).

A zaak that is already ``overgedragen`` counts as done, so a run that stopped anywhere finishes
it. A document locked by someone else is a problem of this run only: the zaak stays in the
package's queue and the next run tries again. One run at a time (the lock ``overdracht``).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zaakwerk.archief.models import PackageState, TransferItem, TransferPackage, TransferState
from zaakwerk.archief.roles import ArchiefRole, archief_roles
from zaakwerk.archief.services import lock
from zaakwerk.client import HTTPStatusError, ZGWClient

# the lock's heartbeat, well within lock.STALE_AFTER
BEAT_SECONDS = 5.0
ARCHIVED = "gearchiveerd"
TRANSFERRED = "overgedragen"


class OverdrachtError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Rejected(Exception):
    """The zaak is not what the package holds: it is not marked (the message says why)."""


class TryAgain(Exception):
    """The zaak cannot be marked now (the message says why); the next run tries again."""


def confirm_receipt(
    user: User, package: TransferPackage, *, ontvangen_op: date | None, kenmerk: str, today: date
) -> TransferPackage:
    """Record that the e-Depot confirmed receipt of ``package``; its zaken may now be marked."""
    if ArchiefRole.RECORDMANAGER not in archief_roles(user):
        raise OverdrachtError(_("Dit mag alleen een recordmanager."))
    kenmerk = kenmerk.strip()
    if not kenmerk:
        raise OverdrachtError(_("Geef het kenmerk van de ontvangstbevestiging van het e-Depot."))
    if ontvangen_op is None:
        raise OverdrachtError(_("Geef de datum waarop het e-Depot het pakket ontving."))
    if ontvangen_op > today:
        raise OverdrachtError(_("De datum van ontvangst ligt in de toekomst."))
    with transaction.atomic():
        package = TransferPackage.objects.select_for_update().get(pk=package.pk)
        if ontvangen_op < timezone.localdate(package.created_at):
            raise OverdrachtError(_("De datum van ontvangst ligt voor de dag waarop het pakket is gemaakt."))
        if package.state != PackageState.KLAAR:
            raise OverdrachtError(_("Van dit pakket kan de ontvangst niet (meer) worden vastgelegd."))
        if not package.items.exists():  # made before the package recorded its zaken
            raise OverdrachtError(
                _("Van dit pakket is niet bekend welke documentversies erin zitten; maak het opnieuw.")
            )
        package.state = PackageState.ONTVANGEN
        package.ontvangen_op = ontvangen_op
        package.ontvangstkenmerk = kenmerk[:200]
        package.ontvangst_vastgelegd_door = user
        package.ontvangst_vastgelegd_op = timezone.now()
        package.save()
    return package


@dataclass
class RunReport:
    packages: int = 0
    marked: int = 0
    rejected: int = 0
    #: zaken that could not be marked now (a locked document), left for the next run
    postponed: int = 0
    remaining: int = 0
    finished: bool = True


def run(
    client: ZGWClient,
    *,
    package_uuid: str | None = None,
    seconds: float | None = None,
    stale_after: timedelta = lock.STALE_AFTER,
) -> RunReport:
    """Mark the zaken of every package whose receipt is confirmed (or of the one with
    ``package_uuid``) for at most about ``seconds``. Each zaak waiting is tried once per run.

    Raises :class:`lock.Busy` when another run is busy, a ClientError when a register cannot be
    reached (what was done stays done)."""
    report = RunReport()
    deadline = time.monotonic() + seconds if seconds is not None else None
    with lock.held(stale_after, lock.TRANSFER) as held:
        packages = TransferPackage.objects.filter(state=PackageState.ONTVANGEN).order_by(
            "ontvangst_vastgelegd_op", "pk"
        )
        if package_uuid:
            packages = packages.filter(uuid=package_uuid)
        for package in list(packages):
            report.packages += 1
            if not _mark_package(client, package, held, report, deadline):
                report.finished = False
                break
    if report.postponed:
        report.finished = False
    return report


def _mark_package(
    client: ZGWClient, package: TransferPackage, held: lock.Lock, report: RunReport, deadline: float | None
) -> bool:
    """False when time ran out before every waiting zaak was tried."""
    waiting = list(package.items.filter(state=TransferState.IN_PAKKET).order_by("position", "pk"))
    last_beat = time.monotonic()
    for number, item in enumerate(waiting):
        if deadline is not None and time.monotonic() >= deadline:
            report.remaining += len(waiting) - number
            return False
        try:
            mark(client, item)
        except Rejected as exc:
            _save(item, TransferState.AFGEWEZEN, str(exc))
            report.rejected += 1
        except TryAgain as exc:
            _save(item, TransferState.IN_PAKKET, str(exc))
            report.postponed += 1
        else:
            report.marked += 1
        if time.monotonic() - last_beat >= BEAT_SECONDS:
            held.beat()
            last_beat = time.monotonic()
    if not package.items.filter(state=TransferState.IN_PAKKET).exists():
        package.state = PackageState.OVERGEDRAGEN
        package.overgedragen_op = timezone.now()
        package.save(update_fields=["state", "overgedragen_op"])
    return True


def _save(item: TransferItem, state: str, problem: str = "") -> None:
    item.state = state
    item.problem = problem
    if state == TransferState.OVERGEDRAGEN:
        item.overgedragen_op = timezone.now()
    item.save(update_fields=["state", "problem", "overgedragen_op", "checked"])


def mark(client: ZGWClient, item: TransferItem) -> None:
    """Mark one zaak overgedragen (steps 1-3 of the module's docstring); Rejected or TryAgain."""
    try:
        zaak = client.zaken.zaken.get(item.zaak_url)
    except HTTPStatusError as exc:
        if exc.status == 404:
            raise Rejected(_("De zaak bestaat niet meer.")) from exc
        raise
    if zaak.archiefstatus == TRANSFERRED:  # a run that stopped after the last step
        _save(item, TransferState.OVERGEDRAGEN)
        return
    if not item.checked:
        _check(client, item, zaak.einddatum, zaak.archiefnominatie, zaak.archiefstatus)
        item.checked = True
        item.save(update_fields=["checked"])
    for url, _versie in item.documenten:
        _archive_document(client, url)
    try:
        client.zaken.zaken.partial_update(item.zaak_url, {"archiefstatus": TRANSFERRED})
    except HTTPStatusError as exc:
        if exc.status == 400:  # e.g. a document linked to it since the check
            raise TryAgain(_("Het Zaken API weigerde de archiefstatus: %(fout)s") % {"fout": exc}) from exc
        raise
    _save(item, TransferState.OVERGEDRAGEN)


def _check(
    client: ZGWClient, item: TransferItem, einddatum: date | None, nominatie: str | None, status: str
) -> None:
    if einddatum is None:
        raise Rejected(_("De zaak is heropend."))
    if nominatie != "blijvend_bewaren":
        raise Rejected(_("De zaak heeft niet meer de archiefnominatie blijvend bewaren."))
    if status and status != "nog_te_archiveren":
        raise Rejected(_("De zaak heeft al de archiefstatus %(status)s.") % {"status": status})
    packed = {str(url): versie for url, versie in item.documenten}
    linked = {link.informatieobject for link in client.zaken.zaakinformatieobjecten.list(zaak=item.zaak_url)}
    if linked - set(packed):
        raise Rejected(_("Aan de zaak zijn na het maken van het pakket documenten toegevoegd."))
    if set(packed) - linked:
        raise Rejected(_("Documenten uit het pakket horen niet meer bij de zaak."))
    for url, versie in packed.items():
        document = client.documenten.enkelvoudiginformatieobjecten.get(url)
        if document.versie != versie:
            raise Rejected(
                _("Document %(id)s is gewijzigd na het maken van het pakket (versie %(oud)s, nu %(nieuw)s).")
                % {"id": document.identificatie, "oud": versie, "nieuw": document.versie}
            )


def _archive_document(client: ZGWClient, url: str) -> None:
    documenten = client.documenten
    if documenten.enkelvoudiginformatieobjecten.get(url).status == ARCHIVED:
        return
    try:
        lock_id = documenten.lock(url)
    except HTTPStatusError as exc:
        if exc.status == 400:  # locked by someone else: in bewerking
            raise TryAgain(_("Een document van de zaak is in bewerking (vergrendeld).")) from exc
        raise
    try:
        documenten.enkelvoudiginformatieobjecten.partial_update(url, {"status": ARCHIVED, "lock": lock_id})
    finally:
        documenten.unlock(url, lock_id)
