"""The reviewed workflow of a destruction list (docs/adr/0081), as verbs.

concept ──submit──▶ ter_beoordeling ──approve_review──▶ bij_archivaris ──approve──▶ goedgekeurd
   ▲                     │ send_back                          │ send_back              │ run
   └──── teruggestuurd ◀─┴────────────────────────────────────┘                        ▼
                                                                                  vernietigd

A recordmanager composes a list, excludes zaken (with a reason) and submits it to a reviewer of
their choice; the reviewer approves it or sends it back with a comment per zaak; an archivaris
approves it or sends it back. One person acts in one role per list. Each verb checks who and in
which state, changes the list in one transaction, writes who did it and when, and mails the next
person.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zaakwerk.archief.models import Action, DestructionList, DestructionListItem, ListEvent, ListState
from zaakwerk.archief.roles import ArchiefRole, archief_roles, display_name
from zaakwerk.archief.services import mail
from zaakwerk.archief.services.selection import Candidate


class WorkflowError(Exception):
    """What the user asked cannot be done now; ``message`` says why, for the page."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


EDITABLE = (ListState.CONCEPT, ListState.TERUGGESTUURD)


def _require(user: User, role: ArchiefRole) -> None:
    if role not in archief_roles(user):
        raise WorkflowError(_("Dit mag alleen een %(rol)s.") % {"rol": str(role.label).lower()})


def _event(found: DestructionList, user: User, action: Action, comment: str = "") -> None:
    now = timezone.now()
    ListEvent.objects.create(
        destruction_list=found,
        at=now,
        username=user.get_username(),
        name=display_name(user),
        action=action,
        comment=comment,
    )
    found.updated_at = now


def _locked(found: DestructionList) -> DestructionList:
    """``found`` as it is now, its row locked until the transaction ends (the caller's object is
    brought up to date, so it sees the change it asked for)."""
    DestructionList.objects.select_for_update().filter(pk=found.pk).exists()
    found.refresh_from_db()
    return found


def on_open_lists(urls: Iterable[str]) -> set[str]:
    """Which of the zaken at ``urls`` are on a list that is not destroyed (and not excluded)."""
    return set(
        DestructionListItem.objects.filter(zaak_url__in=list(urls), excluded=False)
        .exclude(destruction_list__state=ListState.VERNIETIGD)
        .values_list("zaak_url", flat=True)
    )


def compose(user: User, naam: str, zaken: Iterable[Candidate]) -> DestructionList:
    """A new concept list of ``zaken`` (all with archiefnominatie vernietigen)."""
    _require(user, ArchiefRole.RECORDMANAGER)
    naam = naam.strip()
    if not naam:
        raise WorkflowError(_("Geef de lijst een naam."))
    chosen = list(zaken)
    if not chosen:
        raise WorkflowError(_("Kies ten minste één zaak."))
    wrong = [zaak.identificatie for zaak in chosen if zaak.archiefnominatie != "vernietigen"]
    if wrong:
        raise WorkflowError(
            _("Deze zaken hebben niet de archiefnominatie vernietigen: %(zaken)s.")
            % {"zaken": ", ".join(wrong)}
        )
    busy = set(
        DestructionListItem.objects.filter(zaak_url__in=[zaak.url for zaak in chosen], excluded=False)
        .exclude(destruction_list__state=ListState.VERNIETIGD)
        .values_list("identificatie", flat=True)
    )
    if busy:
        raise WorkflowError(
            _("Deze zaken staan al op een andere lijst: %(zaken)s.") % {"zaken": ", ".join(sorted(busy))}
        )
    with transaction.atomic():
        found = DestructionList.objects.create(naam=naam[:200], created_by=user)
        DestructionListItem.objects.bulk_create(
            [
                DestructionListItem(
                    destruction_list=found,
                    position=position,
                    zaak_url=zaak.url,
                    identificatie=zaak.identificatie,
                    bronorganisatie=zaak.bronorganisatie,
                    omschrijving=zaak.omschrijving[:80],
                    zaaktype_url=zaak.zaaktype,
                    zaaktype_identificatie=zaak.zaaktype_identificatie,
                    zaaktype_omschrijving=zaak.zaaktype_omschrijving[:80],
                    selectielijstklasse=zaak.selectielijstklasse,
                    selectielijstklasse_label=zaak.selectielijstklasse_label[:300],
                    resultaat=zaak.resultaat[:200],
                    archiefactiedatum=zaak.archiefactiedatum,
                    einddatum=zaak.einddatum,
                )
                for position, zaak in enumerate(chosen)
            ],
            batch_size=500,
        )
        _event(found, user, Action.AANGEMAAKT, _("%(aantal)d zaken") % {"aantal": len(chosen)})
        found.save(update_fields=["updated_at"])
    return found


def exclude(user: User, found: DestructionList, item_pk: int, reason: str) -> DestructionListItem:
    """Take a zaak off the list (it stays on it, marked, with the reason)."""
    _require(user, ArchiefRole.RECORDMANAGER)
    reason = reason.strip()
    if not reason:
        raise WorkflowError(_("Geef de reden waarom de zaak wordt uitgezonderd."))
    with transaction.atomic():
        found = _locked(found)
        if found.state not in EDITABLE:
            raise WorkflowError(_("De lijst kan in deze stand niet meer worden gewijzigd."))
        item = found.items.select_for_update().get(pk=item_pk)
        if item.excluded:
            raise WorkflowError(_("Deze zaak is al uitgezonderd."))
        item.excluded = True
        item.exclusion_reason = reason
        item.save(update_fields=["excluded", "exclusion_reason"])
        _event(found, user, Action.UITGEZONDERD, f"{item.identificatie}: {reason}")
        found.save(update_fields=["updated_at"])
    return item


def include(user: User, found: DestructionList, item_pk: int) -> DestructionListItem:
    """Undo an exclusion."""
    _require(user, ArchiefRole.RECORDMANAGER)
    with transaction.atomic():
        found = _locked(found)
        if found.state not in EDITABLE:
            raise WorkflowError(_("De lijst kan in deze stand niet meer worden gewijzigd."))
        item = found.items.select_for_update().get(pk=item_pk)
        item.excluded = False
        item.exclusion_reason = ""
        item.save(update_fields=["excluded", "exclusion_reason"])
        _event(found, user, Action.OPGENOMEN, item.identificatie)
        found.save(update_fields=["updated_at"])
    return item


def submit(user: User, found: DestructionList, reviewer: User | None) -> DestructionList:
    """Offer the list to ``reviewer`` (a reviewer, not the composer)."""
    _require(user, ArchiefRole.RECORDMANAGER)
    if reviewer is None or ArchiefRole.REVIEWER not in archief_roles(reviewer):
        raise WorkflowError(_("Kies een beoordelaar."))
    if reviewer.pk in (user.pk, found.created_by_id):
        raise WorkflowError(_("Wie de lijst samenstelt, kan haar niet zelf beoordelen."))
    with transaction.atomic():
        found = _locked(found)
        if found.state not in EDITABLE:
            raise WorkflowError(_("De lijst is al aangeboden."))
        if not found.items.filter(excluded=False).exists():
            raise WorkflowError(_("Er staat geen zaak meer op de lijst die vernietigd kan worden."))
        found.items.exclude(review_comment="").update(review_comment="")
        found.state = ListState.TER_BEOORDELING
        found.reviewer = reviewer
        _event(found, user, Action.INGEDIEND, display_name(reviewer))
        found.save(update_fields=["state", "reviewer", "updated_at"])
    mail.to_reviewer(found, [reviewer])
    return found


def send_back(
    user: User, found: DestructionList, comment: str, item_comments: Mapping[int, str]
) -> DestructionList:
    """The reviewer (or the archivaris) sends the list back, with a comment per zaak."""
    comments = {pk: text.strip() for pk, text in item_comments.items() if text.strip()}
    comment = comment.strip()
    with transaction.atomic():
        found = _locked(found)
        _may_judge(user, found)
        if not comments and not comment:
            raise WorkflowError(_("Schrijf bij ten minste één zaak, of bij de lijst, waarom zij terug moet."))
        items = {item.pk: item for item in found.items.filter(pk__in=list(comments))}
        for pk, text in comments.items():
            if pk in items:
                items[pk].review_comment = text
        DestructionListItem.objects.bulk_update(list(items.values()), ["review_comment"])
        lines = [f"{items[pk].identificatie}: {text}" for pk, text in comments.items() if pk in items]
        found.state = ListState.TERUGGESTUURD
        _event(found, user, Action.TERUGGESTUURD, "\n".join([comment, *lines]).strip())
        found.save(update_fields=["state", "updated_at"])
    mail.sent_back(found)
    return found


def approve(user: User, found: DestructionList, comment: str = "") -> DestructionList:
    """The reviewer's approval moves the list to the archivaris; the archivaris's approves it for
    destruction."""
    with transaction.atomic():
        found = _locked(found)
        role = _may_judge(user, found)
        if role is ArchiefRole.REVIEWER:
            found.state = ListState.BIJ_ARCHIVARIS
            _event(found, user, Action.BEOORDEELD, comment.strip())
        else:
            found.state = ListState.GOEDGEKEURD
            _event(found, user, Action.GOEDGEKEURD, comment.strip())
        found.save(update_fields=["state", "updated_at"])
    if found.state == ListState.BIJ_ARCHIVARIS:
        mail.to_archivarissen(found)
    else:
        mail.approved(found)
    return found


def _may_judge(user: User, found: DestructionList) -> ArchiefRole:
    """The role in which ``user`` judges the list now, or WorkflowError."""
    roles = archief_roles(user)
    if found.state == ListState.TER_BEOORDELING:
        if ArchiefRole.REVIEWER not in roles or found.reviewer_id != user.pk:
            raise WorkflowError(_("Alleen de gekozen beoordelaar beoordeelt deze lijst."))
        return ArchiefRole.REVIEWER
    if found.state == ListState.BIJ_ARCHIVARIS:
        if ArchiefRole.ARCHIVARIS not in roles:
            raise WorkflowError(_("Dit mag alleen een archivaris."))
        if user.pk in (found.created_by_id, found.reviewer_id):
            raise WorkflowError(
                _("Wie de lijst samenstelde of beoordeelde, kan haar niet ook als archivaris goedkeuren.")
            )
        return ArchiefRole.ARCHIVARIS
    raise WorkflowError(_("De lijst wacht nu niet op een beoordeling."))


def next_actor(found: DestructionList) -> str:
    """Who the list waits for, for the page."""
    if found.state in EDITABLE:
        return display_name(found.created_by)
    if found.state == ListState.TER_BEOORDELING and found.reviewer is not None:
        return display_name(found.reviewer)
    if found.state == ListState.BIJ_ARCHIVARIS:
        return str(ArchiefRole.ARCHIVARIS.label)
    if found.state == ListState.GOEDGEKEURD:  # the destruction, started by either
        return _("De vernietiging (een recordmanager of archivaris start haar)")
    return ""
