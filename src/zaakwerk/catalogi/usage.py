"""Whether a catalogue type is still used by another register (a zaak of a zaaktype, a document of an
informatieobjecttype, a besluit of a besluittype).

Catalogi does not know the registers that use its types (they sit above it), so they tell it:
:mod:`zaakwerk.wiring` registers one check per register. Deleting a version that is in use would
leave zaken, documents or besluiten pointing at nothing, so it is refused with a 400, also as a
geforceerd delete.
"""

from __future__ import annotations

from collections.abc import Callable

from zaakwerk.core.errors import NON_FIELD, ValidationError

# (collection, url of the version) -> True when some object of that register uses it
UsageCheck = Callable[[str, str], bool]

_checks: dict[str, UsageCheck] = {}


def register_check(name: str, check: UsageCheck) -> None:
    """Install (or replace) the check of register ``name``."""
    _checks[name] = check


def check_not_in_use(collection: str, url: str) -> None:
    users = [name for name, check in sorted(_checks.items()) if check(collection, url)]
    if users:
        raise ValidationError.single(
            NON_FIELD,
            "pending-relations",
            f"Dit type is nog in gebruik ({', '.join(users)}) en kan niet verwijderd worden.",
        )
