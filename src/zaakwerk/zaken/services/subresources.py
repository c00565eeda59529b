"""What every write of a zaak's sub-resource shares: the closed-zaak rule and its record.

A sub-resource change is recorded in its zaak's audit trail (hoofdObject = the zaak) and
announced on kanaal ``zaken`` with the zaak's kenmerken (RULES.md 1.9, 1.11).
"""

from __future__ import annotations

from typing import Any

from zaakwerk.core.actor import Actor
from zaakwerk.core.changes import Change, record_change
from zaakwerk.core.errors import PermissionDenied
from zaakwerk.zaken.models import Zaak
from zaakwerk.zaken.representations import kenmerken


def require_open(zaak: Zaak, *, geforceerd: bool) -> None:
    """zrc-007: once a zaak is closed its data only changes with zaken.geforceerd-bijwerken."""
    if zaak.einddatum is not None and not geforceerd:
        raise PermissionDenied("Deze zaak is afgesloten; wijzigen vereist zaken.geforceerd-bijwerken.")


def record(
    zaak: Zaak,
    resource: str,
    resource_url: str,
    actie: str,
    actor: Actor,
    *,
    weergave: str = "",
    oud: Any = None,
    nieuw: Any = None,
    notify: bool = True,
) -> None:
    """Audit trail line (and, with ``notify``, the notification) of a sub-resource change."""
    record_change(
        Change(
            bron="zrc",
            kanaal="zaken" if notify else None,
            resource=resource,
            resource_url=resource_url,
            actie=actie,
            hoofd_object=zaak.url,
            kenmerken=kenmerken(zaak),
            resource_weergave=weergave,
            oud=oud,
            nieuw=nieuw,
        ),
        actor,
    )
