"""The werkplek's handling parameters of a zaaktype, edited on the zaaktype's page in beheer.

They live in the werkplek's tables, keyed by the zaaktype's identificatie (docs/adr/0064); the
rules are the werkplek's (:mod:`zaakwerk.werkplek.handling`). Beheer only saves them in one
transaction and records the change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from zaakwerk.beheer.services.editor import User
from zaakwerk.beheer.services.wijzigingen import record
from zaakwerk.web.roles import Role
from zaakwerk.werkplek import handling
from zaakwerk.werkplek.handling import Actie
from zaakwerk.werkplek.models import HandlingParameters, MailTemplate, StatusTask


def current(identificatie: str) -> HandlingParameters:
    return handling.parameters_for(identificatie)


def initial(parameters: HandlingParameters) -> dict[str, Any]:
    found: dict[str, Any] = {
        "default_group": parameters.default_group,
        "max_verlenging_dagen": parameters.max_verlenging_dagen,
    }
    for actie in Actie:
        found[f"rechten_{actie.value}"] = sorted(role.value for role in handling.roles_for(parameters, actie))
    return found


@transaction.atomic
def save(user: User, identificatie: str, cleaned: Mapping[str, Any]) -> None:
    parameters = handling.parameters_for(identificatie)
    before = initial(parameters)
    parameters.default_group = cleaned["default_group"]
    parameters.max_verlenging_dagen = cleaned["max_verlenging_dagen"]
    chosen: dict[Actie, Iterable[Role]] = {
        actie: [Role(name) for name in cleaned[f"rechten_{actie.value}"]] for actie in Actie
    }
    handling.set_permissions(parameters, chosen)
    parameters.save()
    after = initial(parameters)
    changed = {key: [before.get(key), value] for key, value in after.items() if before.get(key) != value}
    record(
        user,
        "gewijzigd",
        "behandelparameters",
        _("Behandelparameters van %(naam)s gewijzigd") % {"naam": identificatie},
        zaaktype=identificatie,
        details=changed,
    )


@transaction.atomic
def add_task(user: User, identificatie: str, cleaned: Mapping[str, Any]) -> None:
    parameters = handling.parameters_for(identificatie)
    parameters.save()
    task = StatusTask.objects.create(parameters=parameters, **cleaned)
    record(
        user,
        "aangemaakt",
        "taak bij status",
        _("Taak %(titel)s bij status %(status)s van %(naam)s toegevoegd")
        % {"titel": task.title, "status": task.statustype_omschrijving, "naam": identificatie},
        zaaktype=identificatie,
        details={"nieuw": dict(cleaned)},
    )


@transaction.atomic
def add_mail(user: User, identificatie: str, cleaned: Mapping[str, Any]) -> None:
    parameters = handling.parameters_for(identificatie)
    parameters.save()
    mail = MailTemplate.objects.create(parameters=parameters, **cleaned)
    record(
        user,
        "aangemaakt",
        "e-mailsjabloon",
        _("E-mailsjabloon %(naam)s voor %(zaaktype)s toegevoegd")
        % {"naam": mail.name, "zaaktype": identificatie},
        zaaktype=identificatie,
        details={"nieuw": dict(cleaned)},
    )


@transaction.atomic
def remove(user: User, identificatie: str, what: str, pk: int) -> None:
    parameters = HandlingParameters.objects.filter(zaaktype_identificatie=identificatie).first()
    if parameters is None:
        return
    if what == "taak":
        task = StatusTask.objects.filter(parameters=parameters, pk=pk).first()
        if task is None:
            return
        task.delete()
        label = _("Taak %(titel)s van %(naam)s verwijderd") % {"titel": task.title, "naam": identificatie}
        soort = "taak bij status"
    else:
        mail = MailTemplate.objects.filter(parameters=parameters, pk=pk).first()
        if mail is None:
            return
        mail.delete()
        label = _("E-mailsjabloon %(titel)s van %(naam)s verwijderd") % {
            "titel": mail.name,
            "naam": identificatie,
        }
        soort = "e-mailsjabloon"
    record(user, "verwijderd", soort, label, zaaktype=identificatie)
