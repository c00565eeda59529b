"""Who a visitor of the loket is: the identity a login (DigiD, eHerkenning or the development
login) established, kept in the session.

Everything in the loket that depends on the visitor (Mijn zaken, prefilled form fields, the
initiator of a submitted form) reads it through :func:`current` and nothing else.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

from django.http import HttpRequest

SESSION_KEY = "zaakwerk.loket.identity"

Kind = Literal["bsn", "kvk"]
Via = Literal["digid", "eherkenning", "dev"]


@dataclass(frozen=True)
class Identity:
    """A resident (``kind="bsn"``) or a business (``kind="kvk"``, optionally one vestiging)."""

    kind: Kind
    value: str
    via: Via
    name: str = ""
    vestigingsnummer: str = ""

    @property
    def is_resident(self) -> bool:
        return self.kind == "bsn"


def current(request: HttpRequest) -> Identity | None:
    """The visitor's identity, or None when nobody has logged in to the loket."""
    data = request.session.get(SESSION_KEY)
    if not isinstance(data, dict):
        return None
    try:
        return Identity(**data)
    except TypeError:
        return None


def log_in(request: HttpRequest, identity: Identity) -> None:
    """Start a loket session for ``identity`` under a new session key (no session fixation)."""
    request.session.cycle_key()
    request.session[SESSION_KEY] = asdict(identity)


def log_out(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)
    request.session.cycle_key()
