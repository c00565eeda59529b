"""The zaak page, its documents and zaak aanmaken in a real browser, by keyboard, axe-clean."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import FilePayload, Locator, Page, expect
from pytest_django import Settings

from tests.browser.harness import assert_accessible, tab_to
from tests.werkplek import zaken
from tests.werkplek.test_documenten import close
from zaakwerk.client import ZGWClient, models
from zaakwerk.ops.webapps import authorise_werkplek
from zaakwerk.web.roles import Role
from zaakwerk.werkplek import zgw

pytestmark = pytest.mark.browser


def press(page: Page, locator: Locator, key: str = "Enter") -> None:
    """Tab to ``locator`` (a long page: many stops) and press ``key``."""
    tab_to(page, locator, max_presses=120)
    page.keyboard.press(key)


@pytest.fixture
def werkplek() -> ZGWClient:
    authorise_werkplek()
    return zgw.service_client()


@pytest.fixture
def demo(werkplek: ZGWClient) -> zaken.Demo:
    return zaken.demo(werkplek, f"{zgw.base_url()}/referentielijsten/api/v1")


def a_melding(werkplek: ZGWClient, demo: zaken.Demo) -> models.Zaak:
    area = {"type": "Polygon", "coordinates": [[[5.11, 52.09], [5.12, 52.09], [5.12, 52.1], [5.11, 52.09]]]}
    zaak = zaken.zaak(werkplek, demo.melding, "Losse stoeptegel Dorpsstraat 12", zaakgeometrie=area)
    types = zaken.statustypen(werkplek, demo.melding)
    zaken.set_status(werkplek, zaak, types[0], "2026-11-02T09:00:00Z")
    zaken.document(werkplek, zaak, demo.melding, "melding")
    return zaak


def test_the_zaak_page_by_keyboard(
    login_as: Callable[[Role | None], Page], werkplek: ZGWClient, demo: zaken.Demo
) -> None:
    zaak = a_melding(werkplek, demo)
    page = login_as(Role.BEHANDELAAR)
    page.goto(f"/werkplek/zaken/{zaak.uuid}/")
    # then every part of the zaak is there, under its own heading
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Zaak {zaak.identificatie}")
    for name in (
        "Gegevens",
        "Status",
        "Betrokkenen",
        "Documenten",
        "Besluiten en resultaat",
        "Locatie",
        "Geschiedenis",
    ):
        expect(page.get_by_role("heading", level=2, name=name, exact=True)).to_be_visible()
    expect(page.locator("[aria-current=step]")).to_contain_text("Gemeld")
    expect(page.get_by_role("img", name="Omtrek van de locatie, noorden boven")).to_be_visible()
    assert_accessible(page)
    # the zaak's actions and tasks are a keyboard press away
    press(page, page.get_by_role("link", name="Acties op deze zaak"))
    expect(page).to_have_url(re.compile(rf"/werkplek/zaken/{zaak.uuid}/acties/$"))
    page.go_back()
    # the in-page menu takes the keyboard user to the documents; the document opens by keyboard
    press(
        page,
        page.get_by_role("navigation", name="Onderdelen van de zaak").get_by_role("link", name="Documenten"),
    )
    expect(page).to_have_url(re.compile(r"#documenten$"))
    press(page, page.get_by_role("link", name="melding", exact=True))
    expect(page.get_by_role("heading", level=1)).to_have_text("melding")
    expect(page.get_by_role("link", name="Versie 1 downloaden")).to_be_visible()
    assert_accessible(page)


def test_a_zaak_outside_the_users_roles_is_not_found(
    login_as: Callable[[Role | None], Page], werkplek: ZGWClient, demo: zaken.Demo
) -> None:
    zaak = a_melding(werkplek, demo)
    document = next(werkplek.zaken.zaakinformatieobjecten.list(zaak=zaak.url)).informatieobject.rsplit(
        "/", 1
    )[-1]
    page = login_as(None)  # no role: the zaak and its document do not exist for this user
    for path in ("", "documenten/toevoegen/", f"documenten/{document}/", f"documenten/{document}/download/"):
        assert page.request.get(f"/werkplek/zaken/{zaak.uuid}/{path}").status == 404, path


def test_changing_gegevens_with_a_reason_by_keyboard(
    login_as: Callable[[Role | None], Page], werkplek: ZGWClient, demo: zaken.Demo
) -> None:
    zaak = a_melding(werkplek, demo)
    page = login_as(Role.BEHANDELAAR)
    page.goto(f"/werkplek/zaken/{zaak.uuid}/")
    press(page, page.get_by_role("link", name="Gegevens wijzigen"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Gegevens wijzigen")
    assert_accessible(page)
    # when the reason is left out, the error summary says so and has the focus
    tab_to(page, page.get_by_label("Omschrijving"))
    page.keyboard.press("Control+A")
    page.keyboard.type("Twee losse stoeptegels Dorpsstraat 12")
    press(page, page.get_by_role("button", name="Wijzigingen opslaan"))
    expect(page.get_by_role("alert")).to_contain_text("Reden van de wijziging")
    expect(page.get_by_role("alert")).to_be_focused()
    assert_accessible(page)
    # with a reason the change is made, and the history says who and why
    tab_to(page, page.get_by_label("Reden van de wijziging"))
    page.keyboard.type("Melder belde: het zijn er twee")
    press(page, page.get_by_role("button", name="Wijzigingen opslaan"))
    expect(page.get_by_role("status")).to_contain_text("De gegevens van de zaak zijn gewijzigd.")
    expect(page.locator(".utrecht-paragraph--lead")).to_have_text("Twee losse stoeptegels Dorpsstraat 12")
    history = page.get_by_role("table", name="Wat er met de zaak gebeurde, nieuwste eerst")
    expect(history.get_by_role("row").nth(1)).to_contain_text("Melder belde: het zijn er twee")
    expect(history.get_by_role("row").nth(1)).to_contain_text("Sam de Tester")
    assert_accessible(page)


def test_documents_added_locked_and_refused_when_too_large(
    login_as: Callable[[Role | None], Page], werkplek: ZGWClient, demo: zaken.Demo, settings: Settings
) -> None:
    settings.WERKPLEK_MAX_UPLOAD_BYTES = 1000
    zaak = a_melding(werkplek, demo)
    page = login_as(Role.BEHANDELAAR)
    page.goto(f"/werkplek/zaken/{zaak.uuid}/")
    press(page, page.get_by_role("link", name="Documenten toevoegen"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Documenten toevoegen")
    assert_accessible(page)
    # a file too large: a clear message, and nothing added
    tab_to(page, page.get_by_label("Bestanden"))
    page.get_by_label("Bestanden").set_input_files(
        [
            FilePayload(name="klein.png", mimeType="image/png", buffer=b"\x89PNG small"),
            FilePayload(name="groot.pdf", mimeType="application/pdf", buffer=b"%PDF" + b"x" * 2000),
        ]
    )
    press(page, page.get_by_role("button", name="Toevoegen"))
    expect(page.get_by_role("alert")).to_contain_text("groot.pdf is te groot")
    assert_accessible(page)
    assert len(list(werkplek.zaken.zaakinformatieobjecten.list(zaak=zaak.url))) == 1
    # two small files at once
    page.get_by_label("Bestanden").set_input_files(
        [
            FilePayload(name="foto.png", mimeType="image/png", buffer=b"\x89PNG small"),
            FilePayload(name="brief.pdf", mimeType="application/pdf", buffer=b"%PDF-1.4 brief"),
        ]
    )
    press(page, page.get_by_role("button", name="Toevoegen"))
    expect(page.get_by_role("status")).to_contain_text("2 document(en) toegevoegd.")
    documents = page.get_by_role("table", name="Documenten bij de zaak")
    expect(documents.get_by_role("link", name="foto.png")).to_be_visible()
    expect(documents.get_by_role("link", name="brief.pdf")).to_be_visible()
    # lock it, then unlock it, by keyboard
    press(page, documents.get_by_role("link", name="brief.pdf"))
    press(page, page.get_by_role("button", name="Vergrendelen"))
    expect(page.get_by_role("status")).to_contain_text("Je hebt het document vergrendeld.")
    expect(page.get_by_role("button", name="Ontgrendelen")).to_be_visible()
    assert_accessible(page)
    press(page, page.get_by_role("button", name="Ontgrendelen"))
    expect(page.get_by_role("status")).to_contain_text("Het document is ontgrendeld.")
    expect(page.get_by_role("link", name="Bekijken in de browser (nieuw tabblad)")).to_be_visible()


def test_zaak_aanmaken_by_keyboard(
    login_as: Callable[[Role | None], Page], werkplek: ZGWClient, demo: zaken.Demo
) -> None:
    page = login_as(Role.BEHANDELAAR)
    page.goto("/werkplek/")
    press(
        page, page.get_by_role("navigation", name="Menu werkplek").get_by_role("link", name="Zaak aanmaken")
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Zaak aanmaken")
    assert_accessible(page)
    tab_to(page, page.get_by_label("Zaaktype"))
    page.get_by_label("Zaaktype").select_option(label="Melding openbare ruimte")
    tab_to(page, page.get_by_label("Omschrijving"))
    page.keyboard.type("Omgewaaide boom Kerkstraat")
    tab_to(page, page.get_by_label("BSN, KVK-nummer of vestigingsnummer"))
    page.keyboard.type("111222333")
    press(page, page.get_by_role("button", name="Zaak aanmaken"))
    expect(page.get_by_role("status")).to_contain_text("is aangemaakt")
    expect(page.locator(".utrecht-paragraph--lead")).to_have_text("Omgewaaide boom Kerkstraat")
    expect(page.locator("[aria-current=step]")).to_contain_text("Gemeld")
    expect(page.get_by_role("table", name="Betrokkenen bij de zaak")).to_contain_text("111222333")
    assert_accessible(page)


def test_a_new_version_metadata_and_an_expired_lock_by_keyboard(
    login_as: Callable[[Role | None], Page], werkplek: ZGWClient, demo: zaken.Demo
) -> None:
    zaak = a_melding(werkplek, demo)
    link = next(werkplek.zaken.zaakinformatieobjecten.list(zaak=zaak.url))
    page = login_as(Role.BEHANDELAAR)
    page.goto(f"/werkplek/zaken/{zaak.uuid}/documenten/{link.informatieobject.rsplit('/', 1)[-1]}/")
    # a new version, with its reason
    tab_to(page, page.get_by_label("Nieuw bestand"), max_presses=120)
    page.get_by_label("Nieuw bestand").set_input_files(
        FilePayload(name="melding-v2.pdf", mimeType="application/pdf", buffer=b"%PDF-1.4 v2")
    )
    tab_to(page, page.get_by_label("Reden van de nieuwe versie"))
    page.keyboard.type("Melder stuurde een betere foto")
    press(page, page.get_by_role("button", name="Nieuwe versie opslaan"))
    expect(page.get_by_role("status")).to_contain_text("De nieuwe versie is opgeslagen.")
    expect(page.get_by_role("link", name="Versie 2 downloaden")).to_be_visible()
    # lock it; then someone unlocks it by force elsewhere: the change is refused, nothing changes
    press(page, page.get_by_role("button", name="Vergrendelen"))
    expect(page.get_by_role("button", name="Ontgrendelen")).to_be_visible()
    werkplek.documenten.unlock(link.informatieobject)
    tab_to(page, page.get_by_label("Titel"), max_presses=120)
    page.keyboard.press("Control+A")
    page.keyboard.type("Melding met foto")
    tab_to(page, page.get_by_label("Reden van de wijziging"))
    page.keyboard.type("Duidelijkere titel")
    press(page, page.get_by_role("button", name="Gegevens opslaan"))
    expect(page.get_by_role("alert")).to_contain_text("Je vergrendeling is verlopen")
    assert_accessible(page)
    assert werkplek.documenten.enkelvoudiginformatieobjecten.get(link.informatieobject).titel == "melding"
    # without a lock of one's own, the change is made (locked and unlocked around it)
    tab_to(page, page.get_by_label("Titel"), max_presses=120)
    page.keyboard.press("Control+A")
    page.keyboard.type("Melding met foto")
    tab_to(page, page.get_by_label("Reden van de wijziging"))
    page.keyboard.type("Duidelijkere titel")
    press(page, page.get_by_role("button", name="Gegevens opslaan"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Melding met foto")


def test_a_zaak_closed_meanwhile_says_so(
    login_as: Callable[[Role | None], Page], werkplek: ZGWClient, demo: zaken.Demo
) -> None:
    zaak = a_melding(werkplek, demo)
    page = login_as(Role.BEHANDELAAR)
    page.goto(f"/werkplek/zaken/{zaak.uuid}/gegevens/")
    tab_to(page, page.get_by_label("Reden van de wijziging"), max_presses=60)
    page.keyboard.type("Te laat")
    close(werkplek, zaak, demo.melding)  # by someone else, while the form is open
    press(page, page.get_by_role("button", name="Wijzigingen opslaan"))
    expect(page.get_by_role("alert")).to_contain_text(
        "Deze zaak is intussen afgesloten. Er is niets gewijzigd."
    )
    assert_accessible(page)
    assert werkplek.zaken.zaken.get(zaak.url).omschrijving == "Losse stoeptegel Dorpsstraat 12"


def test_a_note_by_keyboard(
    login_as: Callable[[Role | None], Page], werkplek: ZGWClient, demo: zaken.Demo
) -> None:
    zaak = a_melding(werkplek, demo)
    page = login_as(Role.BEHANDELAAR)
    page.goto(f"/werkplek/zaken/{zaak.uuid}/")
    press(page, page.get_by_role("link", name="Notitie toevoegen"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Notitie toevoegen aan zaak {zaak.identificatie}"
    )
    assert_accessible(page)
    # an empty note is refused on the page
    press(page, page.get_by_role("button", name="Notitie opslaan"))
    expect(page.locator(".utrecht-form-field--invalid").first).to_be_visible()
    assert_accessible(page)
    # typed and saved by keyboard, the note is on the zaak page
    tab_to(page, page.get_by_label("Onderwerp"))
    page.keyboard.type("Melder gebeld")
    tab_to(page, page.get_by_label("Tekst"))
    page.keyboard.type("De tegel ligt bij de ingang van de school.")
    tab_to(page, page.get_by_label("Ook zichtbaar voor de initiator"))
    page.keyboard.press("Space")
    press(page, page.get_by_role("button", name="Notitie opslaan"))
    expect(page).to_have_url(re.compile(rf"/werkplek/zaken/{zaak.uuid}/#notities$"))
    note = page.get_by_role("article", name="Melder gebeld")
    expect(note).to_contain_text("De tegel ligt bij de ingang van de school.")
    expect(note).to_contain_text("ook zichtbaar voor de initiator")
    assert_accessible(page)
