"""The staff roles of the web applications.

A role is given through a Django group of the same name (from the OIDC groups claim or set by
an administrator). Which role allows what per zaaktype belongs to the werkplek's handling
parameters; this module only names the roles.
"""

from __future__ import annotations

from enum import StrEnum

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, Group
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Role(StrEnum):
    RAADPLEGER = "raadpleger"
    BEHANDELAAR = "behandelaar"
    COORDINATOR = "coördinator"
    RECORDMANAGER = "recordmanager"
    BEHEERDER = "beheerder"

    @property
    def label(self) -> Promise:
        return LABELS[self]


LABELS: dict[Role, Promise] = {
    Role.RAADPLEGER: _("Raadpleger"),
    Role.BEHANDELAAR: _("Behandelaar"),
    Role.COORDINATOR: _("Coördinator"),
    Role.RECORDMANAGER: _("Recordmanager"),
    Role.BEHEERDER: _("Beheerder"),
}


def roles_of(user: AbstractBaseUser | AnonymousUser) -> list[Role]:
    """The user's roles, in the order of :class:`Role`: the groups named after a role."""
    if not user.is_authenticated:
        return []
    names = set(Group.objects.filter(user__pk=user.pk).values_list("name", flat=True))
    return [role for role in Role if role.value in names]
