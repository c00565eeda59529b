"""The handling parameters of zaaktypen as plain JSON, to carry them in a catalogus export beside
the Catalogi API's files and to restore them from one (docs/beheer.md, docs/adr/0097).

One item per zaaktype identificatie: the parameters with their tasks per status and mail
templates, without database keys, in a fixed order, so the same parameters give the same JSON.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from zaakwerk.web.roles import Role
from zaakwerk.werkplek.handling import Actie
from zaakwerk.werkplek.models import HandlingParameters, MailTemplate, StatusTask, Task

Item = dict[str, Any]

_TASK_FIELDS = {"statustype_omschrijving": 80, "kind": 30, "title": 200, "group": 150}
_MAIL_FIELDS = {"name": 80, "subject": 200}


def export(identificaties: Iterable[str]) -> list[Item]:
    """The saved parameters of these zaaktypen (a zaaktype without saved parameters is left out)."""
    found = (
        HandlingParameters.objects.filter(zaaktype_identificatie__in=set(identificaties))
        .prefetch_related("status_tasks", "mail_templates")
        .order_by("zaaktype_identificatie")
    )
    return [
        {
            "zaaktype_identificatie": parameters.zaaktype_identificatie,
            "default_group": parameters.default_group,
            "max_verlenging_dagen": parameters.max_verlenging_dagen,
            "permissions": {
                key: sorted(value) for key, value in sorted(dict(parameters.permissions).items())
            },
            "status_tasks": sorted(
                (
                    {
                        "statustype_omschrijving": task.statustype_omschrijving,
                        "kind": task.kind,
                        "title": task.title,
                        "group": task.group,
                        "due_days": task.due_days,
                    }
                    for task in parameters.status_tasks.all()
                ),
                key=lambda task: (task["statustype_omschrijving"], task["title"], task["kind"]),
            ),
            "mail_templates": sorted(
                (
                    {"name": mail.name, "subject": mail.subject, "body": mail.body}
                    for mail in parameters.mail_templates.all()
                ),
                key=lambda mail: (mail["name"], mail["subject"]),
            ),
        }
        for parameters in found
    ]


def _text_problems(where: str, item: Any, limits: dict[str, int], required: Iterable[str]) -> list[str]:
    found = []
    for name, limit in limits.items():
        value = item.get(name, "")
        if not isinstance(value, str) or len(value) > limit or (name in required and not value):
            found.append(
                _("%(waar)s: %(veld)s moet tekst van hoogstens %(max)s tekens zijn.")
                % {"waar": where, "veld": name, "max": limit}
            )
    return found


def _item_problems(item: Any, identificaties: set[str]) -> list[str]:
    if not isinstance(item, dict):
        return [_("Behandelparameters: elk item moet een object zijn.")]
    identificatie = item.get("zaaktype_identificatie")
    where = _("Behandelparameters van %(naam)s") % {"naam": identificatie}
    found: list[str] = []
    if identificatie not in identificaties:
        found.append(_("%(waar)s: dit zaaktype staat niet in ZaakType.json.") % {"waar": where})
    found += _text_problems(where, item, {"default_group": 24}, ())
    verlenging = item.get("max_verlenging_dagen")
    if verlenging is not None and (not isinstance(verlenging, int) or not 1 <= verlenging <= 3650):
        found.append(_("%(waar)s: max_verlenging_dagen moet leeg of 1 tot 3650 zijn.") % {"waar": where})
    permissions = item.get("permissions", {})
    actions, roles = {actie.value for actie in Actie}, {role.value for role in Role}
    if not isinstance(permissions, dict) or any(
        key not in actions or not isinstance(value, list) or not set(value) <= roles
        for key, value in permissions.items()
    ):
        found.append(_("%(waar)s: permissions noemt een onbekende actie of rol.") % {"waar": where})
    kinds = {str(value) for value in Task.Kind.values}
    for task in item.get("status_tasks", []) if isinstance(item.get("status_tasks", []), list) else [None]:
        if not isinstance(task, dict):
            found.append(_("%(waar)s: status_tasks moet een lijst van objecten zijn.") % {"waar": where})
            continue
        found += _text_problems(where, task, _TASK_FIELDS, ("statustype_omschrijving", "kind", "title"))
        if task.get("kind") not in kinds:
            found.append(
                _("%(waar)s: onbekende soort taak %(soort)r.") % {"waar": where, "soort": task.get("kind")}
            )
        due = task.get("due_days")
        if not isinstance(due, int) or not 1 <= due <= 365:
            found.append(_("%(waar)s: due_days moet 1 tot 365 zijn.") % {"waar": where})
    for mail in (
        item.get("mail_templates", []) if isinstance(item.get("mail_templates", []), list) else [None]
    ):
        if not isinstance(mail, dict) or not isinstance(mail.get("body"), str) or not mail.get("body"):
            found.append(
                _("%(waar)s: elk e-mailsjabloon heeft een naam, onderwerp en tekst.") % {"waar": where}
            )
            continue
        found += _text_problems(where, mail, _MAIL_FIELDS, tuple(_MAIL_FIELDS))
    return found


def problems(items: list[Any], identificaties: set[str]) -> list[str]:
    """Why ``items`` cannot be restored for the zaaktypen ``identificaties`` of an import (empty
    when they can): a well-formed item per zaaktype of the import, none that exists here already."""
    found: list[str] = []
    seen: set[str] = set()
    for item in items:
        found += _item_problems(item, identificaties)
        identificatie = str(item.get("zaaktype_identificatie")) if isinstance(item, dict) else ""
        if identificatie in seen:
            found.append(
                _("Behandelparameters van %(naam)s staan er meer dan eens in.") % {"naam": identificatie}
            )
        seen.add(identificatie)
    existing = HandlingParameters.objects.filter(zaaktype_identificatie__in=seen).values_list(
        "zaaktype_identificatie", flat=True
    )
    found += [
        _("Zaaktype %(naam)s heeft hier al behandelparameters; er is niets geïmporteerd.") % {"naam": name}
        for name in sorted(existing)
    ]
    return found


@transaction.atomic
def restore(items: list[Item]) -> int:
    """Create the parameters of checked ``items`` (see :func:`problems`); how many."""
    for item in items:
        parameters = HandlingParameters.objects.create(
            zaaktype_identificatie=item["zaaktype_identificatie"],
            default_group=item.get("default_group", ""),
            max_verlenging_dagen=item.get("max_verlenging_dagen"),
            permissions=item.get("permissions", {}),
        )
        StatusTask.objects.bulk_create(
            StatusTask(
                parameters=parameters,
                due_days=task["due_days"],
                **{name: task.get(name, "") for name in _TASK_FIELDS},
            )
            for task in item.get("status_tasks", [])
        )
        MailTemplate.objects.bulk_create(
            MailTemplate(parameters=parameters, name=mail["name"], subject=mail["subject"], body=mail["body"])
            for mail in item.get("mail_templates", [])
        )
    return len(items)
