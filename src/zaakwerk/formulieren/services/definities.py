"""Form definitions and their versions: a published version is never changed; saving an edit
makes (or updates) the form's one concept, and publishing it replaces the published version."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from zaakwerk.formulieren import definition
from zaakwerk.formulieren.models import Formulier, Versie

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


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


# --- the form of a zaaktype, for beheer ----------------------------------------------------------


def for_zaaktype(zaaktype_identificatie: str, catalogus: str) -> Formulier | None:
    """The form of the zaaktype (every version of it: docs/adr/0096)."""
    return Formulier.objects.filter(
        zaaktype_identificatie=zaaktype_identificatie, catalogus=catalogus
    ).first()


def concept_of(formulier: Formulier) -> Versie | None:
    return formulier.versies.filter(staat=Versie.Staat.CONCEPT).first()


def working_version(formulier: Formulier) -> Versie | None:
    """The version an editor starts from: the concept, else the published one, else the newest."""
    return concept_of(formulier) or published(formulier) or formulier.versies.order_by("-nummer").first()


def slug_taken(slug: str) -> bool:
    return Formulier.objects.filter(slug=slug).exists()


# --- carrying forms in a catalogus export ---------------------------------------------------------

_STATES = {Versie.Staat.CONCEPT.value, Versie.Staat.GEPUBLICEERD.value, Versie.Staat.INGETROKKEN.value}


def export(zaaktype_identificaties: Iterable[str], catalogus: str) -> list[dict[str, Any]]:
    """The forms of these zaaktypen of ``catalogus`` with every version, as plain JSON without
    database keys or moments, so the same forms give the same JSON in any deployment."""
    found = (
        Formulier.objects.filter(zaaktype_identificatie__in=set(zaaktype_identificaties), catalogus=catalogus)
        .prefetch_related("versies")
        .order_by("slug")
    )
    return [
        {
            "slug": formulier.slug,
            "zaaktype_identificatie": formulier.zaaktype_identificatie,
            "versies": [
                {"nummer": versie.nummer, "staat": versie.staat, "definitie": versie.definitie}
                for versie in sorted(formulier.versies.all(), key=lambda versie: versie.nummer)
            ],
        }
        for formulier in found
    ]


def _item_problems(item: Any, zaaktype_identificaties: set[str]) -> list[str]:
    if not isinstance(item, dict) or not isinstance(item.get("versies"), list) or not item["versies"]:
        return [_("Formulieren: elk formulier is een object met een slug, een zaaktype en versies.")]
    slug = item.get("slug")
    found: list[str] = []
    if not isinstance(slug, str) or not _SLUG.fullmatch(slug):
        return [
            _("Formulieren: %(slug)r is geen geldig adres (kleine letters, cijfers en -).") % {"slug": slug}
        ]
    where = _("Formulier %(slug)s") % {"slug": slug}
    if item.get("zaaktype_identificatie") not in zaaktype_identificaties:
        found.append(
            _("%(waar)s: zaaktype %(naam)s staat niet in ZaakType.json.")
            % {"waar": where, "naam": item.get("zaaktype_identificatie")}
        )
    numbers: list[Any] = []
    published_count = 0
    for versie in item["versies"]:
        if not isinstance(versie, dict) or versie.get("staat") not in _STATES:
            found.append(
                _("%(waar)s: elke versie heeft een nummer, een staat en een definitie.") % {"waar": where}
            )
            continue
        numbers.append(versie.get("nummer"))
        published_count += versie["staat"] == Versie.Staat.GEPUBLICEERD
        found += [
            _("%(waar)s, versie %(nummer)s: %(probleem)s")
            % {"waar": where, "nummer": versie.get("nummer"), "probleem": problem}
            for problem in definition.problems(versie.get("definitie"))
        ]
    if not all(isinstance(number, int) and number > 0 for number in numbers) or len(set(numbers)) != len(
        numbers
    ):
        found.append(
            _("%(waar)s: de versienummers moeten verschillende positieve getallen zijn.") % {"waar": where}
        )
    if published_count > 1:
        found.append(_("%(waar)s: meer dan één gepubliceerde versie.") % {"waar": where})
    if (
        sum(1 for versie in item["versies"] if isinstance(versie, dict) and versie.get("staat") == "concept")
        > 1
    ):
        found.append(_("%(waar)s: meer dan één concept.") % {"waar": where})
    return found


def restore_problems(items: list[Any], zaaktype_identificaties: set[str]) -> list[str]:
    """Why ``items`` cannot be restored (empty when they can): well-formed forms of zaaktypen in
    the import, each version a valid definition, no address in use here already."""
    found: list[str] = []
    slugs: list[str] = []
    for item in items:
        found += _item_problems(item, zaaktype_identificaties)
        if isinstance(item, dict) and isinstance(item.get("slug"), str):
            slugs.append(item["slug"])
    found += [
        _("Het formulieradres %(slug)s komt meer dan eens voor.") % {"slug": slug}
        for slug in sorted({slug for slug in slugs if slugs.count(slug) > 1})
    ]
    found += [
        _("Er is hier al een formulier met adres %(slug)s; er is niets geïmporteerd.") % {"slug": slug}
        for slug in Formulier.objects.filter(slug__in=slugs).order_by("slug").values_list("slug", flat=True)
    ]
    return found


@transaction.atomic
def restore(items: list[dict[str, Any]], catalogus: str) -> int:
    """Create the checked forms (see :func:`restore_problems`) in ``catalogus`` with their versions
    as they were; how many."""
    for item in items:
        formulier = Formulier.objects.create(
            slug=item["slug"], zaaktype_identificatie=item["zaaktype_identificatie"], catalogus=catalogus
        )
        for versie in item["versies"]:
            Versie.objects.create(
                formulier=formulier,
                nummer=versie["nummer"],
                staat=versie["staat"],
                definitie=versie["definitie"],
                gepubliceerd=timezone.now() if versie["staat"] == Versie.Staat.GEPUBLICEERD else None,
            )
    return len(items)
