"""Handling parameters per zaaktype: the werkplek's own settings for how the zaken of a zaaktype
are handled (docs/adr/0064), keyed by the zaaktype's identificatie so they hold for every version.

- which roles may do which action (:data:`DEFAULT_PERMISSIONS` unless a beheerder changed them);
- the default team, the maximum verlenging, the tasks started per status and the mail templates.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from zaakwerk.web.roles import Role
from zaakwerk.werkplek.access import Access
from zaakwerk.werkplek.models import HandlingParameters


class Actie(StrEnum):
    """An action on a zaak; the value is its path segment (``…/acties/<actie>/``)."""

    STATUS = "status"
    OPSCHORTEN = "opschorten"
    HERVATTEN = "hervatten"
    VERLENGEN = "verlengen"
    TOEKENNEN = "toekennen"
    VRIJGEVEN = "vrijgeven"
    BESLUIT = "besluit"
    AFSLUITEN = "afsluiten"
    HEROPENEN = "heropenen"
    EMAIL = "email"
    TAAK = "taak"

    @property
    def label(self) -> Promise:
        return LABELS[self]


LABELS: dict[Actie, Promise] = {
    Actie.STATUS: _("Volgende status zetten"),
    Actie.OPSCHORTEN: _("Opschorten"),
    Actie.HERVATTEN: _("Hervatten"),
    Actie.VERLENGEN: _("Verlengen"),
    Actie.TOEKENNEN: _("Toekennen"),
    Actie.VRIJGEVEN: _("Vrijgeven"),
    Actie.BESLUIT: _("Besluit vastleggen"),
    Actie.AFSLUITEN: _("Resultaat kiezen en afsluiten"),
    Actie.HEROPENEN: _("Heropenen"),
    Actie.EMAIL: _("E-mail aan de initiator"),
    Actie.TAAK: _("Taak uitzetten"),
}

_HANDLE = (Role.BEHANDELAAR, Role.COORDINATOR)

#: who may do what when a zaaktype's handling parameters do not say otherwise
DEFAULT_PERMISSIONS: dict[Actie, tuple[Role, ...]] = {
    Actie.STATUS: _HANDLE,
    Actie.OPSCHORTEN: _HANDLE,
    Actie.HERVATTEN: _HANDLE,
    Actie.VERLENGEN: _HANDLE,
    Actie.TOEKENNEN: (Role.COORDINATOR,),
    Actie.VRIJGEVEN: _HANDLE,
    Actie.BESLUIT: _HANDLE,
    Actie.AFSLUITEN: _HANDLE,
    Actie.HEROPENEN: (Role.RECORDMANAGER,),
    Actie.EMAIL: _HANDLE,
    Actie.TAAK: _HANDLE,
}


def parameters_for(zaaktype_identificatie: str) -> HandlingParameters:
    """The zaaktype's parameters; unsaved defaults when a beheerder has set none."""
    found = HandlingParameters.objects.filter(zaaktype_identificatie=zaaktype_identificatie).first()
    return found or HandlingParameters(zaaktype_identificatie=zaaktype_identificatie)


def roles_for(parameters: HandlingParameters, actie: Actie) -> frozenset[Role]:
    """The roles that may do ``actie`` on the zaken of the parameters' zaaktype."""
    configured = parameters.permissions.get(actie.value) if isinstance(parameters.permissions, dict) else None
    if isinstance(configured, list):
        return frozenset(Role(name) for name in configured if name in set(Role))
    return frozenset(DEFAULT_PERMISSIONS[actie])


def permitted(access: Access, zaaktype_identificatie: str, actie: Actie) -> bool:
    """May the user (``access``) do ``actie`` on a zaak of this zaaktype?"""
    allowed = roles_for(parameters_for(zaaktype_identificatie), actie)
    return bool(access.roles(zaaktype_identificatie) & allowed)


def set_permissions(parameters: HandlingParameters, chosen: dict[Actie, Iterable[Role]]) -> None:
    parameters.permissions = {
        actie.value: sorted(role.value for role in roles) for actie, roles in chosen.items()
    }
