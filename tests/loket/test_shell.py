"""The loket's start page, menu and theme, and its registration with the least rights."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.urls import reverse

from tests.loket import support
from tests.loket.conftest import Setup
from tests.loket.support import logged_in, visitor
from tests.werkplek.zaken import RSIN
from zaakwerk.autorisaties.models import ClientId
from zaakwerk.client import HTTPStatusError
from zaakwerk.loket import navigation
from zaakwerk.loket.zgw import client_for, user_id

if TYPE_CHECKING:
    from pytest_django import Settings

pytestmark = pytest.mark.django_db


def test_the_start_page_answers_a_visitor(settings: Settings) -> None:
    settings.WEB_ORGANISATION_NAME = "Gemeente Dommeldal"
    settings.WEB_THEME_CLASS = "dommeldal-theme"
    page = Client().get(reverse("loket:home"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Welkom bij het loket van Gemeente Dommeldal" in text
    assert 'class="utrecht-root dommeldal-theme"' in text
    assert reverse("loket:mijn-zaken") in text
    assert reverse("loket:inloggen") in text
    assert 'aria-label="Menu loket"' in text


def test_the_forms_are_linked_only_where_they_are_served(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(navigation, "FORMULIEREN", "loket:nergens")
    assert "Iets aanvragen of melden" not in Client().get(reverse("loket:home")).content.decode()
    monkeypatch.setattr(navigation, "FORMULIEREN", "loket:mijn-gegevens")  # a URL name that resolves
    text = Client().get(reverse("loket:home")).content.decode()
    assert "Iets aanvragen of melden" in text


def test_the_loket_has_no_rights_beyond_its_extern_zaaktypen(setup: Setup) -> None:
    applicatie = ClientId.objects.get(client_id="zaakwerk-loket").applicatie
    assert not applicatie.heeft_alle_autorisaties
    scopes = {(a.component, tuple(a.scopes)) for a in applicatie.autorisaties.all()}
    assert scopes == {
        ("ztc", ("catalogi.lezen",)),
        ("zrc", ("zaken.lezen", "zaken.bijwerken", "audittrails.lezen")),
        ("drc", ("documenten.lezen", "documenten.aanmaken")),
    }
    # it may not create a zaak, nor delete a document
    loket = client_for(visitor("bsn", support.BSN_A))
    with pytest.raises(HTTPStatusError) as refused:
        loket.zaken.zaken.create(
            {
                "bronorganisatie": RSIN,
                "verantwoordelijkeOrganisatie": RSIN,
                "zaaktype": setup.demo.melding.url,
                "startdatum": "2026-11-02",
            }
        )
    assert refused.value.status == 403


def test_the_pseudonym_names_no_number() -> None:
    first = user_id(visitor("bsn", support.BSN_A))
    assert first.startswith("inwoner:") and support.BSN_A not in first
    assert first == user_id(visitor("bsn", support.BSN_A))
    assert first != user_id(visitor("bsn", support.BSN_B))


def test_a_logged_in_visitor_sees_their_login_and_can_log_out() -> None:
    text = logged_in(visitor("bsn", support.BSN_A)).get(reverse("loket:home")).content.decode()
    assert "Ingelogd als inwoner" in text
    assert reverse("loket:uitloggen") in text


def test_the_command_registers_the_loket(setup: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    from zaakwerk.cli import main

    assert main(["loket", "authorise"]) == 0
    assert "loket registered as API client zaakwerk-loket" in capsys.readouterr().out
    applicatie = ClientId.objects.get(client_id="zaakwerk-loket").applicatie
    zaaktypen = {a.zaaktype for a in applicatie.autorisaties.filter(component="zrc")}
    assert {setup.demo.melding.url, setup.demo.parkeren.url, setup.demo.bezwaar.url} <= zaaktypen


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_pages_in_both_languages_without_inline_script_or_style(
    setup: Setup, settings: Settings, language: str
) -> None:
    import re

    settings.LOKET_DEV_LOGIN = True
    zaak = support.zaak_of(setup.werkplek, setup.demo.melding, "Stoep", inpBsn=support.BSN_A)
    browser = logged_in(visitor("bsn", support.BSN_A))
    browser.cookies["django_language"] = language
    for path in (
        "/loket/",
        "/loket/inloggen/",
        "/loket/mijn-zaken/",
        f"/loket/mijn-zaken/{zaak.uuid}/",
        "/loket/mijn-gegevens/",
    ):
        page = browser.get(path)
        assert page.status_code == 200, path
        html = page.content.decode()
        assert f'<html lang="{language}"' in html, path
        assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
        assert "<style" not in html and re.findall(r"\sstyle=", html) == []
        assert ("My cases" in html) == (language == "en"), path
