"""Keeping the Zaken register's zaakbesluit in step with a besluit's ``zaak`` (brc-006).

A Zaken register in this process shares the transaction: it is called inside it, and a refusal
rolls the whole operation back. A remote one reads the besluit back over HTTP, so it can only be
called once the besluit is committed (see :mod:`zaakwerk.besluiten.services.besluiten`).
"""

from __future__ import annotations

import logging

from zaakwerk.besluiten import registers
from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import NON_FIELD, ValidationError

logger = logging.getLogger("zaakwerk.besluiten")


def refused(api: str, exc: registers.RegisterError) -> ValidationError:
    return ValidationError.single(
        NON_FIELD, "remote-relation-failed", f"De relatie kon niet in de {api} API worden vastgelegd: {exc}"
    )


def in_process(zaak: str) -> bool:
    return not zaak or registers.zaken(zaak).in_process


def link(zaak: str, besluit: str, actor: Actor) -> None:
    """Create the zaakbesluit of (zaak, besluit); 400 remote-relation-failed when refused."""
    if not zaak:
        return
    try:
        registers.zaken(zaak).link_besluit(zaak, besluit, actor)
    except registers.RegisterError as exc:
        raise refused("Zaken", exc) from exc


def unlink(zaak: str, besluit: str, actor: Actor, *, strict: bool) -> None:
    """Remove the zaakbesluit of (zaak, besluit); a remote failure is only logged unless ``strict``."""
    if not zaak:
        return
    try:
        registers.zaken(zaak).unlink_besluit(zaak, besluit, actor)
    except registers.RegisterError as exc:
        if strict:
            raise refused("Zaken", exc) from exc
        logger.warning("zaakbesluit of %s at %s not removed", besluit, zaak, exc_info=True)
