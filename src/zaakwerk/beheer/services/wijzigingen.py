"""The record of every change made through beheer: who, what, when (docs/adr/0075)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from zaakwerk.beheer.models import Wijziging
from zaakwerk.beheer.zgw import display_name


def record(
    user: AbstractBaseUser | AnonymousUser,
    actie: str,
    soort: str,
    samenvatting: str,
    *,
    url: str = "",
    zaaktype: str = "",
    details: dict[str, Any] | None = None,
) -> Wijziging:
    """Record one change; ``details`` holds what changed (``{veld: [oud, nieuw]}``) or what was
    created or deleted, as JSON."""
    return Wijziging.objects.create(
        username=user.get_username()[:150],
        naam=display_name(user)[:255],
        actie=actie[:40],
        soort=soort[:40],
        object_url=url[:1000],
        zaaktype_identificatie=zaaktype[:50],
        samenvatting=samenvatting[:500],
        details=details or {},
    )


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """``{veld: [oud, nieuw]}`` for each field of ``after`` whose value differs from ``before``."""
    return {key: [before.get(key), value] for key, value in after.items() if before.get(key) != value}
