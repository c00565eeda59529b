"""The preview of a zaaktype's form: a beheerder fills it in as a resident would, step by step with
the same checks and rules, and sees the status timeline a resident would see. Nothing is
registered and nothing is kept but the answers in the beheerder's own session."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.sessions.backends.base import SessionBase

from zaakwerk.beheer.services import catalogus
from zaakwerk.beheer.services.catalogus import Json
from zaakwerk.client import ZGWClient
from zaakwerk.formulieren import definition as definitions
from zaakwerk.formulieren.models import Formulier, Versie
from zaakwerk.formulieren.services import bevestiging, concepten, definities, velden
from zaakwerk.loket.identity import Identity, Kind

SESSION_KEY = "zaakwerk.beheer.voorbeeld"
#: the login a preview pretends to have: numbers that pass the checks and belong to nobody
EXAMPLE_LOGIN = {"bsn": "123456782", "kvk": "12345678"}


@dataclass(frozen=True)
class Preview:
    formulier: Formulier
    versie: Versie
    definition: definitions.Definition

    @property
    def key(self) -> str:
        return f"{self.versie.pk}"


def of(formulier: Formulier) -> Preview | None:
    """The preview of the version an editor works on (the concept, else the published one)."""
    versie = definities.working_version(formulier)
    if versie is None:
        return None
    return Preview(formulier, versie, definitions.parse(versie.definitie))


def identity(preview: Preview) -> Identity | None:
    """The example login of a form that wants one (the first kind it allows)."""
    if not preview.definition.login:
        return None
    kind: Kind = "kvk" if preview.definition.login[0] == "kvk" else "bsn"
    return Identity(kind=kind, value=EXAMPLE_LOGIN[kind], via="dev", name="Voorbeeld")


def values(session: SessionBase, preview: Preview) -> dict[str, Any]:
    stored = session.get(SESSION_KEY) or {}
    found = stored.get(preview.key)
    if isinstance(found, dict):
        return found
    return concepten.identity_values(preview.definition, identity(preview))


def keep(session: SessionBase, preview: Preview, entered: dict[str, Any]) -> None:
    """Keep the answers of this version only (one preview at a time)."""
    session[SESSION_KEY] = {
        preview.key: {
            key: value for key, value in entered.items() if key not in preview.definition.computed_keys
        }
    }


def reset(session: SessionBase) -> None:
    session.pop(SESSION_KEY, None)


def visible_steps(preview: Preview, entered: dict[str, Any]) -> list[definitions.Step]:
    shown = set(definitions.resolve(preview.definition, entered).visible_steps)
    return [step for step in preview.definition.steps if step.key in shown]


def neighbours(preview: Preview, entered: dict[str, Any], key: str) -> tuple[str | None, str | None]:
    keys = [step.key for step in visible_steps(preview, entered)]
    if key not in keys:
        return (keys[-1] if keys else None), None
    index = keys.index(key)
    return (keys[index - 1] if index > 0 else None), (keys[index + 1] if index + 1 < len(keys) else None)


def check(
    preview: Preview,
    step: definitions.Step,
    entered: dict[str, Any],
    data: Mapping[str, str],
    files: Mapping[str, velden.UploadedFile],
) -> concepten.CheckedStep:
    """The loket's own checks of a step (a file is checked, then only its description kept)."""
    return concepten.check_step(preview.definition, step, entered, data, files, identity(preview))


def incomplete_step(preview: Preview, entered: dict[str, Any]) -> str | None:
    for step in visible_steps(preview, entered):
        if concepten.missing(preview.definition, entered, [step]):
            return step.key
    return None


def summary(
    preview: Preview, entered: dict[str, Any]
) -> list[tuple[definitions.Step, list[tuple[str, str]]]]:
    state = definitions.resolve(preview.definition, entered)
    return [
        (
            step,
            [
                (item.label, velden.display(item, state.values.get(item.key)))
                for item in step.fields
                if item.key in state.visible_fields
            ],
        )
        for step in preview.definition.steps
        if step.key in state.visible_steps
    ]


def zaak_texts(preview: Preview, entered: dict[str, Any]) -> dict[str, str]:
    """The zaak's omschrijving and toelichting, and the confirmation mail, as the templates fill them."""
    state = definitions.resolve(preview.definition, entered)
    filled = bevestiging.placeholders(
        preview.definition, state.values, identificatie="ZAAK-…", referentie="F-VOORBEELD"
    )
    definition = preview.definition
    return {
        "omschrijving": bevestiging.fill(definition.omschrijving, filled) or definition.titel,
        "toelichting": bevestiging.fill(definition.toelichting, filled),
        "onderwerp": bevestiging.fill(definition.bevestiging_onderwerp, filled),
        "tekst": bevestiging.fill(definition.bevestiging_tekst, filled),
    }


@dataclass(frozen=True)
class TimelineStep:
    omschrijving: str
    statustekst: str
    state: str  # "current" (the first status, set at registration) or "todo"


def timeline(client: ZGWClient, zaaktype: Json) -> list[TimelineStep]:
    """The statustypen of the zaaktype version in order, as the loket shows them on a new zaak."""
    statustypen = catalogus.subtypes(client, "statustypen", zaaktype)
    return [
        TimelineStep(
            str(item.get("omschrijving") or ""),
            str(item.get("statustekst") or ""),
            "current" if index == 0 else "todo",
        )
        for index, item in enumerate(statustypen)
    ]
