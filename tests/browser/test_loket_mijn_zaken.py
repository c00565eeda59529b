"""The loket in a real browser, by keyboard, axe-clean: the development login, Mijn zaken, a
zaak's page with its timeline and documents, adding a document, "Wie heeft mijn gegevens
bekeken", logging out; and DigiD through a stand-in broker."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import FilePayload, Locator, Page, expect
from pytest_django import Settings

from tests.browser.harness import assert_accessible, tab_to
from tests.loket import fake_oidc, support
from tests.werkplek import zaken
from zaakwerk.client import ZGWClient, models
from zaakwerk.loket.services import oidc
from zaakwerk.ops.loket import authorise_loket
from zaakwerk.ops.webapps import authorise_werkplek
from zaakwerk.werkplek import zgw

pytestmark = pytest.mark.browser


def press(page: Page, locator: Locator, key: str = "Enter") -> None:
    tab_to(page, locator, max_presses=80)
    page.keyboard.press(key)


@pytest.fixture
def werkplek() -> ZGWClient:
    authorise_werkplek()
    return zgw.service_client()


@pytest.fixture
def demo(werkplek: ZGWClient) -> zaken.Demo:
    found = zaken.demo(werkplek, f"{zgw.base_url()}/referentielijsten/api/v1")
    authorise_loket()
    return found


def a_melding(werkplek: ZGWClient, demo: zaken.Demo, bsn: str = support.BSN_A) -> models.Zaak:
    zaak = support.zaak_of(werkplek, demo.melding, "Losse stoeptegel Dorpsstraat 12", inpBsn=bsn)
    types = zaken.statustypen(werkplek, demo.melding)
    zaken.set_status(werkplek, zaak, types[0], "2026-11-02T09:00:00Z")
    zaken.set_status(werkplek, zaak, types[1], "2026-11-04T09:00:00Z")
    support.document(werkplek, zaak, "Foto van de tegel")
    return zaak


def dev_login(page: Page, nummer: str) -> None:
    page.goto("/loket/")
    assert_accessible(page)
    press(page, page.get_by_role("link", name="Mijn zaken").first)
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    expect(page.get_by_role("heading", name="Ontwikkel-login (alleen voor de demo)")).to_be_visible()
    assert_accessible(page)
    tab_to(page, page.get_by_label("BSN of KVK-nummer"))
    page.keyboard.type(nummer)
    press(page, page.get_by_role("button", name="Inloggen met de ontwikkel-login"))


def test_a_resident_follows_their_zaak_by_keyboard(
    page: Page, settings: Settings, werkplek: ZGWClient, demo: zaken.Demo
) -> None:
    settings.LOKET_DEV_LOGIN = True
    zaak = a_melding(werkplek, demo)
    support.zaak_of(werkplek, demo.bezwaar, "Bezwaar van iemand anders", inpBsn=support.BSN_B)
    # a wrong number is said, with the focus on the error summary
    page.goto("/loket/inloggen/")
    tab_to(page, page.get_by_label("BSN of KVK-nummer"))
    page.keyboard.type("123456789")
    press(page, page.get_by_role("button", name="Inloggen met de ontwikkel-login"))
    expect(page.get_by_text("Dit is geen geldig BSN")).to_have_count(2)
    assert_accessible(page)
    # then the login, and Mijn zaken lists the resident's own zaak only
    dev_login(page, support.BSN_A)
    expect(page).to_have_url(re.compile(r"/loket/mijn-zaken/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn zaken")
    expect(page.get_by_text("(ontwikkel-login)")).to_be_visible()
    expect(page.get_by_role("link", name="Losse stoeptegel Dorpsstraat 12")).to_be_visible()
    expect(page.get_by_text("Bezwaar van iemand anders")).to_have_count(0)
    assert_accessible(page)
    # the zaak's page: where it stands, and the document
    press(page, page.get_by_role("link", name="Losse stoeptegel Dorpsstraat 12"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Losse stoeptegel Dorpsstraat 12")
    expect(page.locator("[aria-current=step]")).to_contain_text("Ingepland")
    expect(page.locator("[aria-current=step]")).to_contain_text("Het herstel is ingepland.")
    expect(page.get_by_role("link", name="Foto van de tegel")).to_be_visible()
    assert_accessible(page)
    # adding a document: a forbidden kind is refused with a message, a PDF is added
    tab_to(page, page.get_by_label("Bestand", exact=True))
    page.get_by_label("Bestand", exact=True).set_input_files(
        files=[FilePayload(name="script.sh", mimeType="text/plain", buffer=b"#!/bin/sh")]
    )
    press(page, page.get_by_role("button", name="Toevoegen"))
    expect(page.get_by_role("alert")).to_contain_text("Dit soort bestand kunt u niet toevoegen")
    expect(page.get_by_role("alert").locator("..")).to_be_focused()
    assert_accessible(page)
    tab_to(page, page.get_by_label("Bestand", exact=True))
    page.get_by_label("Bestand", exact=True).set_input_files(
        files=[FilePayload(name="tweede-foto.pdf", mimeType="application/pdf", buffer=b"%PDF-1.4 foto")]
    )
    tab_to(page, page.get_by_label("Titel"))
    page.keyboard.type("Tweede foto")
    press(page, page.get_by_role("button", name="Toevoegen"))
    expect(page.get_by_role("status")).to_contain_text(
        "Het document ‘Tweede foto’ is toegevoegd aan uw zaak."
    )
    expect(page.get_by_role("link", name="Tweede foto")).to_be_visible()
    assert_accessible(page)
    # who processed it: the werkplek and the resident themselves, no staff names
    press(page, page.get_by_role("link", name="Wie heeft mijn gegevens bekeken"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Wie heeft mijn gegevens bekeken")
    expect(page.get_by_role("cell", name="Uzelf, via het loket").first).to_be_visible()
    expect(page.get_by_role("cell", name="Zaakwerk werkplek").first).to_be_visible()
    assert_accessible(page)
    # logging out
    press(page, page.get_by_role("button", name="Uitloggen"))
    expect(page.get_by_role("status")).to_contain_text("U bent uitgelogd.")
    page.goto(f"/loket/mijn-zaken/{zaak.uuid}/")
    expect(page).to_have_url(re.compile(r"/loket/inloggen/\?volgende="))


def test_another_residents_zaak_is_not_found(
    page: Page, settings: Settings, werkplek: ZGWClient, demo: zaken.Demo
) -> None:
    settings.LOKET_DEV_LOGIN = True
    zaak = a_melding(werkplek, demo, support.BSN_B)
    dev_login(page, support.BSN_A)
    expect(page.get_by_text("U heeft nog geen zaken bij ons.")).to_be_visible()
    document = next(werkplek.zaken.zaakinformatieobjecten.list(zaak=zaak.url)).informatieobject.rsplit(
        "/", 1
    )[-1]
    for path in ("", f"documenten/{document}/"):
        assert page.request.get(f"/loket/mijn-zaken/{zaak.uuid}/{path}").status == 404, path


@pytest.fixture
def broker(settings: Settings) -> Iterator[fake_oidc.Broker]:
    with fake_oidc.serving() as served:
        settings.LOKET_DEV_LOGIN = False
        settings.LOKET_OIDC_DIGID_ISSUER = served.url
        settings.LOKET_OIDC_DIGID_CLIENT_ID = served.client_id
        settings.LOKET_OIDC_DIGID_CLIENT_SECRET = served.client_secret
        oidc.forget_metadata()
        yield served
        oidc.forget_metadata()


def test_digid_through_the_broker(
    page: Page, broker: fake_oidc.Broker, werkplek: ZGWClient, demo: zaken.Demo
) -> None:
    a_melding(werkplek, demo)
    broker.claims = {"bsn": support.BSN_A, "name": "D. Demo"}
    page.goto("/loket/mijn-zaken/")
    expect(page.get_by_role("heading", name="Ontwikkel-login (alleen voor de demo)")).to_have_count(0)
    assert_accessible(page)
    press(page, page.get_by_role("link", name="Inloggen met DigiD"))
    expect(page.get_by_role("heading", name="Testmakelaar")).to_be_visible()
    press(page, page.get_by_role("button", name="Inloggen"))
    expect(page).to_have_url(re.compile(r"/loket/mijn-zaken/$"))
    expect(page.get_by_text("Ingelogd als D. Demo")).to_be_visible()
    expect(page.get_by_role("link", name="Losse stoeptegel Dorpsstraat 12")).to_be_visible()
    assert_accessible(page)
