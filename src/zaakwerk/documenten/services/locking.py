"""Locking (drc-009, drc-010; RULES.md 4.2) and completing an upload in parts on unlock (4.4)."""

from __future__ import annotations

import secrets

from django.db import transaction

from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import NON_FIELD, ValidationError
from zaakwerk.documenten import storage
from zaakwerk.documenten.models import EnkelvoudigInformatieObject, EnkelvoudigInformatieObjectVersie
from zaakwerk.documenten.services import content


def new_lock() -> str:
    return secrets.token_hex(16)


def check_lock(eio: EnkelvoudigInformatieObject, lock: str | None) -> None:
    """A write needs the document locked, and the lock value sent: ``unlocked`` /
    ``missing-lock-id`` / ``incorrect-lock-id``."""
    if not eio.lock:
        raise ValidationError.single(NON_FIELD, "unlocked", "Het informatieobject is niet gelockt.")
    if not lock:
        raise ValidationError.single(NON_FIELD, "missing-lock-id", "Het lock-id ontbreekt.")
    if not secrets.compare_digest(lock, eio.lock):
        raise ValidationError.single(NON_FIELD, "incorrect-lock-id", "Het lock-id is onjuist.")


@transaction.atomic
def lock_informatieobject(eio: EnkelvoudigInformatieObject) -> str:
    """Take the lock; a locked document cannot be locked again (``existing-lock``)."""
    eio = EnkelvoudigInformatieObject.objects.select_for_update().get(pk=eio.pk)
    if eio.lock:
        raise ValidationError.single(NON_FIELD, "existing-lock", "Het informatieobject is al gelockt.")
    eio.lock = new_lock()
    eio.save(update_fields=["lock"])
    return eio.lock


def unlock_informatieobject(
    eio: EnkelvoudigInformatieObject, lock: str | None, actor: Actor, *, force: bool
) -> None:
    """Release the lock (or force it with ``documenten.geforceerd-unlock``); uploaded parts are
    merged into the current version's file first, which needs every part (``incomplete-upload``)."""
    with storage.staging():
        eio = EnkelvoudigInformatieObject.objects.select_for_update().get(pk=eio.pk)
        if not force:
            check_lock(eio, lock)
        inhoud = content.merge_parts(eio)
        if inhoud is not None:
            versie = EnkelvoudigInformatieObjectVersie.objects.get(latest_of=eio)
            versie.inhoud = inhoud
            versie.bestandsomvang = inhoud.omvang
            versie.save(update_fields=["inhoud", "bestandsomvang"])
        eio.lock = ""
        eio.save(update_fields=["lock"])
