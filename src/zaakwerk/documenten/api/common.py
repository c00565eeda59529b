"""Helpers shared by the Documenten endpoints: scopes, authentication, version selection."""

from __future__ import annotations

from django.http import HttpRequest
from pydantic import Field

from zaakwerk.api.auth import authenticate
from zaakwerk.api.moments import DateTime
from zaakwerk.api.params import QuerySchema
from zaakwerk.core.caller import Caller
from zaakwerk.core.errors import NotFound
from zaakwerk.documenten.models import EnkelvoudigInformatieObject, EnkelvoudigInformatieObjectVersie

READ = "documenten.lezen"
CREATE = "documenten.aanmaken"
UPDATE = "documenten.bijwerken"
FORCED_UPDATE = "documenten.geforceerd-bijwerken"
DELETE = "documenten.verwijderen"
LOCK = "documenten.lock"
FORCED_UNLOCK = "documenten.geforceerd-unlock"
AUDIT = "audittrails.lezen"


def caller_with(request: HttpRequest, *scopes: str) -> Caller:
    """Authenticate and require one of ``scopes``; 401/403 in the standard's format."""
    caller = authenticate(request)
    caller.require_scope(*scopes, component="drc")
    return caller


class VersionQuery(QuerySchema):
    versie: int | None = Field(None, ge=1, le=2**31 - 1)
    registratie_op: DateTime | None = Field(None, alias="registratieOp")


def select_version(
    eio: EnkelvoudigInformatieObject, query: VersionQuery
) -> EnkelvoudigInformatieObjectVersie:
    """The version asked for with ``versie`` / ``registratieOp`` (RULES.md 4.3), else the current one."""
    rows = EnkelvoudigInformatieObjectVersie.objects.filter(informatieobject=eio)
    if query.versie is not None:
        rows = rows.filter(versie=query.versie)
    if query.registratie_op is not None:
        rows = rows.filter(begin_registratie__lte=query.registratie_op)
    if query.versie is None and query.registratie_op is None:
        assert eio.latest is not None
        found: EnkelvoudigInformatieObjectVersie | None = eio.latest
    else:
        found = rows.order_by("-versie").first()
    if found is None:
        raise NotFound()
    found.informatieobject = eio
    return found
