"""The loket's form of a zaaktype, edited on the zaaktype's page in beheer (docs/adr/0096).

The form lives in the forms' own tables and follows their rules
(:mod:`zaakwerk.formulieren.services.definities`): every save checks the whole definition and
stores it as the form's one concept; a published version never changes. The functions here change
a copy of the working definition (a step, a field, the rules), then save it and record who did
what. The definition's checks name the place
of each problem (``steps.0.fields.2.pattern: …``); :func:`problems_at` puts them at the field.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from zaakwerk.beheer.services.catalogus import Json, Refused
from zaakwerk.beheer.services.editor import User
from zaakwerk.beheer.services.wijzigingen import record
from zaakwerk.formulieren.models import Formulier, Versie
from zaakwerk.formulieren.services import definities

Definition = dict[str, Any]


class Invalid(Exception):
    """The changed definition breaks a rule of the forms; ``problems`` as the check words them."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def of_zaaktype(zaaktype: Json) -> Formulier | None:
    return definities.for_zaaktype(str(zaaktype.get("identificatie")), str(zaaktype.get("catalogus")))


def working(formulier: Formulier) -> Definition:
    """A copy of the definition an edit starts from (the concept, else the published version)."""
    versie = definities.working_version(formulier)
    return copy.deepcopy(versie.definitie) if versie is not None else {"titel": formulier.slug, "steps": []}


def versions(formulier: Formulier) -> list[Versie]:
    return list(formulier.versies.order_by("-nummer"))


def starter(titel: str) -> Definition:
    """A new form's first definition: one step asking for an e-mail address for the confirmation."""
    return {
        "titel": titel,
        "contact": {"emailadres": "email"},
        "steps": [
            {
                "key": "contact",
                "titel": _("Uw gegevens"),
                "fields": [{"key": "email", "type": "email", "label": _("E-mailadres"), "required": True}],
            }
        ],
    }


def create(user: User, zaaktype: Json, slug: str, titel: str) -> Formulier:
    identificatie = str(zaaktype.get("identificatie"))
    if of_zaaktype(zaaktype) is not None:
        raise Refused(_("Dit zaaktype heeft al een formulier."))
    if definities.slug_taken(slug):
        raise Refused(
            _("Er is al een formulier met dit adres."), {"slug": [_("Dit adres is al in gebruik.")]}
        )
    formulier = definities.create_formulier(
        slug, identificatie, str(zaaktype.get("catalogus")), starter(titel)
    )
    record(
        user,
        "aangemaakt",
        "formulier",
        _("Formulier %(slug)s voor %(naam)s aangemaakt (concept)") % {"slug": slug, "naam": identificatie},
        zaaktype=identificatie,
        details={"slug": slug},
    )
    return formulier


def save(user: User, formulier: Formulier, data: Definition, what: str) -> Versie:
    """Store ``data`` as the form's concept; Invalid (nothing stored) when it breaks a rule."""
    try:
        versie = definities.save_concept(formulier, data)
    except definities.DefinitionInvalid as exc:
        raise Invalid(exc.problems) from exc
    record(
        user,
        "gewijzigd",
        "formulier",
        _("Formulier %(slug)s (concept, versie %(nummer)s): %(wat)s")
        % {"slug": formulier.slug, "nummer": versie.nummer, "wat": what},
        zaaktype=formulier.zaaktype_identificatie,
        details={"versie": versie.nummer, "wat": what},
    )
    return versie


def publish(user: User, formulier: Formulier, fit: list[str], *, zaaktype_url: str = "") -> Versie:
    """Publish the concept; refused while it does not fit the zaaktype version (``fit``), whose URL
    the record keeps."""
    concept = definities.concept_of(formulier)
    if concept is None:
        raise Refused(_("Er is geen concept om te publiceren."))
    if fit:
        raise Refused(_("Het formulier past niet bij deze versie van het zaaktype:"), {"": fit})
    try:
        published = definities.publish(concept)
    except definities.DefinitionInvalid as exc:
        raise Invalid(exc.problems) from exc
    record(
        user,
        "gepubliceerd",
        "formulier",
        _("Formulier %(slug)s versie %(nummer)s gepubliceerd")
        % {"slug": formulier.slug, "nummer": published.nummer},
        zaaktype=formulier.zaaktype_identificatie,
        details={"versie": published.nummer},
    )
    return published


def withdraw(user: User, formulier: Formulier) -> None:
    current = definities.published(formulier)
    if current is None:
        raise Refused(_("Er is geen gepubliceerde versie om in te trekken."))
    definities.withdraw(formulier)
    record(
        user,
        "ingetrokken",
        "formulier",
        _("Formulier %(slug)s versie %(nummer)s ingetrokken")
        % {"slug": formulier.slug, "nummer": current.nummer},
        zaaktype=formulier.zaaktype_identificatie,
        details={"versie": current.nummer},
    )


# --- fitting a zaaktype version ---------------------------------------------------------------------


def fit_problems(data: Definition, eigenschappen: Iterable[str]) -> list[str]:
    """What the zaaktype version lacks that the form writes to: each ``eigenschap`` a field names
    must be an eigenschap of the version, or registering a submission is refused."""
    known = set(eigenschappen)
    return [
        _("Veld %(veld)s vult eigenschap %(naam)s, maar die heeft deze versie van het zaaktype niet.")
        % {"veld": item.get("key"), "naam": item["eigenschap"]}
        for step in data.get("steps", [])
        for item in step.get("fields", [])
        if item.get("eigenschap") and item["eigenschap"] not in known
    ]


def fit_warnings(data: Definition, documenttypen: Iterable[str]) -> list[str]:
    """Document types the form names that the zaaktype version lacks: the first of its document
    types is used instead."""
    known = set(documenttypen)
    named = [("documenttype", data.get("documenttype") or "")] + [
        (str(item.get("key")), item.get("informatieobjecttype") or "")
        for step in data.get("steps", [])
        for item in step.get("fields", [])
        if item.get("type") == "file"
    ]
    return [
        _("%(waar)s noemt documenttype %(naam)s, maar deze versie van het zaaktype heeft het niet.")
        % {"waar": where, "naam": name}
        for where, name in named
        if name and name not in known
    ]


# --- changing a copy of the definition ----------------------------------------------------------


def _step_index(data: Definition, key: str) -> int:
    for index, step in enumerate(data.get("steps", [])):
        if step.get("key") == key:
            return index
    raise Refused(_("Deze stap bestaat niet (meer)."))


def _field_index(step: dict[str, Any], key: str) -> int:
    for index, item in enumerate(step.get("fields", [])):
        if item.get("key") == key:
            return index
    raise Refused(_("Dit veld bestaat niet (meer)."))


def _swap(items: list[Any], index: int, step: int) -> None:
    other = index + step
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]


def set_settings(data: Definition, settings: dict[str, Any]) -> Definition:
    """The top-level settings; an empty value leaves the key out."""
    changed = copy.deepcopy(data)
    for key, value in settings.items():
        if value in ("", None, [], {}):
            changed.pop(key, None)
        else:
            changed[key] = value
    return changed


def add_step(data: Definition, step: dict[str, Any]) -> Definition:
    changed = copy.deepcopy(data)
    changed.setdefault("steps", []).append(step)
    return changed


def update_step(data: Definition, key: str, values: dict[str, Any]) -> Definition:
    """The step's own settings (key, titel, inleiding, show_if); its fields stay."""
    changed = copy.deepcopy(data)
    step = changed["steps"][_step_index(changed, key)]
    for name, value in values.items():
        if value in ("", None):
            step.pop(name, None)
        else:
            step[name] = value
    return changed


def remove_step(data: Definition, key: str) -> Definition:
    changed = copy.deepcopy(data)
    del changed["steps"][_step_index(changed, key)]
    return changed


def move_step(data: Definition, key: str, step: int) -> Definition:
    changed = copy.deepcopy(data)
    _swap(changed["steps"], _step_index(changed, key), step)
    return changed


def add_field(data: Definition, step_key: str, item: dict[str, Any]) -> Definition:
    changed = copy.deepcopy(data)
    changed["steps"][_step_index(changed, step_key)].setdefault("fields", []).append(item)
    return changed


def update_field(data: Definition, step_key: str, key: str, item: dict[str, Any]) -> Definition:
    """Replace the field; references to its key elsewhere (rules, contact) are the beheerder's."""
    changed = copy.deepcopy(data)
    step = changed["steps"][_step_index(changed, step_key)]
    step["fields"][_field_index(step, key)] = item
    return changed


def remove_field(data: Definition, step_key: str, key: str) -> Definition:
    changed = copy.deepcopy(data)
    step = changed["steps"][_step_index(changed, step_key)]
    if len(step["fields"]) == 1:
        raise Refused(_("Een stap heeft minstens één veld; verwijder de stap zelf als die weg moet."))
    del step["fields"][_field_index(step, key)]
    return changed


def move_field(data: Definition, step_key: str, key: str, step: int) -> Definition:
    changed = copy.deepcopy(data)
    found = changed["steps"][_step_index(changed, step_key)]
    _swap(found["fields"], _field_index(found, key), step)
    return changed


def set_rules(data: Definition, rules: list[Any]) -> Definition:
    changed = copy.deepcopy(data)
    if rules:
        changed["rules"] = rules
    else:
        changed.pop("rules", None)
    return changed


def problems_at(problems: list[str], prefix: str) -> tuple[dict[str, list[str]], list[str]]:
    """Split the check's problems: those at ``prefix.<name>`` per name (``prefix: …`` under ""),
    and the rest as they are."""
    placed: dict[str, list[str]] = {}
    rest: list[str] = []
    for problem in problems:
        where, _sep, text = problem.partition(": ")
        if prefix and (where == prefix or where.startswith(prefix + ".")):
            name = where[len(prefix) + 1 :].split(".", 1)[0] if where != prefix else ""
            placed.setdefault(name, []).append(text)
        else:
            rest.append(problem)
    return placed, rest


def step_path(data: Definition, key: str) -> str:
    return f"steps.{_step_index(data, key)}"


def field_path(data: Definition, step_key: str, key: str) -> str:
    index = _step_index(data, step_key)
    return f"steps.{index}.fields.{_field_index(data['steps'][index], key)}"
