"""Who may see and change which zaken: the one door for every read and write (STYLE.md 4).

A caller's autorisaties for component ``zrc`` name zaaktypen, each with a maximum
vertrouwelijkheidaanduiding (RULES.md 1.7, zrc-006). Lists filter in SQL with the same rule a
single zaak is checked with, so counts never include what the caller may not see, and the
cost does not grow with the number of zaken. Every sub-resource (status, rol, …) passes
through :func:`access_zaak` with its zaak.
"""

from __future__ import annotations

import uuid as uuid_lib

from django.db.models import QuerySet

from zaakwerk.core.caller import Caller
from zaakwerk.core.errors import NotFound, PermissionDenied
from zaakwerk.core.visibility import Within, within, within_types
from zaakwerk.zaken import queries
from zaakwerk.zaken.models import Zaak

COMPONENT = "zrc"


def visibility(caller: Caller, scope: str) -> Within | None:
    """The SQL condition for zaken ``caller`` may use with ``scope``; None = all of them."""
    # a zaaktype among the caller's autorisaties for this scope, up to that autorisatie's maximum
    # vertrouwelijkheid (core.visibility: the one rule, in SQL)
    return within_types(caller.types_with_scope(COMPONENT, scope), "zaaktype", "vertrouwelijkheid_rank")


def visible_zaken(caller: Caller, scope: str, queryset: QuerySet[Zaak] | None = None) -> QuerySet[Zaak]:
    """The zaken ``caller`` may use with ``scope``, as a queryset (filtered in SQL)."""
    rows = queryset if queryset is not None else Zaak.objects.all()
    condition = visibility(caller, scope)
    return rows if condition is None else rows.filter(condition)


def may_access(caller: Caller, zaak: Zaak, scope: str) -> bool:
    """The same rule as :func:`visibility`, for one zaak in memory."""
    return may_access_type(caller, zaak.zaaktype, zaak.vertrouwelijkheidaanduiding, scope)


def may_access_type(caller: Caller, zaaktype: str, vertrouwelijkheidaanduiding: str, scope: str) -> bool:
    """:func:`may_access` for a zaak known by the two values the rule reads."""
    # a zaaktype among the caller's autorisaties for this scope, no more confidential than its maximum
    return within(caller.types_with_scope(COMPONENT, scope), zaaktype, vertrouwelijkheidaanduiding)


def may_access_any(caller: Caller, zaak: Zaak, scopes: tuple[str, ...]) -> bool:
    return any(may_access(caller, zaak, scope) for scope in scopes)


def access_zaak(caller: Caller, key: uuid_lib.UUID | str, *, scope: str | tuple[str, ...]) -> Zaak:
    """The zaak ``key`` if ``caller`` may use it with (one of) ``scope``: 404 absent, 403 not allowed."""
    try:
        value = key if isinstance(key, uuid_lib.UUID) else uuid_lib.UUID(str(key))
    except ValueError:
        raise NotFound() from None
    zaak = queries.zaak_by_uuid(value)
    # absent → 404
    if zaak is None:
        raise NotFound()
    scopes = (scope,) if isinstance(scope, str) else scope
    # no autorisatie with one of the scopes for this zaaktype and vertrouwelijkheid → 403
    if not may_access_any(caller, zaak, scopes):
        raise PermissionDenied()
    return zaak
