"""Drafts: a visitor fills in a form step by step, goes back, leaves and resumes later.

A draft belongs to the visitor's login (BSN or KVK-nummer), so it can be resumed in a later
session; without a login it belongs to the browser session that started it. It expires
``ZAAKWERK_FORMULIEREN_DRAFT_DAYS`` after the last change.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zaakwerk.formulieren import definition as definitions
from zaakwerk.formulieren.models import Bijlage, Formulier, Inzending, Versie
from zaakwerk.formulieren.services import velden
from zaakwerk.loket.identity import Identity


class DraftUnavailable(Exception):
    """The draft does not exist, is not the visitor's, or was submitted already."""


class DraftExpired(Exception):
    """The draft was kept too long without a change."""


class LoginRequired(Exception):
    """The form wants a login (of one of ``kinds``) the visitor does not have."""

    def __init__(self, kinds: tuple[str, ...]) -> None:
        super().__init__(", ".join(kinds))
        self.kinds = kinds


def expiry() -> Any:
    return timezone.now() + timedelta(days=int(settings.FORMULIEREN_DRAFT_DAYS))


def definition_of(inzending: Inzending) -> definitions.Definition:
    return definitions.parse(inzending.versie.definitie)


def identity_values(definition: definitions.Definition, identity: Identity | None) -> dict[str, Any]:
    if identity is None:
        return {}
    return {item.key: identity.value for item in definition.fields if item.type == identity.kind}


def check_login(definition: definitions.Definition, identity: Identity | None) -> None:
    if definition.login and (identity is None or identity.kind not in definition.login):
        raise LoginRequired(definition.login)


def start(versie: Versie, identity: Identity | None, session_key: str) -> Inzending:
    """A new draft of the published ``versie`` for this visitor."""
    definition = definitions.parse(versie.definitie)
    check_login(definition, identity)
    return Inzending.objects.create(
        versie=versie,
        identiteit_soort=identity.kind if identity else "",
        identiteit=identity.value if identity else "",
        vestigingsnummer=identity.vestigingsnummer if identity and identity.kind == "kvk" else "",
        sessie="" if identity else session_key,
        waarden=identity_values(definition, identity),
        stap=definition.steps[0].key,
        verloopt=expiry(),
    )


def is_owner(inzending: Inzending, identity: Identity | None, session_key: str) -> bool:
    if inzending.identiteit:
        return identity is not None and (identity.kind, identity.value) == (
            inzending.identiteit_soort,
            inzending.identiteit,
        )
    return bool(session_key) and inzending.sessie == session_key


def load(
    draft: uuid.UUID, identity: Identity | None, session_key: str, *, for_update: bool = False
) -> Inzending:
    """The visitor's draft (still a draft); DraftUnavailable or DraftExpired otherwise."""
    rows = Inzending.objects.select_related("versie__formulier")
    if for_update:
        rows = rows.select_for_update()
    inzending = rows.filter(uuid=draft).first()
    if inzending is None or not is_owner(inzending, identity, session_key):
        raise DraftUnavailable(str(draft))
    if inzending.staat == Inzending.Staat.CONCEPT and inzending.verloopt <= timezone.now():
        raise DraftExpired(str(draft))
    return inzending


def open_drafts(identity: Identity | None, session_key: str) -> list[Inzending]:
    """The visitor's drafts that may still be resumed, newest first."""
    rows = Inzending.objects.select_related("versie__formulier").filter(
        staat=Inzending.Staat.CONCEPT, verloopt__gt=timezone.now()
    )
    if identity is not None:
        rows = rows.filter(identiteit_soort=identity.kind, identiteit=identity.value)
    elif session_key:
        rows = rows.filter(identiteit="", sessie=session_key)
    else:
        return []
    return list(rows.order_by("-aangemaakt")[:20])


def state(inzending: Inzending) -> definitions.State:
    return definitions.resolve(definition_of(inzending), inzending.waarden)


def visible_steps(inzending: Inzending) -> list[definitions.Step]:
    definition = definition_of(inzending)
    shown = set(state(inzending).visible_steps)
    return [step for step in definition.steps if step.key in shown]


def neighbours(inzending: Inzending, step_key: str) -> tuple[str | None, str | None]:
    """The visible steps before and after ``step_key`` (None at either end)."""
    keys = [step.key for step in visible_steps(inzending)]
    if step_key not in keys:
        return (keys[-1] if keys else None), None
    index = keys.index(step_key)
    return (keys[index - 1] if index > 0 else None), (keys[index + 1] if index + 1 < len(keys) else None)


@dataclass(frozen=True)
class StepResult:
    errors: dict[str, str]
    values: dict[str, Any]  # what was posted, cleaned where it could be: to show the form again


@dataclass(frozen=True)
class CheckedStep:
    """A posted step checked against the values so far: errors per field key (empty when valid),
    the values with the step's filled in, and the checked files (description, content)."""

    errors: dict[str, str]
    values: dict[str, Any]
    files: dict[str, tuple[dict[str, Any], bytes]]


def check_step(
    definition: definitions.Definition,
    step: definitions.Step,
    values: Mapping[str, Any],
    data: Mapping[str, str],
    files: Mapping[str, velden.UploadedFile],
    identity: Identity | None,
) -> CheckedStep:
    """Check the posted ``step`` without keeping anything (also what beheer's preview uses)."""
    candidate = dict(values)
    errors: dict[str, str] = {}
    checked_files: dict[str, tuple[dict[str, Any], bytes]] = {}
    for item in step.fields:
        if item.type in definitions.IDENTITY_TYPES or item.key in definition.computed_keys:
            continue
        if item.type == "file":
            upload = files.get(item.key)
            if upload is not None and (upload.content or upload.name):
                try:
                    description = velden.check_file(item, upload)
                except velden.Invalid as exc:
                    errors[item.key] = str(exc)
                    continue
                checked_files[item.key] = (description, upload.content)
                candidate[item.key] = description
            continue
        try:
            value = velden.clean(item, data)
        except velden.Invalid as exc:
            errors[item.key] = str(exc)
            continue
        if value is None:
            candidate.pop(item.key, None)
        else:
            candidate[item.key] = value
    candidate.update(identity_values(definition, identity))
    # a field with invalid input is not also reported as empty
    errors = {**missing(definition, candidate, [step]), **errors}
    return CheckedStep(errors, candidate, checked_files)


def save_step(
    inzending: Inzending,
    step_key: str,
    data: Mapping[str, str],
    files: Mapping[str, velden.UploadedFile],
    identity: Identity | None,
) -> StepResult:
    """Check the posted step and keep it; on any error nothing is kept (errors per field key)."""
    definition = definition_of(inzending)
    step = definition.step(step_key)
    if step is None:
        raise DraftUnavailable(step_key)
    checked = check_step(definition, step, inzending.waarden, data, files, identity)
    if checked.errors:
        return StepResult(checked.errors, checked.values)
    with transaction.atomic():
        for key, (description, content) in checked.files.items():
            Bijlage.objects.update_or_create(
                inzending=inzending,
                veld=key,
                defaults={
                    "bestandsnaam": description["naam"],
                    "formaat": description["formaat"],
                    "grootte": description["grootte"],
                    "inhoud": content,
                },
            )
        inzending.waarden = {
            key: value for key, value in checked.values.items() if key not in definition.computed_keys
        }
        inzending.stap = step_key
        inzending.verloopt = expiry()
        inzending.save(update_fields=["waarden", "stap", "verloopt"])
    return StepResult({}, checked.values)


def missing(
    definition: definitions.Definition, values: dict[str, Any], steps: Iterable[definitions.Step]
) -> dict[str, str]:
    """The required fields of ``steps`` that are visible and empty."""
    resolved = definitions.resolve(definition, values)
    errors: dict[str, str] = {}
    for step in steps:
        if step.key not in resolved.visible_steps:
            continue
        for item in step.fields:
            if not item.required or item.key not in resolved.visible_fields:
                continue
            if velden.is_empty(item, resolved.values.get(item.key)):
                errors[item.key] = (
                    _("Vink dit aan om verder te gaan.")
                    if item.type == "checkbox"
                    else _("Dit veld is verplicht.")
                    if item.type != "file"
                    else _("Voeg een bestand toe.")
                )
    return errors


def incomplete_step(inzending: Inzending) -> str | None:
    """The first visible step with a required field still empty (None when all are complete)."""
    definition = definition_of(inzending)
    for step in visible_steps(inzending):
        if missing(definition, inzending.waarden, [step]):
            return step.key
    return None


def formulier_for_slug(slug: str) -> Formulier | None:
    return Formulier.objects.filter(slug=slug).first()


def purge_expired() -> int:
    """Remove drafts past their expiry (with their files); the number removed."""
    deleted, _details = Inzending.objects.filter(
        staat=Inzending.Staat.CONCEPT, verloopt__lte=timezone.now()
    ).delete()
    return int(deleted)
