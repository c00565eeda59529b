"""Form definitions and their versions: a published version is never changed; saving an edit
makes (or updates) the form's one concept, and publishing it replaces the published version."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from zaakwerk.formulieren import definition
from zaakwerk.formulieren.models import Formulier, Versie


class DefinitionInvalid(ValueError):
    """The definition breaks the schema or a rule of :func:`definition.problems`."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def check(data: Any) -> None:
    found = definition.problems(data)
    if found:
        raise DefinitionInvalid(found)


@transaction.atomic
def create_formulier(slug: str, zaaktype_identificatie: str, catalogus: str, data: Any) -> Formulier:
    """A new form with its first concept."""
    check(data)
    formulier = Formulier.objects.create(
        slug=slug, zaaktype_identificatie=zaaktype_identificatie, catalogus=catalogus
    )
    Versie.objects.create(formulier=formulier, nummer=1, definitie=data)
    return formulier


@transaction.atomic
def save_concept(formulier: Formulier, data: Any) -> Versie:
    """Store ``data`` as the form's concept: the open concept is updated, else a new one made."""
    check(data)
    Formulier.objects.select_for_update().get(pk=formulier.pk)  # one writer of versions at a time
    concept = formulier.versies.filter(staat=Versie.Staat.CONCEPT).first()
    if concept is not None:
        concept.definitie = data
        concept.save(update_fields=["definitie"])
        return concept
    highest = formulier.versies.aggregate(highest=Max("nummer"))["highest"] or 0
    return Versie.objects.create(formulier=formulier, nummer=highest + 1, definitie=data)


@transaction.atomic
def publish(versie: Versie) -> Versie:
    """Publish a concept; the version published before is withdrawn (drafts of it may still be
    submitted: each submission keeps the version it was started with)."""
    locked = Versie.objects.select_for_update().get(pk=versie.pk)
    if locked.staat != Versie.Staat.CONCEPT:
        raise DefinitionInvalid(["alleen een concept kan worden gepubliceerd"])
    check(locked.definitie)
    Versie.objects.filter(formulier=locked.formulier_id, staat=Versie.Staat.GEPUBLICEERD).update(
        staat=Versie.Staat.INGETROKKEN
    )
    locked.staat = Versie.Staat.GEPUBLICEERD
    locked.gepubliceerd = timezone.now()
    locked.save(update_fields=["staat", "gepubliceerd"])
    return locked


@transaction.atomic
def withdraw(formulier: Formulier) -> None:
    """Take the form offline: its published version is withdrawn."""
    Versie.objects.filter(formulier=formulier, staat=Versie.Staat.GEPUBLICEERD).update(
        staat=Versie.Staat.INGETROKKEN
    )


def published(formulier: Formulier) -> Versie | None:
    return formulier.versies.filter(staat=Versie.Staat.GEPUBLICEERD).first()


def parsed(versie: Versie) -> definition.Definition:
    return definition.parse(versie.definitie)
