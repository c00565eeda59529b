"""Submitting a draft: checked whole, claimed once (a double submit makes one zaak), registered,
confirmed. A later try (``zaakwerk formulieren retry``) finishes what a failure left."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from zaakwerk.client import ClientError, HTTPStatusError
from zaakwerk.formulieren import zgw
from zaakwerk.formulieren.models import Inzending
from zaakwerk.formulieren.services import bevestiging, concepten
from zaakwerk.formulieren.services.registratie import RegistrationRefused, delete_attachments, register
from zaakwerk.loket.identity import Identity

logger = logging.getLogger(__name__)
# a submission still "ingediend" after this long was interrupted (a process stopped): retry it
STUCK_AFTER = timedelta(minutes=5)


class Incomplete(Exception):
    """A visible step has a required field still empty."""

    def __init__(self, step: str) -> None:
        super().__init__(step)
        self.step = step


def claim(draft: uuid.UUID, identity: Identity | None, session_key: str) -> tuple[Inzending, bool]:
    """Turn the draft into a submission, once: ``(inzending, claimed)``; ``claimed`` is False when
    it was submitted before (a double submit), and then nothing more happens."""
    with transaction.atomic():
        inzending = concepten.load(draft, identity, session_key, for_update=True)
        if inzending.staat != Inzending.Staat.CONCEPT:
            return inzending, False
        concepten.check_login(concepten.definition_of(inzending), identity)
        step = concepten.incomplete_step(inzending)
        if step is not None:
            raise Incomplete(step)
        inzending.staat = Inzending.Staat.INGEDIEND
        inzending.ingediend = timezone.now()
        inzending.save(update_fields=["staat", "ingediend"])
    return inzending, True


def process(inzending: Inzending) -> Inzending:
    """Register the claimed submission and send its confirmation.

    RegistrationRefused (nothing was registered yet) puts it back as a draft and is raised for the
    visitor to read. Any other failure leaves it for a retry, with the reason kept."""
    client = zgw.client(referentie=inzending.referentie)
    inzending.pogingen += 1
    try:
        register(client, inzending, at_once=zgw.is_this_deployment())
    except RegistrationRefused as exc:
        if not inzending.stappen.exists():
            inzending.staat = Inzending.Staat.CONCEPT
            inzending.ingediend = None
        else:
            inzending.staat = Inzending.Staat.MISLUKT
        inzending.fout = str(exc)
        inzending.save(update_fields=["staat", "ingediend", "fout", "pogingen"])
        raise
    except (ClientError, HTTPStatusError) as exc:
        logger.warning("registering submission %s failed: %s", inzending.referentie, exc)
        inzending.staat = Inzending.Staat.MISLUKT
        inzending.fout = str(exc)[:2000]
        inzending.save(update_fields=["staat", "fout", "pogingen"])
        return inzending
    with transaction.atomic():
        inzending.staat = Inzending.Staat.GEREGISTREERD
        inzending.fout = ""
        inzending.save(update_fields=["staat", "fout", "pogingen", "zaak", "zaak_identificatie", "zaaktype"])
        delete_attachments(inzending)
    definition = concepten.definition_of(inzending)
    state = concepten.state(inzending)
    if not inzending.bevestiging_verstuurd and bevestiging.send(inzending, definition, state.values):
        inzending.bevestiging_verstuurd = True
        inzending.save(update_fields=["bevestiging_verstuurd"])
    return inzending


def submit(draft: uuid.UUID, identity: Identity | None, session_key: str) -> Inzending:
    """Submit the visitor's draft; see :func:`claim` and :func:`process`."""
    inzending, claimed = claim(draft, identity, session_key)
    if not claimed:
        return inzending
    return process(inzending)


def retry(*, now: datetime | None = None) -> list[Inzending]:
    """Try again every submission whose registration failed or was interrupted; each one is
    claimed by raising its number of tries, so two workers never take the same one."""
    moment = now or timezone.now()
    pending = Inzending.objects.select_related("versie__formulier").filter(
        staat__in=[Inzending.Staat.MISLUKT, Inzending.Staat.INGEDIEND]
    )
    done: list[Inzending] = []
    for inzending in pending:
        if (
            inzending.staat == Inzending.Staat.INGEDIEND
            and inzending.ingediend
            and inzending.ingediend > moment - STUCK_AFTER
        ):
            continue  # being registered right now
        claimed = Inzending.objects.filter(pk=inzending.pk, pogingen=inzending.pogingen).update(
            pogingen=inzending.pogingen + 1, staat=Inzending.Staat.INGEDIEND, ingediend=moment
        )
        if not claimed:
            continue
        inzending.refresh_from_db()
        inzending.pogingen -= 1  # process() counts this try
        try:
            done.append(process(inzending))
        except RegistrationRefused as exc:
            logger.warning("submission %s refused: %s", inzending.referentie, exc)
            done.append(inzending)
    return done
