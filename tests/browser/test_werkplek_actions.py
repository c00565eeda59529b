"""The actions on a zaak in a real browser, by keyboard only, each page axe-clean: from the
zaak's action list to the action's page and back, with the change made in the registers."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import staff_user
from tests.browser.harness import activate, assert_accessible, tab_to
from tests.werkplek.actions_support import resultaattype, werkplek_client, zaak
from zaakwerk.client import ZGWClient, models
from zaakwerk.web.roles import Role
from zaakwerk.werkplek.models import HandlingParameters
from zaakwerk.werkplek.services import acties

pytestmark = pytest.mark.browser


@pytest.fixture
def client(transactional_db: None) -> ZGWClient:
    return werkplek_client()


def _acties(page: Page, found: models.Zaak) -> None:
    page.goto(f"/werkplek/zaken/{found.uuid}/acties/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Acties op zaak {found.identificatie}")


def _choose(page: Page, label: str, option: str) -> None:
    """Pick ``option`` in the select ``label`` with the keyboard (type-ahead)."""
    select = page.get_by_label(label)
    tab_to(page, select)
    select.select_option(label=option)  # what the arrow keys do; the focus stays on the select


def test_setting_the_next_status(login_as: Callable[[Role | None], Page], client: ZGWClient) -> None:
    found = zaak(client)
    page = login_as(Role.BEHANDELAAR)
    _acties(page, found)
    assert_accessible(page)
    activate(page, page.get_by_role("link", name="Volgende status zetten"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Volgende status zetten")
    expect(page.get_by_role("main")).to_contain_text(found.identificatie)
    expect(page.get_by_role("main")).to_contain_text("Ontvangen")
    assert_accessible(page)
    _choose(page, "Nieuwe status", "In behandeling")
    tab_to(page, page.get_by_label("Toelichting"))
    page.keyboard.type("Aanvraag is compleet")
    activate(page, page.get_by_role("button", name="Volgende status zetten"))
    expect(page).to_have_url(re.compile(rf"/werkplek/zaken/{found.uuid}/acties/$"))
    expect(page.get_by_role("status")).to_contain_text("De status is gezet.")
    expect(page.get_by_role("main")).to_contain_text("In behandeling")
    assert_accessible(page)
    assert acties.load(client, found.url).status.omschrijving == "In behandeling"  # type: ignore[union-attr]


def test_opschorten_and_a_verlenging_beyond_the_maximum(
    login_as: Callable[[Role | None], Page], client: ZGWClient
) -> None:
    found = zaak(client)
    HandlingParameters.objects.create(zaaktype_identificatie="PARKEERVERGUNNING", max_verlenging_dagen=10)
    page = login_as(Role.BEHANDELAAR)
    _acties(page, found)
    activate(page, page.get_by_role("link", name="Opschorten"))
    tab_to(page, page.get_by_label("Reden"))
    page.keyboard.type("Wacht op het kenteken")
    activate(page, page.get_by_role("button", name="Opschorten"))
    expect(page.get_by_role("status")).to_contain_text("De zaak is opgeschort.")
    # now it can be resumed, not suspended again
    expect(page.get_by_role("link", name="Opschorten")).to_have_count(0)
    activate(page, page.get_by_role("link", name="Hervatten"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Hervatten")
    assert_accessible(page)
    activate(page, page.get_by_role("button", name="Hervatten"))
    expect(page.get_by_role("status")).to_contain_text("De zaak is hervat")
    # a verlenging beyond the maximum: the message on the page, nothing changed
    activate(page, page.get_by_role("link", name="Verlengen"))
    expect(page.get_by_text("Ten hoogste 10 dagen.")).to_be_visible()
    tab_to(page, page.get_by_label("Verlenging in dagen"))
    page.keyboard.type("30")
    tab_to(page, page.get_by_label("Reden"))
    page.keyboard.type("Advies duurt langer")
    activate(page, page.get_by_role("button", name="Verlengen"))
    expect(page.get_by_role("alert")).to_contain_text("1 tot en met 10 dagen")
    assert_accessible(page)
    assert not acties.load(client, found.url).extended
    # within it, the zaak is extended
    field = page.get_by_label("Verlenging in dagen")
    tab_to(page, field)
    field.fill("")
    page.keyboard.type("10")
    activate(page, page.get_by_role("button", name="Verlengen"))
    expect(page.get_by_role("status")).to_contain_text("De zaak is verlengd.")
    assert client.zaken.zaken.get(found.url).verlenging == {"reden": "Advies duurt langer", "duur": "P10D"}


def test_toekennen_afsluiten_and_heropenen(
    login_as: Callable[[Role | None], Page], client: ZGWClient
) -> None:
    found = zaak(client)
    staff_user(Role.BEHANDELAAR, username="piet", first_name="Piet")
    page = login_as(Role.COORDINATOR)
    _acties(page, found)
    activate(page, page.get_by_role("link", name="Toekennen"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Toekennen")
    assert_accessible(page)
    _choose(page, "Behandelaar", "Piet de Tester (piet)")
    tab_to(page, page.get_by_label("Reden"))
    page.keyboard.type("Piet heeft tijd")
    activate(page, page.get_by_role("button", name="Toekennen"))
    expect(page.get_by_role("status")).to_contain_text("De zaak is toegekend.")
    # and released again
    activate(page, page.get_by_role("link", name="Vrijgeven"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Vrijgeven")
    tab_to(page, page.get_by_label("Reden"))
    page.keyboard.type("Piet met verlof")
    activate(page, page.get_by_role("button", name="Vrijgeven"))
    expect(page.get_by_role("status")).to_contain_text("De zaak is vrijgegeven.")
    assert list(client.zaken.rollen.list(zaak=found.url, omschrijvingGeneriek="behandelaar")) == []
    _acties(page, found)
    activate(page, page.get_by_role("link", name="Resultaat kiezen en afsluiten"))
    _choose(page, "Resultaat", "Verleend")
    activate(page, page.get_by_role("button", name="Resultaat kiezen en afsluiten"))
    expect(page.get_by_role("status")).to_contain_text("De zaak is afgesloten.")
    expect(page.get_by_role("main")).to_contain_text("Je kunt op deze zaak nu niets doen.")
    assert acties.load(client, found.url).closed
    assert (
        resultaattype(client, found, "Verleend").url
        == client.zaken.resultaten.get(str(client.zaken.zaken.get(found.url).resultaat)).resultaattype
    )
    # the recordmanager reopens it, with a reason
    page = login_as(Role.RECORDMANAGER)
    _acties(page, found)
    activate(page, page.get_by_role("link", name="Heropenen"))
    activate(page, page.get_by_role("button", name="Heropenen"))
    expect(page.get_by_role("alert").first).to_contain_text("Reden")
    assert_accessible(page)
    tab_to(page, page.get_by_label("Reden"))
    page.keyboard.type("Bezwaar gegrond")
    activate(page, page.get_by_role("button", name="Heropenen"))
    expect(page.get_by_role("status")).to_contain_text("De zaak is heropend.")
    assert not acties.load(client, found.url).closed
