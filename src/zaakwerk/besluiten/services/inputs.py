"""The input of the Besluiten register's service functions, keyed by model field name (docs/adr/0050).

A ``TypedDict`` whose keys are all optional: a PATCH gives only the fields it sent. The endpoint
builds it field by field, so a renamed model field is a type error in the endpoint and in the
service alike. The services read it and never change it.
"""

from datetime import date
from typing import TypedDict

# No ``from __future__ import annotations``: a ``TypedDict``'s keys are read at run time.


class BesluitValues(TypedDict, total=False):
    """A besluit's fields: all of them to create (``verantwoordelijke_organisatie``,
    ``besluittype``, ``datum`` and ``ingangsdatum`` at least) or replace, those sent to patch.
    ``zaak`` is a URL; None for zaak or vervalreden is stored as the empty string."""

    identificatie: str
    verantwoordelijke_organisatie: str
    besluittype: str
    zaak: str | None
    datum: date
    toelichting: str
    bestuursorgaan: str
    ingangsdatum: date
    vervaldatum: date | None
    vervalreden: str | None
    publicatiedatum: date | None
    verzenddatum: date | None
    uiterlijke_reactiedatum: date | None
