"""Beheer in a real browser, by keyboard, axe-clean: browse, edit with the API's reason at the
field, reorder statustypen, a new version and its diff, the publish check list and publishing,
import and export."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.browser.harness import assert_accessible, tab_to
from zaakwerk.beheer import zgw
from zaakwerk.beheer.services import editor
from zaakwerk.client import ZGWClient
from zaakwerk.ops.demo import load_demo
from zaakwerk.ops.webapps import authorise_beheer
from zaakwerk.web.roles import Role

pytestmark = pytest.mark.browser

EXPORT = Path(__file__).parents[1] / "beheer" / "data" / "openzaak-export.zip"


def press(page: Page, locator: Locator, key: str = "Enter") -> None:
    """Tab to ``locator`` (pages with many stops) and press ``key``."""
    tab_to(page, locator, max_presses=250)
    page.keyboard.press(key)


@pytest.fixture
def api() -> ZGWClient:
    from django.contrib.auth.models import User

    authorise_beheer()
    system = User(username="beheer-tests", first_name="Tests")
    return zgw.client_for(system)


@pytest.fixture
def demo(api: ZGWClient) -> str:
    return load_demo(api, referentielijsten=zgw.referentielijsten_root()).catalogus


def _zaaktype(api: ZGWClient, catalogus: str, identificatie: str) -> str:
    found = next(
        api.catalogi.zaaktypen.list(catalogus=catalogus, identificatie=identificatie, status="alles")
    )
    return found.url.rsplit("/", 1)[-1]


def _concept(api: ZGWClient, catalogus: str, statussen: tuple[str, ...] = ()) -> str:
    from django.contrib.auth.models import AnonymousUser

    body = {
        "catalogus": catalogus,
        "identificatie": "BOOMKAP",
        "omschrijving": "Melding boomkap",
        "vertrouwelijkheidaanduiding": "openbaar",
        "doel": "Weten welke bomen worden gekapt.",
        "aanleiding": "Een melding.",
        "indicatieInternOfExtern": "extern",
        "handelingInitiator": "melden",
        "onderwerp": "Boomkap",
        "handelingBehandelaar": "registreren",
        "doorlooptijd": "P2W",
        "opschortingEnAanhoudingMogelijk": False,
        "verlengingMogelijk": False,
        "publicatieIndicatie": False,
        "productenOfDiensten": ["https://producten.example/boomkap"],
        "referentieproces": {"naam": "Melden"},
        "verantwoordelijke": "Team Groen",
        "besluittypen": [],
        "gerelateerdeZaaktypen": [],
        "beginGeldigheid": "2026-01-01",
        "versiedatum": "2026-01-01",
    }
    created = editor.create_zaaktype(api, AnonymousUser(), body)
    for index, name in enumerate(statussen, start=1):
        api.catalogi.statustypen.create(
            {"zaaktype": created["url"], "omschrijving": name, "volgnummer": index}
        )
    return str(created["url"]).rsplit("/", 1)[-1]


def test_browse_catalogi_by_keyboard(login_as: Callable[[Role | None], Page], demo: str) -> None:
    page = login_as(Role.BEHEERDER)
    page.goto("/beheer/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Catalogi")
    assert_accessible(page)
    press(page, page.get_by_role("link", name="Demogemeente"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Catalogus Demogemeente")
    expect(page.get_by_role("table", name="Zaaktypen en hun versies")).to_contain_text("PARKEERVERGUNNING")
    expect(page.get_by_role("table", name="Informatieobjecttypen en hun versies")).to_contain_text("Aanvraag")
    assert_accessible(page)
    press(page, page.get_by_role("link", name="PARKEERVERGUNNING"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Aanvraag parkeervergunning")
    expect(page.get_by_text("Deze versie is gepubliceerd")).to_be_visible()
    assert_accessible(page)
    tabs = page.get_by_role("navigation", name="Onderdelen van het zaaktype")
    for name in (
        "Statustypen (3)",
        "Resultaattypen (3)",
        "Informatieobjecttypen",
        "Besluiten en zaaktypen",
        "Behandeling in de werkplek",
    ):
        press(page, tabs.get_by_role("link", name=name))
        expect(tabs.get_by_role("link", name=name)).to_have_attribute("aria-current", "page")
        assert_accessible(page)


def test_an_api_refusal_is_shown_at_the_field(
    login_as: Callable[[Role | None], Page], api: ZGWClient, demo: str
) -> None:
    uuid = _concept(api, demo)
    page = login_as(Role.BEHEERDER)
    page.goto(f"/beheer/zaaktypen/{uuid}/gegevens/")
    assert_accessible(page)
    # when: a doorlooptijd only the API can judge
    field = page.get_by_label("Doorlooptijd", exact=True)
    tab_to(page, field, max_presses=250)
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("twee weken")
    press(page, page.get_by_role("button", name="Gegevens opslaan"))
    # then the API's own reason is next to the field, and the summary links to it
    expect(page.get_by_role("alert").first).to_contain_text("De Catalogi API weigert de wijziging")
    expect(field).to_have_attribute("aria-invalid", "true")
    error = page.locator("#id_doorlooptijd-error")
    expect(error).not_to_be_empty()
    assert_accessible(page)


def test_reorder_statustypen_without_javascript_tricks(
    login_as: Callable[[Role | None], Page], api: ZGWClient, demo: str
) -> None:
    uuid = _concept(api, demo, ("Ontvangen", "Afgehandeld", "In behandeling"))
    page = login_as(Role.BEHEERDER)
    page.goto(f"/beheer/zaaktypen/{uuid}/statustypen/")
    assert_accessible(page)
    press(page, page.get_by_role("button", name="In behandeling omhoog"))
    expect(page.get_by_text("De volgorde is aangepast.")).to_be_visible()
    rows = page.get_by_role("table", name="Statustypen").locator("tbody tr")
    expect(rows.nth(0)).to_contain_text("Ontvangen")
    expect(rows.nth(1)).to_contain_text("In behandeling")
    expect(rows.nth(2)).to_contain_text("Afgehandeld")
    assert_accessible(page)
    # and a statustype is added with its statustekst
    tab_to(page, page.get_by_label("Omschrijving", exact=True), max_presses=250)
    page.keyboard.type("Gecontroleerd")
    page.get_by_label("Statustekst voor de inwoner").fill("Wij hebben alles gecontroleerd.")
    press(page, page.get_by_role("button", name="Toevoegen"))
    expect(rows.nth(3)).to_contain_text("Wij hebben alles gecontroleerd.")


def test_new_version_diff_and_publish(
    login_as: Callable[[Role | None], Page], api: ZGWClient, demo: str
) -> None:
    uuid = _zaaktype(api, demo, "PARKEERVERGUNNING")
    page = login_as(Role.BEHEERDER)
    page.goto(f"/beheer/zaaktypen/{uuid}/versies/")
    assert_accessible(page)
    # a new version
    tab_to(page, page.get_by_label("Begin geldigheid van de nieuwe versie"), max_presses=250)
    page.keyboard.type("2030-01-01")
    press(page, page.get_by_role("button", name="Nieuwe versie maken"))
    expect(page.get_by_text("De nieuwe versie is aangemaakt als concept.")).to_be_visible()
    expect(page.get_by_text("Geldig van 2030-01-01")).to_be_visible()
    # a change in the concept
    tabs = page.get_by_role("navigation", name="Onderdelen van het zaaktype")
    press(page, tabs.get_by_role("link", name="Statustypen (3)"))
    press(page, page.get_by_role("link", name="Wijzig Ontvangen"))
    statustekst = page.get_by_label("Statustekst voor de inwoner")
    statustekst.fill("Uw aanvraag is binnen.")
    press(page, page.get_by_role("button", name="Opslaan"))
    # the diff with the published version
    press(page, tabs.get_by_role("link", name="Versies"))
    press(page, page.get_by_role("link", name="Verschil met de versie van 2024-01-01"))
    expect(page.get_by_role("table", name="Gewijzigd: Ontvangen")).to_contain_text("Uw aanvraag is binnen.")
    assert_accessible(page)
    # the check list, then publish
    press(page, tabs.get_by_role("link", name="Publiceren"))
    expect(page.get_by_text("Ontbreekt:")).to_have_count(0)
    assert_accessible(page)
    press(page, page.get_by_role("button", name="Publiceren"))
    expect(page.get_by_text("Het zaaktype is gepubliceerd.")).to_be_visible()
    table = page.get_by_role("table", name="Versies van PARKEERVERGUNNING")
    expect(table).to_contain_text("2029-12-31")
    expect(table.get_by_text("concept")).to_have_count(0)
    assert_accessible(page)


def test_publish_check_list_blocks_an_incomplete_concept(
    login_as: Callable[[Role | None], Page], api: ZGWClient, demo: str
) -> None:
    uuid = _concept(api, demo, ("Ontvangen",))
    page = login_as(Role.BEHEERDER)
    page.goto(f"/beheer/zaaktypen/{uuid}/publiceren/")
    expect(page.get_by_text("Minstens twee statustypen")).to_be_visible()
    expect(page.get_by_role("button", name="Publiceren")).to_have_count(0)
    assert_accessible(page)


def test_import_and_export(login_as: Callable[[Role | None], Page], api: ZGWClient) -> None:
    page = login_as(Role.BEHEERDER)
    page.goto("/beheer/")
    press(page, page.get_by_role("navigation").get_by_role("link", name="Importeren"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Catalogus of zaaktype importeren")
    assert_accessible(page)
    # a bad file first: a clear report, nothing imported
    bad = page.get_by_label("ZIP-bestand")
    bad.set_input_files({"name": "leeg.zip", "mimeType": "application/zip", "buffer": b"geen zip"})
    press(page, page.get_by_role("button", name="Controleren en importeren"))
    expect(page.get_by_role("alert")).to_contain_text("Er is niets geïmporteerd")
    assert_accessible(page)
    # then the export of Open Zaak
    page.get_by_label("ZIP-bestand").set_input_files(str(EXPORT))
    press(page, page.get_by_role("button", name="Controleren en importeren"))
    expect(page.get_by_role("status").filter(has_text="Geïmporteerd:")).to_be_visible()
    assert_accessible(page)
    press(page, page.get_by_role("link", name="Naar de catalogus"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Catalogus Gemeente Voorbeeld")
    with page.expect_download() as download:
        press(page, page.get_by_role("link", name="Catalogus exporteren (ZIP)"))
    assert download.value.suggested_filename == "catalogus-VRBLD.zip"
    # the change record names who did it
    page.goto("/beheer/wijzigingen/")
    expect(page.get_by_role("table", name="Wijzigingen, nieuwste eerst")).to_contain_text(
        "Import in catalogus VRBLD"
    )
    assert_accessible(page)
    assert re.search(r"Sam de Tester", page.content())
