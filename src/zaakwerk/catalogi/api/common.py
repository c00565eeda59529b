"""Helpers shared by the Catalogi endpoints."""

from __future__ import annotations

import uuid as uuid_lib
from datetime import date
from typing import TypeVar

from django.db.models import Manager, Model, QuerySet
from django.http import HttpRequest

from zaakwerk.api.auth import authenticate
from zaakwerk.core.caller import Caller
from zaakwerk.core.errors import NotFound

COMPONENT = "ztc"
READ = ("catalogi.lezen",)
WRITE = ("catalogi.schrijven",)
WRITE_OR_FORCED = ("catalogi.schrijven", "catalogi.geforceerd-schrijven")
DELETE_OR_FORCED = ("catalogi.schrijven", "catalogi.geforceerd-verwijderen")
# ztc-014: components reading zaken or documenten may read the catalogue they refer to.
READ_ZAAKTYPE = ("catalogi.lezen", "zaken.lezen", "documenten.lezen")

M = TypeVar("M", bound=Model)


def caller_with(request: HttpRequest, *scopes: str) -> Caller:
    """Authenticate and require one of ``scopes``; 401/403 in the standard's format."""
    caller = authenticate(request)
    caller.require_scope(*scopes)
    return caller


def get_by_uuid(queryset: QuerySet[M, M] | Manager[M], value: str) -> M:
    try:
        key = uuid_lib.UUID(value)
    except ValueError:
        raise NotFound() from None
    found = queryset.filter(uuid=key).first()
    if found is None:
        raise NotFound()
    return found


def iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None
