"""Whether a catalogue type is still used by another register (a zaak of a zaaktype, a document of an
informatieobjecttype, a besluit of a besluittype).

Catalogi does not know the registers that use its types (they sit above it), so each tells it through
:data:`checks`, which the composition root (:mod:`zaakwerk.wiring`) fills at start-up. Deleting a
version that is in use would leave zaken, documents or besluiten pointing at nothing, so it is
refused with a 400, also as a geforceerd delete. Without a check for the type nothing can tell
whether it is in use, so the delete is refused too (:class:`~zaakwerk.core.registry.NotConnected`).
"""

from __future__ import annotations

from typing import Protocol

from zaakwerk.core.errors import NON_FIELD, ValidationError
from zaakwerk.core.registry import Registry

#: The collections whose versions other registers refer to, each with its check.
TYPES = ("zaaktypen", "informatieobjecttypen", "besluittypen")


class UsageCheck(Protocol):
    """Whether objects of one register of this deployment use a version of one kind of type."""

    def __call__(self, url: str, /) -> bool:
        """True when some object refers to the type version ``url``. It runs inside the deleting
        transaction, so it must read the database (never a cache)."""


#: The check of each collection of :data:`TYPES`, by collection name.
checks: Registry[UsageCheck] = Registry("catalogi type usage", required=TYPES)


def check_not_in_use(collection: str, url: str) -> None:
    if checks.get(collection)(url):
        raise ValidationError.single(
            NON_FIELD,
            "pending-relations",
            "Dit type is nog in gebruik en kan niet verwijderd worden.",
        )
