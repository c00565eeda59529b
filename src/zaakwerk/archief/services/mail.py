"""E-mail to whoever a destruction list waits for next (``ZAAKWERK_EMAIL_*``; without an SMTP
server the mail is written to the log): the reviewer when it is offered, every archivaris when the
reviewer approved it, the composer when it is sent back, approved for destruction, and destroyed.
A mail that cannot be sent does not undo the step: the list's page shows whom it waits for."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _

from zaakwerk.archief.models import DestructionList
from zaakwerk.archief.roles import ArchiefRole, display_name, users_with

logger = logging.getLogger(__name__)


def _link(found: DestructionList) -> str:
    return f"{settings.PUBLIC_URL}{reverse('archief:lijst', args=[found.uuid])}"


def _send(subject: str, body: str, users: Iterable[User]) -> int:
    addresses = sorted({user.email for user in users if user.email})
    if not addresses:
        return 0
    try:
        return send_mail(subject, body, None, addresses)
    except OSError:
        logger.warning("mail about a destruction list not sent to %s", addresses, exc_info=True)
        return 0


def to_reviewer(found: DestructionList, reviewers: Iterable[User]) -> int:
    subject = _("Vernietigingslijst ter beoordeling: %(naam)s") % {"naam": found.naam}
    body = _("%(wie)s vraagt je de vernietigingslijst “%(naam)s” te beoordelen.\n\n%(link)s\n") % {
        "wie": display_name(found.created_by),
        "naam": found.naam,
        "link": _link(found),
    }
    return _send(subject, body, reviewers)


def to_archivarissen(found: DestructionList) -> int:
    subject = _("Vernietigingslijst ter goedkeuring: %(naam)s") % {"naam": found.naam}
    body = _(
        "De beoordelaar heeft de vernietigingslijst “%(naam)s” goedgekeurd; zij wacht op de "
        "goedkeuring van een archivaris.\n\n%(link)s\n"
    ) % {"naam": found.naam, "link": _link(found)}
    others = [
        user
        for user in users_with(ArchiefRole.ARCHIVARIS)
        if user.pk not in (found.created_by_id, found.reviewer_id)
    ]
    return _send(subject, body, others)


def sent_back(found: DestructionList) -> int:
    subject = _("Vernietigingslijst teruggestuurd: %(naam)s") % {"naam": found.naam}
    body = _("De vernietigingslijst “%(naam)s” is teruggestuurd, met opmerkingen.\n\n%(link)s\n") % {
        "naam": found.naam,
        "link": _link(found),
    }
    return _send(subject, body, [found.created_by])


def approved(found: DestructionList) -> int:
    """The archivaris approved: the composer may start the destruction (or the cron run will)."""
    subject = _("Vernietigingslijst goedgekeurd: %(naam)s") % {"naam": found.naam}
    body = _(
        "De archivaris heeft de vernietigingslijst “%(naam)s” goedgekeurd. De zaken kunnen nu "
        "worden vernietigd.\n\n%(link)s\n"
    ) % {"naam": found.naam, "link": _link(found)}
    return _send(subject, body, [found.created_by])


def destroyed(found: DestructionList) -> int:
    subject = _("Vernietigingslijst vernietigd: %(naam)s") % {"naam": found.naam}
    body = _(
        "De zaken van de vernietigingslijst “%(naam)s” zijn vernietigd; de verklaring van "
        "vernietiging is opgemaakt.\n\n%(link)s\n"
    ) % {"naam": found.naam, "link": _link(found)}
    return _send(subject, body, [found.created_by])
