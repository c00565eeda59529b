"""What every write of the Notificaties register records: its audit trail line.

The Notificaties API defines no kanaal of its own, so a change of a kanaal or an abonnement is
announced to nobody; it is still recorded in the audit trail (bron ``nrc``), in its transaction.
"""

from __future__ import annotations

from typing import Any

from zaakwerk.core.actor import Actor
from zaakwerk.core.changes import Change, record_change

BRON = "nrc"


def record(resource: str, url: str, actie: str, actor: Actor, *, weergave: str, oud: Any, nieuw: Any) -> None:
    record_change(
        Change(
            bron=BRON,
            kanaal=None,
            resource=resource,
            resource_url=url,
            actie=actie,
            hoofd_object=url,
            kenmerken={},
            resource_weergave=weergave,
            oud=oud,
            nieuw=nieuw,
        ),
        actor,
    )
