"""The Formulier tab: a form made for a zaaktype, its settings, steps, fields and rules changed
through plain forms with the check's reasons at the field, published versions that never change,
withdrawing, and the fit with the zaaktype version."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.beheer.conftest import uuid_of, zaaktype_url
from zaakwerk.beheer.models import Wijziging
from zaakwerk.beheer.services import formulier as service
from zaakwerk.client import ZGWClient
from zaakwerk.formulieren.models import Formulier, Versie
from zaakwerk.formulieren.services import definities

pytestmark = pytest.mark.django_db


def field_error(html: str, field: str) -> str:
    """The error text shown in the form field whose control has id ``field``."""
    match = re.search(
        rf'utrecht-form-field--invalid">(?:(?!utrecht-form-field--).)*?for="{field}".*?'
        r'utrecht-form-field__error-message" id="[^"]+">(.*?)</div>',
        html,
        re.S,
    )
    return re.sub(r"<[^>]+>", " ", match.group(1)).strip() if match else ""


@pytest.fixture
def zaaktype(api: ZGWClient, demo: str) -> str:
    """The uuid of the published MELDING-OPENBARE-RUIMTE version (no form yet)."""
    return uuid_of(zaaktype_url(api, demo, "MELDING-OPENBARE-RUIMTE"))


@pytest.fixture
def tab(web: Client, zaaktype: str) -> str:
    """The tab's URL, after the form was made there."""
    url = f"/beheer/zaaktypen/{zaaktype}/formulier/"
    response = web.post(url, {"actie": "aanmaken", "nieuw-slug": "melding", "nieuw-titel": "Melding"})
    assert response.status_code == 302, response.content.decode()[-2000:]
    return url


def concept(slug: str = "melding") -> dict[str, Any]:
    versie = Versie.objects.get(formulier__slug=slug, staat=Versie.Staat.CONCEPT)
    data: dict[str, Any] = versie.definitie
    return data


def test_a_zaaktype_without_a_form_offers_to_make_one(web: Client, zaaktype: str, demo: str) -> None:
    url = f"/beheer/zaaktypen/{zaaktype}/formulier/"
    html = web.get(url).content.decode()
    assert "Formulier aanmaken" in html
    # when: the address is taken already
    definities.create_formulier("bezet", "ANDERS", demo, service.starter("Anders"))
    response = web.post(url, {"actie": "aanmaken", "nieuw-slug": "bezet", "nieuw-titel": "X"})
    # then: said at the field, nothing made
    assert response.status_code == 200
    assert "al in gebruik" in field_error(response.content.decode(), "id_nieuw-slug")
    assert not Formulier.objects.filter(zaaktype_identificatie="MELDING-OPENBARE-RUIMTE").exists()


def test_the_made_form_is_a_concept_of_the_identificatie_and_recorded(
    web: Client, tab: str, demo: str, user: User
) -> None:
    formulier = Formulier.objects.get(slug="melding")
    assert (formulier.zaaktype_identificatie, formulier.catalogus) == ("MELDING-OPENBARE-RUIMTE", demo)
    assert list(formulier.versies.values_list("nummer", "staat")) == [(1, "concept")]
    assert Wijziging.objects.filter(soort="formulier", username=user.username).exists()
    html = web.get(tab).content.decode()
    assert "Uw gegevens" in html and "Concept publiceren" in html


def test_settings_are_saved_and_a_broken_one_is_shown_at_its_field(web: Client, tab: str) -> None:
    settings = {
        "actie": "instellingen",
        "instellingen-titel": "Melding openbare ruimte",
        "instellingen-login": ["bsn"],
        "instellingen-omschrijving": "Melding van {{ email }}",
        "instellingen-contact_emailadres": "email",
        "instellingen-bevestiging_onderwerp": "Uw melding {{ identificatie }}",
        "instellingen-bevestiging_tekst": "",
    }
    # when: a confirmation mail with a subject but no text
    response = web.post(tab, settings)
    # then: the schema's reason at the text, and nothing saved
    assert response.status_code == 200
    assert field_error(response.content.decode(), "id_instellingen-bevestiging_tekst")
    assert concept()["titel"] == "Melding"
    # when: complete
    response = web.post(tab, {**settings, "instellingen-bevestiging_tekst": "Dank u."})
    assert response.status_code == 302
    saved = concept()
    assert saved["titel"] == "Melding openbare ruimte" and saved["login"] == ["bsn"]
    assert saved["bevestiging"] == {"onderwerp": "Uw melding {{ identificatie }}", "tekst": "Dank u."}


def test_steps_are_added_moved_and_removed(web: Client, tab: str) -> None:
    step = {
        "actie": "stap-toevoegen",
        "nieuwestap-key": "melding",
        "nieuwestap-titel": "Uw melding",
        "nieuwestap-veld_key": "email",  # taken by the first step
        "nieuwestap-veld_label": "Wat is er?",
        "nieuwestap-veld_type": "textarea",
    }
    response = web.post(tab, step)
    assert response.status_code == 200
    assert "komt al voor" in field_error(response.content.decode(), "id_nieuwestap-veld_key")
    assert [item["key"] for item in concept()["steps"]] == ["contact"]
    assert web.post(tab, {**step, "nieuwestap-veld_key": "wat"}).status_code == 302
    assert [item["key"] for item in concept()["steps"]] == ["contact", "melding"]
    assert web.post(tab, {"actie": "stap-omhoog", "stap": "melding"}).status_code == 302
    assert [item["key"] for item in concept()["steps"]] == ["melding", "contact"]
    assert web.post(tab, {"actie": "stap-weg", "stap": "contact"}).status_code == 200  # contact names email
    assert web.post(tab, {"actie": "stap-weg", "stap": "melding"}).status_code == 302
    assert [item["key"] for item in concept()["steps"]] == ["contact"]


def test_fields_get_the_options_of_their_type(web: Client, tab: str, zaaktype: str) -> None:
    stap = f"/beheer/zaaktypen/{zaaktype}/formulier/stappen/contact/"
    response = web.post(
        stap,
        {
            "actie": "veld-toevoegen",
            "nieuwveld-key": "naam",
            "nieuwveld-label": "Naam",
            "nieuwveld-type": "text",
        },
    )
    assert response.status_code == 302
    veld = f"{stap}velden/naam/"
    html = web.get(veld).content.decode()
    assert 'name="veld-pattern"' in html and 'name="veld-decimals"' not in html
    data = {"veld-key": "naam", "veld-type": "text", "veld-label": "Naam", "veld-pattern": "[a-z"}
    # when: a pattern that does not compile
    response = web.post(veld, data)
    # then: at the pattern field
    assert response.status_code == 200
    assert "reguliere expressie" in field_error(response.content.decode(), "id_veld-pattern")
    # when: a condition that is no JSON
    response = web.post(veld, {**data, "veld-pattern": "[a-z]+", "veld-show_if": "{kapot"})
    assert "geen geldige JSON" in field_error(response.content.decode(), "id_veld-show_if")
    # when: valid, then made a choice
    assert web.post(veld, {**data, "veld-pattern": "[a-z]+", "veld-required": "on"}).status_code == 302
    field = concept()["steps"][0]["fields"][1]
    assert field == {"key": "naam", "type": "text", "label": "Naam", "required": True, "pattern": "[a-z]+"}
    assert web.post(veld, {**data, "veld-type": "choice", "veld-pattern": "[a-z]+"}).status_code == 302
    field = concept()["steps"][0]["fields"][1]
    assert field["type"] == "choice" and "pattern" not in field and field["options"]
    html = web.get(veld).content.decode()
    assert 'name="veld-options"' in html and 'name="veld-pattern"' not in html
    response = web.post(veld, {**data, "veld-type": "choice", "veld-options": "a=Een\nb"})
    assert "waarde=tekst" in field_error(response.content.decode(), "id_veld-options")
    assert web.post(veld, {**data, "veld-type": "choice", "veld-options": "a=Een\nb=Twee"}).status_code == 302
    assert concept()["steps"][0]["fields"][1]["options"] == [
        {"value": "a", "label": "Een"},
        {"value": "b", "label": "Twee"},
    ]
    # moved up, then removed; the last field of a step stays
    assert web.post(stap, {"actie": "veld-omhoog", "veld": "naam"}).status_code == 302
    assert [item["key"] for item in concept()["steps"][0]["fields"]] == ["naam", "email"]
    assert web.post(stap, {"actie": "veld-weg", "veld": "naam"}).status_code == 302
    response = web.post(stap, {"actie": "veld-weg", "veld": "email"})
    assert response.status_code == 200 and "minstens één veld" in response.content.decode()


def test_rules_are_checked_json(web: Client, tab: str) -> None:
    response = web.post(tab, {"actie": "regels", "regels-regels": '[{"set": {"onbekend": 1}}]'})
    assert response.status_code == 200
    assert "onbekend" in field_error(response.content.decode(), "id_regels-regels")
    response = web.post(tab, {"actie": "regels", "regels-regels": '{"set": 1}'})
    assert "lijst" in field_error(response.content.decode(), "id_regels-regels")
    rules = [{"when": {"empty": {"var": "email"}}, "set": {"email": "onbekend@example.org"}}]
    assert web.post(tab, {"actie": "regels", "regels-regels": json.dumps(rules)}).status_code == 302
    assert concept()["rules"] == rules


def test_a_published_version_never_changes_and_can_be_withdrawn(web: Client, tab: str) -> None:
    assert web.post(tab, {"actie": "publiceren"}).status_code == 302
    formulier = Formulier.objects.get(slug="melding")
    first = formulier.versies.get()
    assert first.staat == "gepubliceerd"
    # when: an edit after publishing
    settings = {
        "actie": "instellingen",
        "instellingen-titel": "Nieuw",
        "instellingen-contact_emailadres": "email",
    }
    assert web.post(tab, settings).status_code == 302
    # then: a new concept, the published one as it was
    first.refresh_from_db()
    assert first.definitie["titel"] == "Melding" and first.staat == "gepubliceerd"
    assert concept()["titel"] == "Nieuw"
    html = web.get(tab).content.decode()
    assert "Formulier intrekken" in html and "Versies van formulier melding" in html
    assert web.post(tab, {"actie": "publiceren"}).status_code == 302
    assert list(formulier.versies.order_by("nummer").values_list("staat", flat=True)) == [
        "ingetrokken",
        "gepubliceerd",
    ]
    assert web.post(tab, {"actie": "intrekken"}).status_code == 302
    assert not formulier.versies.filter(staat="gepubliceerd").exists()
    response = web.post(tab, {"actie": "intrekken"})
    assert response.status_code == 200 and "geen gepubliceerde versie" in response.content.decode()


def test_a_form_that_does_not_fit_the_zaaktype_version_is_not_published(
    web: Client, tab: str, user: User
) -> None:
    formulier = Formulier.objects.get(slug="melding")
    data = service.working(formulier)
    data["steps"][0]["fields"].append(
        {"key": "soort", "type": "text", "label": "Soort", "eigenschap": "bestaatniet"}
    )
    service.save(user, formulier, data, "test")
    html = web.get(tab).content.decode()
    assert "bestaatniet" in html and "past niet" in html
    response = web.post(tab, {"actie": "publiceren"})
    assert response.status_code == 200 and "bestaatniet" in response.content.decode()
    assert not formulier.versies.filter(staat="gepubliceerd").exists()


def test_the_categorie_eigenschap_of_the_version_fits(web: Client, tab: str, user: User) -> None:
    formulier = Formulier.objects.get(slug="melding")
    data = service.working(formulier)
    data["steps"][0]["fields"].append(
        {"key": "soort", "type": "text", "label": "Soort", "eigenschap": "categorie"}
    )
    service.save(user, formulier, data, "test")
    assert web.post(tab, {"actie": "publiceren"}).status_code == 302
    assert formulier.versies.filter(staat="gepubliceerd").exists()
