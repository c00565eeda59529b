"""The demo forms of ``zaakwerk quickstart``: one per demo zaaktype that residents start
(``demo/*.json``), each published once. Loading again leaves forms that exist as they are."""

from __future__ import annotations

import json
from importlib import resources

from django.db import transaction

from zaakwerk.formulieren.models import Formulier
from zaakwerk.formulieren.services import definities

#: slug → the zaaktype's identificatie in the demo catalogus
DEMO_FORMS = {
    "melding-openbare-ruimte": "MELDING-OPENBARE-RUIMTE",
    "parkeervergunning": "PARKEERVERGUNNING",
}


def definition(slug: str) -> dict[str, object]:
    text = resources.files("zaakwerk.formulieren").joinpath(f"demo/{slug}.json").read_text(encoding="utf-8")
    loaded: dict[str, object] = json.loads(text)
    return loaded


@transaction.atomic
def load(catalogus: str) -> list[str]:
    """Create and publish each demo form that does not exist yet; every demo form's slug."""
    for slug, identificatie in DEMO_FORMS.items():
        if Formulier.objects.filter(slug=slug).exists():
            continue
        formulier = definities.create_formulier(slug, identificatie, catalogus, definition(slug))
        concept = formulier.versies.get()
        definities.publish(concept)
    return list(DEMO_FORMS)
