"""Notes on a zaak in the werkplek: added through the Zaken API's zaaknotities, shown newest
first on the zaak page, by behandelaars and coördinatoren only, also on a closed zaak."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from tests.werkplek import zaken
from tests.werkplek.test_documenten import close
from zaakwerk.client import ZGWClient
from zaakwerk.ops.webapps import authorise_werkplek
from zaakwerk.web.roles import Role
from zaakwerk.werkplek import zgw
from zaakwerk.werkplek.models import RoleGrant

pytestmark = pytest.mark.django_db


@pytest.fixture
def werkplek() -> ZGWClient:
    authorise_werkplek()
    return zgw.service_client()


@pytest.fixture
def demo(werkplek: ZGWClient) -> zaken.Demo:
    return zaken.demo(werkplek, f"{zgw.base_url()}/referentielijsten/api/v1")


def login(username: str, role: Role) -> Client:
    user = User.objects.create_user(username, first_name="Noor", last_name="de Vries")
    group = Group.objects.create(name=f"team-{username}")
    RoleGrant.objects.create(group=group, role=role, zaaktype_identificatie="")
    user.groups.add(group)
    browser = Client()
    browser.force_login(user)
    return browser


def test_a_behandelaar_adds_notes_that_the_zaak_page_shows_newest_first(
    werkplek: ZGWClient, demo: zaken.Demo
) -> None:
    zaak = zaken.zaak(werkplek, demo.melding)
    browser = login("noor", Role.BEHANDELAAR)
    url = reverse("werkplek:zaak-notitie-toevoegen", args=[zaak.uuid])
    # when two notes are added, one for the initiator too
    first = browser.post(url, {"onderwerp": "Gebeld", "tekst": "Melder gebeld over de plek."})
    second = browser.post(
        url, {"onderwerp": "Bericht aan melder", "tekst": "We komen dinsdag.", "extern": "on"}
    )
    # then both are in the Zaken API, with their type and author, and on the page newest first
    assert first.status_code == second.status_code == 302
    stored = {n.onderwerp: n for n in werkplek.zaken.zaaknotities.list(gerelateerdAan=zaak.url)}
    assert stored["Gebeld"].notitie_type == "intern"
    assert stored["Bericht aan melder"].notitie_type == "extern"
    assert stored["Gebeld"].aangemaakt_door == "Noor de Vries"
    page = browser.get(reverse("werkplek:zaak", args=[zaak.uuid])).content.decode()
    assert page.index("Bericht aan melder") < page.index("Gebeld")
    assert "Melder gebeld over de plek." in page


def test_an_empty_note_is_refused_and_nothing_is_written(werkplek: ZGWClient, demo: zaken.Demo) -> None:
    zaak = zaken.zaak(werkplek, demo.melding)
    browser = login("noor", Role.BEHANDELAAR)
    response = browser.post(
        reverse("werkplek:zaak-notitie-toevoegen", args=[zaak.uuid]), {"onderwerp": "Leeg"}
    )
    assert response.status_code == 200
    assert "utrecht-form-field--invalid" in response.content.decode()
    assert list(werkplek.zaken.zaaknotities.list(gerelateerdAan=zaak.url)) == []


def test_a_raadpleger_reads_notes_but_adds_none(werkplek: ZGWClient, demo: zaken.Demo) -> None:
    zaak = zaken.zaak(werkplek, demo.melding)
    login("noor", Role.BEHANDELAAR).post(
        reverse("werkplek:zaak-notitie-toevoegen", args=[zaak.uuid]), {"onderwerp": "Gebeld", "tekst": "Ja."}
    )
    raadpleger = login("rik", Role.RAADPLEGER)
    page = raadpleger.get(reverse("werkplek:zaak", args=[zaak.uuid])).content.decode()
    assert "Gebeld" in page
    assert reverse("werkplek:zaak-notitie-toevoegen", args=[zaak.uuid]) not in page
    url = reverse("werkplek:zaak-notitie-toevoegen", args=[zaak.uuid])
    assert raadpleger.post(url, {"onderwerp": "Ik ook", "tekst": "Nee."}).status_code == 403
    assert len(list(werkplek.zaken.zaaknotities.list(gerelateerdAan=zaak.url))) == 1


def test_a_closed_zaak_still_takes_a_note(werkplek: ZGWClient, demo: zaken.Demo) -> None:
    zaak = zaken.zaak(werkplek, demo.melding)
    close(werkplek, zaak, demo.melding)
    browser = login("noor", Role.BEHANDELAAR)
    url = reverse("werkplek:zaak-notitie-toevoegen", args=[zaak.uuid])
    assert browser.post(url, {"onderwerp": "Archief", "tekst": "Kopie naar archief."}).status_code == 302
    assert [n.onderwerp for n in werkplek.zaken.zaaknotities.list(gerelateerdAan=zaak.url)] == ["Archief"]
