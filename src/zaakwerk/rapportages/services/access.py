"""Who may see which report (docs/adr/0091).

A user sees the figures of the zaaktypen on which they have any role — the same rule as the
werkplek's lists, so a report never counts a zaak its reader could not find there. A user with
no role on any zaaktype sees no report at all.
"""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser

from zaakwerk.werkplek.access import Access, access_for


def report_access(user: AbstractBaseUser | AnonymousUser) -> Access | None:
    """The user's roles, or ``None`` when they may see no report."""
    access = access_for(user)
    return access if access.any_role else None
