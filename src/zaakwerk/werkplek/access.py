"""Who may do what on which zaaktype in the werkplek (docs/adr/0054).

A user's roles per zaaktype come from their groups: a group named after a role has that role on
every zaaktype, and :class:`~zaakwerk.werkplek.models.RoleGrant` rows give a group a role on one
zaaktype (by its ``identificatie``, so every version) or on all. Any role lets a user see the
zaken of that zaaktype; which role may do which action is the zaaktype's handling parameters'
business. Every door of the werkplek (lists, the zaak page, search, documents, actions) asks
:class:`Access` before it shows or changes anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, Group

from zaakwerk.client import ZGWClient
from zaakwerk.web.roles import Role

ALL = ""  # the zaaktype_identificatie of a grant on every zaaktype


@dataclass(frozen=True)
class Access:
    """A user's roles: on every zaaktype, and per zaaktype identificatie."""

    everywhere: frozenset[Role] = frozenset()
    per_zaaktype: dict[str, frozenset[Role]] = field(default_factory=dict)

    def roles(self, zaaktype_identificatie: str) -> frozenset[Role]:
        return self.everywhere | self.per_zaaktype.get(zaaktype_identificatie, frozenset())

    def may(self, role: Role, zaaktype_identificatie: str) -> bool:
        return role in self.roles(zaaktype_identificatie)

    def may_see(self, zaaktype_identificatie: str) -> bool:
        return bool(self.roles(zaaktype_identificatie))

    def zaaktypen(self, role: Role | None = None) -> frozenset[str] | None:
        """The zaaktype identificaties on which the user has ``role`` (any role: ``None``);
        ``None`` as the answer means every zaaktype."""
        if (role is None and self.everywhere) or (role is not None and role in self.everywhere):
            return None
        return frozenset(
            identificatie
            for identificatie, roles in self.per_zaaktype.items()
            if (role is None and roles) or (role is not None and role in roles)
        )

    @property
    def any_role(self) -> bool:
        return bool(self.everywhere) or any(self.per_zaaktype.values())


def access_for(user: AbstractBaseUser | AnonymousUser) -> Access:
    """The roles of ``user`` (none for a visitor who is not logged in or not active)."""
    if not user.is_authenticated or not user.is_active:
        return Access()
    from zaakwerk.werkplek.models import RoleGrant

    groups = Group.objects.filter(user__pk=user.pk)
    names = set(groups.values_list("name", flat=True))
    everywhere = {role for role in Role if role.value in names}
    per_zaaktype: dict[str, set[Role]] = {}
    for role_name, identificatie in RoleGrant.objects.filter(group__in=groups).values_list(
        "role", "zaaktype_identificatie"
    ):
        role = Role(role_name)
        if identificatie == ALL:
            everywhere.add(role)
        else:
            per_zaaktype.setdefault(identificatie, set()).add(role)
    return Access(
        frozenset(everywhere),
        {key: frozenset(roles) for key, roles in per_zaaktype.items()},
    )


def team_names(user: AbstractBaseUser | AnonymousUser) -> list[str]:
    """The user's teams: their groups that are not named after a role. A zaak is assigned to a
    team as a behandelaar rol of betrokkeneType organisatorische_eenheid with the team's name."""
    if not user.is_authenticated:
        return []
    roles = {role.value for role in Role}
    names = Group.objects.filter(user__pk=user.pk).values_list("name", flat=True)
    return sorted(name for name in names if name not in roles)


def zaaktype_identificatie(client: ZGWClient, zaaktype_url: str) -> str:
    """The identificatie of the zaaktype at ``zaaktype_url`` (shared by all its versions)."""
    return client.catalogi.zaaktypen.get(zaaktype_url).identificatie
