"""The werkplek's own tables. Zaken, documenten and besluiten stay in the registers."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from zaakwerk.web.roles import Role


class RoleGrant(models.Model):
    """A group's role for one zaaktype (all its versions), or for every zaaktype.

    A user has the roles of their groups' grants; a group named after a role (``behandelaar``…)
    has that role for every zaaktype without a grant (docs/adr/0054).
    """

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="werkplek_grants")
    role = models.CharField(_("rol"), max_length=20, choices=[(role.value, role.label) for role in Role])
    zaaktype_identificatie = models.CharField(
        _("zaaktype (identificatie)"),
        max_length=50,
        blank=True,
        help_text=_("Leeg: elk zaaktype."),
    )

    class Meta:
        verbose_name = _("rol per zaaktype")
        verbose_name_plural = _("rollen per zaaktype")
        constraints = [
            models.UniqueConstraint(
                fields=["group", "role", "zaaktype_identificatie"], name="werkplek_rolegrant_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.group.name}: {self.role} ({self.zaaktype_identificatie or '*'})"
