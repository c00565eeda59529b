"""The forms in Django's admin: definitions saved through the services (checked, a published
version read-only, an edit a new concept), publishing as an action, submissions read-only."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.formulieren.test_definitions import CATALOGUS, small
from zaakwerk.formulieren.models import Versie
from zaakwerk.formulieren.services import definities

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_browser() -> Client:
    browser = Client()
    browser.force_login(User.objects.create_superuser("beheer", password="x"))
    return browser


def test_pages_answer_and_a_published_version_cannot_be_edited(admin_browser: Client) -> None:
    formulier = definities.create_formulier("test", "ZAAKTYPE", CATALOGUS, small())
    versie = definities.publish(formulier.versies.get())
    for url in (
        "/admin/formulieren/formulier/",
        f"/admin/formulieren/formulier/{formulier.pk}/change/",
        "/admin/formulieren/versie/",
        "/admin/formulieren/inzending/",
    ):
        assert admin_browser.get(url).status_code == 200, url
    page = admin_browser.get(f"/admin/formulieren/versie/{versie.pk}/change/").content.decode()
    assert 'name="definitie"' not in page  # read-only


def test_an_edit_is_checked_and_becomes_a_concept_then_published(admin_browser: Client) -> None:
    formulier = definities.create_formulier("test", "ZAAKTYPE", CATALOGUS, small())
    definities.publish(formulier.versies.get())
    broken = small()
    broken["steps"][0]["fields"][0]["type"] = "kleur"
    refused = admin_browser.post(
        "/admin/formulieren/versie/add/", {"formulier": formulier.pk, "definitie": json.dumps(broken)}
    )
    assert refused.status_code == 200 and "steps.0.fields.0.type" in refused.content.decode()
    assert formulier.versies.count() == 1
    changed = small(inleiding="Nieuw")
    added = admin_browser.post(
        "/admin/formulieren/versie/add/", {"formulier": formulier.pk, "definitie": json.dumps(changed)}
    )
    assert added.status_code == 302
    concept = formulier.versies.get(staat=Versie.Staat.CONCEPT)
    assert concept.nummer == 2 and concept.definitie["inleiding"] == "Nieuw"
    admin_browser.post(
        "/admin/formulieren/versie/",
        {"action": "publiceren", "_selected_action": [concept.pk]},
    )
    assert definities.published(formulier) == concept
