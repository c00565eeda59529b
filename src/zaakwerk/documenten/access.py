"""Who may see and change which informatieobjecten: the one door for every read and write (STYLE.md 4).

A caller's autorisaties for component ``drc`` name informatieobjecttypen, each with a maximum
vertrouwelijkheidaanduiding (RULES.md 1.7). An Applicatie with ``alleenIsGereedVoorPublicatie``
reads only documents with ``isGereedVoorPublicatie=true`` (AC 1.1 / DRC 1.7). Lists filter in
SQL with the same rule a single document is checked with, on its current version. Gebruiksrechten,
objectinformatieobjecten and verzendingen pass through :func:`access_informatieobject` with
their document.
"""

from __future__ import annotations

import uuid as uuid_lib

from django.db.models import Q, QuerySet

from zaakwerk.core.caller import Caller
from zaakwerk.core.errors import NotFound, PermissionDenied
from zaakwerk.core.visibility import within, within_types
from zaakwerk.documenten.models import EnkelvoudigInformatieObject, EnkelvoudigInformatieObjectVersie

COMPONENT = "drc"
# the scopes that read: only for them does alleenIsGereedVoorPublicatie narrow what is visible
READ_SCOPES = frozenset({"documenten.lezen", "audittrails.lezen"})


def visibility(caller: Caller, scope: str, *, gereed_prefix: str = "") -> Q | None:
    """The SQL condition on versions, or on documents (whose rows carry copies of their current
    version's informatieobjecttype and vertrouwelijkheid_rank); None = all. isGereedVoorPublicatie
    is a version's only: on documents pass ``gereed_prefix="latest__"``."""
    # an informatieobjecttype among the caller's autorisaties for this scope, up to that
    # autorisatie's maximum vertrouwelijkheid (core.visibility: the one rule, in SQL)
    allowed = caller.types_with_scope(COMPONENT, scope)
    rule = within_types(allowed, "informatieobjecttype", "vertrouwelijkheid_rank")
    condition = None if rule is None else Q(rule)
    if caller.authorisations.alleen_is_gereed_voor_publicatie and scope in READ_SCOPES:
        gereed = Q(**{f"{gereed_prefix}is_gereed_voor_publicatie": True})
        condition = gereed if condition is None else condition & gereed
    return condition


def visible_informatieobjecten(caller: Caller, scope: str) -> QuerySet[EnkelvoudigInformatieObject]:
    """The documents ``caller`` may use with ``scope``, as a queryset (filtered in SQL)."""
    rows = EnkelvoudigInformatieObject.objects.filter(latest__isnull=False)
    condition = visibility(caller, scope, gereed_prefix="latest__")
    return rows if condition is None else rows.filter(condition)


def may_access(caller: Caller, versie: EnkelvoudigInformatieObjectVersie, scope: str) -> bool:
    """The same rule as :func:`visibility`, for one version in memory."""
    # alleenIsGereedVoorPublicatie: reading needs isGereedVoorPublicatie=true
    gereed_only = caller.authorisations.alleen_is_gereed_voor_publicatie and scope in READ_SCOPES
    if gereed_only and versie.is_gereed_voor_publicatie is not True:
        return False
    # an informatieobjecttype among the caller's autorisaties for this scope, no more
    # confidential than that autorisatie's maximum
    allowed = caller.types_with_scope(COMPONENT, scope)
    return within(allowed, versie.informatieobjecttype, versie.vertrouwelijkheidaanduiding)


def access_informatieobject(
    caller: Caller, key: uuid_lib.UUID | str, *, scope: str | tuple[str, ...]
) -> EnkelvoudigInformatieObject:
    """The document ``key`` (its ``latest`` loaded) if ``caller`` may use it with (one of) ``scope``:
    404 absent, 403 not allowed."""
    try:
        value = key if isinstance(key, uuid_lib.UUID) else uuid_lib.UUID(str(key))
    except ValueError:
        raise NotFound() from None
    eio = EnkelvoudigInformatieObject.objects.select_related("latest").filter(uuid=value).first()
    # absent (or a create that never got its first version) → 404
    if eio is None or eio.latest is None:
        raise NotFound()
    scopes = (scope,) if isinstance(scope, str) else scope
    # no autorisatie with one of the scopes for this informatieobjecttype and vertrouwelijkheid → 403
    if not any(may_access(caller, eio.latest, s) for s in scopes):
        raise PermissionDenied()
    return eio
