"""Filling in a form in the loket in a real browser, by keyboard, every page axe-clean: fill in,
go back, save and resume, upload, submit; errors summarised and focused; without JavaScript too."""

from __future__ import annotations

import re
from importlib import import_module

import pytest
from django.conf import settings
from playwright.sync_api import BrowserContext, Page, expect
from pytest_django import Settings
from pytest_django.live_server_helper import LiveServer

from tests.browser.harness import activate, assert_accessible, tab_to
from tests.formulieren.conftest import _answers_match_the_spec
from tests.formulieren.flow import PDF, PNG
from zaakwerk.client import ZGWClient
from zaakwerk.formulieren import demo as demo_forms
from zaakwerk.formulieren import zgw
from zaakwerk.formulieren.models import Inzending
from zaakwerk.loket.identity import SESSION_KEY
from zaakwerk.ops.demo import load_demo
from zaakwerk.ops.formulieren import authorise

pytestmark = pytest.mark.browser
# every answer the registers give the forms, here from the live server's thread, matches the spec
__all__ = ["_answers_match_the_spec"]

BSN = "999993653"


@pytest.fixture
def forms(transactional_db: None) -> ZGWClient:
    authorise()
    client = zgw.client()
    report = load_demo(client, referentielijsten=f"{settings.PUBLIC_URL}/referentielijsten/api/v1")
    demo_forms.load(report.catalogus)
    return client


def logged_in_resident(context: BrowserContext, live_server: LiveServer) -> None:
    """A resident logged in to the loket with DigiD (the identity in the session, as the login sets it)."""
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = {
        "kind": "bsn",
        "value": BSN,
        "via": "dev",
        "name": "Test Inwoner",
        "vestigingsnummer": "",
    }
    session.save()
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": str(session.session_key), "url": str(live_server)}]
    )


def next_step(page: Page) -> None:
    activate(page, page.get_by_role("button", name="Volgende"))


def test_a_melding_by_keyboard_with_back_save_resume_upload_and_submit(page: Page, forms: ZGWClient) -> None:
    page.goto("/loket/formulieren/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Formulieren")
    assert_accessible(page)
    activate(page, page.get_by_role("link", name="Melding openbare ruimte"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Melding openbare ruimte")
    assert_accessible(page)
    activate(page, page.get_by_role("button", name="Formulier starten"))
    # step 1: a choice, a text and a photo
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw melding")
    expect(page.get_by_text("Stap 1 van 3")).to_be_visible()
    assert_accessible(page)
    tab_to(page, page.get_by_label("Bestrating"))
    page.keyboard.press("ArrowDown")  # radio buttons: the arrow keys choose
    expect(page.get_by_label("Straatverlichting")).to_be_checked()
    # conditions are worked out on the server: a field that depends on an answer of the same
    # step appears when the step is shown again (docs/adr/0089)
    tab_to(page, page.get_by_label("Wat is er aan de hand?"))
    page.keyboard.type("De lantaarnpaal brandt niet")
    page.get_by_label("Foto").set_input_files({"name": "paal.png", "mimeType": "image/png", "buffer": PNG})
    next_step(page)
    # step 2: an address without a map
    expect(page.get_by_role("heading", level=1)).to_have_text("Locatie")
    assert_accessible(page)
    tab_to(page, page.get_by_label("Postcode"))
    page.keyboard.type("3511 AB")
    tab_to(page, page.get_by_label("Huisnummer"))
    page.keyboard.type("12")
    tab_to(page, page.get_by_label("Breedtegraad"))
    page.keyboard.type("52,0907")
    tab_to(page, page.get_by_label("Lengtegraad"))
    page.keyboard.type("5,1214")
    next_step(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw gegevens")
    # back: the answers of step 1 are still there, and the lamp post's number is asked now
    activate(page, page.get_by_role("link", name="Vorige stap"))
    activate(page, page.get_by_role("link", name="Vorige stap"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw melding")
    expect(page.get_by_label("Wat is er aan de hand?")).to_have_value("De lantaarnpaal brandt niet")
    expect(page.get_by_text("Toegevoegd: paal.png")).to_be_visible()
    tab_to(page, page.get_by_label("Nummer van de lantaarnpaal"))
    page.keyboard.type("L-1234")
    assert_accessible(page)
    # save and leave
    activate(page, page.get_by_role("button", name="Opslaan en later verder"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw formulier is opgeslagen")
    assert_accessible(page)
    # resume from the list
    activate(page, page.get_by_role("link", name="Naar alle formulieren"))
    activate(
        page,
        page.get_by_role("navigation")
        .or_(page.get_by_role("main"))
        .get_by_role("link", name="Melding openbare ruimte")
        .first,
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw melding")
    expect(page.get_by_label("Nummer van de lantaarnpaal")).to_have_value("L-1234")
    next_step(page)
    next_step(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw gegevens")
    tab_to(page, page.get_by_label("Uw naam"))
    page.keyboard.type("Jan Jansen")
    tab_to(page, page.get_by_label("E-mailadres"))
    page.keyboard.type("jan@example.nl")
    next_step(page)
    # the summary, then submit
    expect(page.get_by_role("heading", level=1)).to_have_text("Controleren en versturen")
    expect(page.get_by_role("main")).to_contain_text("L-1234")
    expect(page.get_by_role("main")).to_contain_text("3511 AB, huisnummer 12")
    assert_accessible(page)
    activate(page, page.get_by_role("button", name="Versturen"))
    # registering (and, in the tests, checking every answer of the registers against the spec)
    # may take a while on a busy machine
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Bedankt, wij hebben uw formulier ontvangen", timeout=60_000
    )
    inzending = Inzending.objects.get()
    expect(page.get_by_role("main")).to_contain_text(f"Uw zaaknummer is {inzending.zaak_identificatie}")
    assert_accessible(page)
    zaak = forms.zaken.zaken.get(inzending.zaak)
    assert zaak.omschrijving.startswith("Melding Straatverlichting")
    # the browser's back button and a second submit make no second zaak
    page.go_back()
    assert len(list(forms.zaken.zaken.list())) == 1


def test_errors_are_summarised_focused_and_nothing_is_kept(
    page: Page, context: BrowserContext, live_server: LiveServer, forms: ZGWClient, settings: Settings
) -> None:
    settings.FORMULIEREN_MAX_UPLOAD_BYTES = 1000
    logged_in_resident(context, live_server)
    page.goto("/loket/formulieren/parkeervergunning/")
    activate(page, page.get_by_role("button", name="Formulier starten"))
    expect(page.get_by_label("Burgerservicenummer")).to_have_value(BSN)
    # a step sent without its required field
    next_step(page)
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("E-mailadres: Dit veld is verplicht.")
    expect(summary).to_be_focused()
    assert_accessible(page)
    # the summary's link takes the keyboard to the field
    activate(page, summary.get_by_role("link", name="E-mailadres: Dit veld is verplicht."))
    expect(page.get_by_label("E-mailadres")).to_be_focused()
    page.keyboard.type("inwoner@example.nl")
    next_step(page)
    # a file of a forbidden type, then one too large
    tab_to(page, page.get_by_label("Kenteken", exact=True))
    page.keyboard.type("AB123C")
    tab_to(page, page.get_by_label("Gebied A (centrum)"))  # the group's first radio button
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("Gebied B (schil)")).to_be_checked()
    page.get_by_label("Gewenste ingangsdatum").fill("2099-01-01")
    expect(page.get_by_label("Kosten per jaar in euro")).to_have_attribute("readonly", "")
    page.get_by_label("Kentekenbewijs").set_input_files(
        {"name": "virus.pdf", "mimeType": "application/pdf", "buffer": b"MZ\x90"}
    )
    next_step(page)
    expect(page.get_by_role("alert")).to_contain_text("Dit soort bestand is niet toegestaan")
    assert_accessible(page)
    page.get_by_label("Kentekenbewijs").set_input_files(
        {"name": "groot.pdf", "mimeType": "application/pdf", "buffer": PDF + b"x" * 2000}
    )
    next_step(page)
    expect(page.get_by_role("alert")).to_contain_text("Het bestand is te groot")
    assert not Inzending.objects.get().bijlagen.exists()
    # the rest of the step was not kept either, so the visitor fills it in again
    page.get_by_label("Kentekenbewijs").set_input_files(
        {"name": "bewijs.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    next_step(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Verklaring")
    activate(page, page.get_by_role("link", name="Vorige stap"))
    expect(page.get_by_label("Kosten per jaar in euro")).to_have_value("120")
    expect(page.get_by_text("Toegevoegd: bewijs.pdf")).to_be_visible()


def test_the_location_step_without_javascript(browser_without_javascript: Page, forms: ZGWClient) -> None:
    page = browser_without_javascript
    page.goto("/loket/formulieren/melding-openbare-ruimte/")
    page.get_by_role("button", name="Formulier starten").click()
    page.get_by_label("Afval").check()
    page.get_by_label("Wat is er aan de hand?").fill("Vuilniszakken naast de container")
    page.get_by_role("button", name="Volgende").click()
    page.get_by_label("Breedtegraad").fill("5,12")  # swapped with the longitude
    page.get_by_label("Lengtegraad").fill("52,09")
    page.get_by_role("button", name="Volgende").click()
    expect(page.get_by_role("alert")).to_contain_text("Deze plek ligt niet in Nederland")
    page.get_by_label("Breedtegraad").fill("52,09")
    page.get_by_label("Lengtegraad").fill("5,12")
    page.get_by_role("button", name="Volgende").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw gegevens")
    page.get_by_role("button", name="Volgende").click()
    page.get_by_role("button", name="Versturen").click()
    expect(page).to_have_url(re.compile(r"/bevestiging/$"), timeout=60_000)
    expect(page.get_by_role("main")).to_contain_text(Inzending.objects.get().zaak_identificatie)
