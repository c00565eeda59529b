"""Who may see and change which besluiten: the one door for every read and write (STYLE.md 4).

A caller's autorisaties for component ``brc`` name besluittypen (RULES.md 1.7); besluiten have
no vertrouwelijkheidaanduiding. Lists filter in SQL with the same rule a single besluit is
checked with. Besluitinformatieobjecten pass through :func:`access_besluit` with their besluit.
"""

from __future__ import annotations

import uuid as uuid_lib

from django.db.models import QuerySet

from zaakwerk.besluiten.models import Besluit
from zaakwerk.core.caller import Caller
from zaakwerk.core.errors import NotFound, PermissionDenied
from zaakwerk.core.visibility import Within, within, within_types

COMPONENT = "brc"


def visibility(caller: Caller, scope: str) -> Within | None:
    """The SQL condition for besluiten ``caller`` may use with ``scope``; None = all of them."""
    # a besluittype among the caller's autorisaties for this scope (core.visibility: the one
    # rule, in SQL; besluiten have no vertrouwelijkheidaanduiding)
    return within_types(caller.types_with_scope(COMPONENT, scope), "besluittype")


def visible_besluiten(caller: Caller, scope: str) -> QuerySet[Besluit]:
    condition = visibility(caller, scope)
    rows = Besluit.objects.all()
    return rows if condition is None else rows.filter(condition)


def may_access(caller: Caller, besluittype: str, scope: str) -> bool:
    """The same rule as :func:`visibility`, for one besluittype."""
    # no restriction, or the besluittype among the caller's autorisaties for this scope
    return within(caller.types_with_scope(COMPONENT, scope), besluittype, None)


def access_besluit(caller: Caller, key: uuid_lib.UUID | str, *, scope: str) -> Besluit:
    """The besluit ``key`` if ``caller`` may use it with ``scope``: 404 absent, 403 not allowed."""
    try:
        value = key if isinstance(key, uuid_lib.UUID) else uuid_lib.UUID(str(key))
    except ValueError:
        raise NotFound() from None
    besluit = Besluit.objects.filter(uuid=value).first()
    # absent → 404
    if besluit is None:
        raise NotFound()
    # no autorisatie with this scope for its besluittype → 403
    if not may_access(caller, besluit.besluittype, scope):
        raise PermissionDenied()
    return besluit
