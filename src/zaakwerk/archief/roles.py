"""Who may do what in the archief (docs/adr/0080).

Records management is organisation-wide, so the archief's roles hold for every zaaktype and come
from groups: ``recordmanager`` (the werkplek's role of that name, as a group or as a werkplek grant
on every zaaktype), ``reviewer`` and ``archivaris``. One person never acts in two roles on one
list: the reviewer is not the list's composer, the archivaris neither of them.
"""

from __future__ import annotations

from enum import StrEnum

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, Group, User
from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from zaakwerk.web.roles import Role
from zaakwerk.werkplek.access import access_for


class ArchiefRole(StrEnum):
    RECORDMANAGER = Role.RECORDMANAGER.value
    REVIEWER = "reviewer"
    ARCHIVARIS = "archivaris"

    @property
    def label(self) -> Promise:
        return LABELS[self]


LABELS: dict[ArchiefRole, Promise] = {
    ArchiefRole.RECORDMANAGER: _("Recordmanager"),
    ArchiefRole.REVIEWER: _("Beoordelaar"),
    ArchiefRole.ARCHIVARIS: _("Archivaris"),
}


def archief_roles(user: AbstractBaseUser | AnonymousUser) -> frozenset[ArchiefRole]:
    """The user's archief roles (none for a visitor or an inactive account)."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    names = set(Group.objects.filter(user__pk=user.pk).values_list("name", flat=True))
    found = {role for role in ArchiefRole if role.value in names}
    if Role.RECORDMANAGER in access_for(user).everywhere:
        found.add(ArchiefRole.RECORDMANAGER)
    return frozenset(found)


def users_with(role: ArchiefRole) -> QuerySet[User]:
    """The active accounts in the role's group, by name."""
    return User.objects.filter(is_active=True, groups__name=role.value).order_by(
        "first_name", "last_name", "username"
    )


def display_name(user: AbstractBaseUser | AnonymousUser) -> str:
    full = user.get_full_name().strip() if hasattr(user, "get_full_name") else ""
    return full or user.get_username()
