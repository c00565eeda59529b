"""The Formulier tab of beheer in a real browser, by keyboard, axe-clean: a form made and edited
with the check's reason at the field, published; its preview with the status timeline; and an
import with a form and handling parameters, exported again."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.beheer.test_transfer_extra import with_own
from tests.browser.harness import assert_accessible
from tests.browser.test_beheer import _zaaktype, api, demo, press  # fixtures: api, demo
from zaakwerk.client import ZGWClient
from zaakwerk.formulieren import demo as demo_forms
from zaakwerk.web.roles import Role

pytestmark = pytest.mark.browser

__all__ = ["api", "demo"]


def test_a_form_is_made_edited_and_published_by_keyboard(
    login_as: Callable[[Role | None], Page], api: ZGWClient, demo: str
) -> None:
    uuid = _zaaktype(api, demo, "MELDING-OPENBARE-RUIMTE")
    page = login_as(Role.BEHEERDER)
    page.goto(f"/beheer/zaaktypen/{uuid}/gegevens/")
    tabs = page.get_by_role("navigation", name="Onderdelen van het zaaktype")
    press(page, tabs.get_by_role("link", name="Formulier"))
    expect(tabs.get_by_role("link", name="Formulier")).to_have_attribute("aria-current", "page")
    assert_accessible(page)
    page.get_by_label("Adres van het formulier").fill("melding")
    press(page, page.get_by_role("button", name="Formulier aanmaken"))
    expect(page.get_by_role("status").filter(has_text="aangemaakt als concept")).to_be_visible()
    expect(page.get_by_role("table", name="Versies van formulier melding")).to_contain_text("concept")
    assert_accessible(page)
    # a step whose first field has a key the form has already: the reason at that field
    page.get_by_label("Sleutel van de stap").fill("melding")
    page.get_by_label("Titel van de stap").fill("Uw melding")
    page.get_by_label("Sleutel van het eerste veld").fill("email")
    page.get_by_label("Vraag van het eerste veld").fill("Wat is er aan de hand?")
    page.get_by_label("Soort van het eerste veld").select_option("textarea")
    press(page, page.get_by_role("button", name="Stap toevoegen"))
    expect(page.locator(".utrecht-form-field--invalid")).to_contain_text("Deze sleutel komt al voor")
    assert_accessible(page)
    page.get_by_label("Sleutel van het eerste veld").fill("wat")
    press(page, page.get_by_role("button", name="Stap toevoegen"))
    expect(page.get_by_role("status").filter(has_text="De stap is toegevoegd")).to_be_visible()
    press(page, page.get_by_role("button", name="Uw melding omhoog"))
    expect(page.locator(".zw-form-steps > li").first).to_contain_text("Uw melding")
    # a field of the step, with the options of its type
    press(page, page.get_by_role("link", name="Stap Uw melding en haar velden wijzigen"))
    expect(page.get_by_role("heading", level=2)).to_have_text("Stap Uw melding")
    assert_accessible(page)
    page.get_by_label("Sleutel", exact=True).last.fill("categorie")
    page.get_by_label("Vraag", exact=True).fill("Soort melding")
    page.get_by_label("Soort veld").select_option("choice")
    press(page, page.get_by_role("button", name="Veld toevoegen"))
    expect(page.get_by_role("heading", level=2)).to_have_text("Veld Soort melding")
    expect(page.get_by_label("Opties")).to_have_value("ja=Ja\nnee=Nee")
    page.get_by_label("Opties").fill("afval=Afval\nkapot")
    press(page, page.get_by_role("button", name="Veld opslaan"))
    field = page.locator(".utrecht-form-field--invalid")
    expect(field).to_contain_text("waarde=tekst")
    assert_accessible(page)
    page.get_by_label("Opties").fill("afval=Afval\nverlichting=Straatverlichting")
    page.get_by_label("Eigenschap van de zaak").select_option("categorie")
    press(page, page.get_by_role("button", name="Veld opslaan"))
    expect(page.get_by_role("status").filter(has_text="Het veld is opgeslagen")).to_be_visible()
    # publish from the tab
    press(page, page.get_by_role("link", name="Terug naar stap Uw melding"))
    press(page, page.get_by_role("link", name="Terug naar het formulier"))
    press(page, page.get_by_role("button", name="Concept publiceren"))
    expect(page.get_by_role("status").filter(has_text="Versie 1 is gepubliceerd")).to_be_visible()
    expect(page.get_by_role("button", name="Formulier intrekken")).to_be_visible()
    assert_accessible(page)


def test_the_preview_ends_in_the_status_timeline(
    login_as: Callable[[Role | None], Page], api: ZGWClient, demo: str
) -> None:
    demo_forms.load(demo)
    uuid = _zaaktype(api, demo, "MELDING-OPENBARE-RUIMTE")
    page = login_as(Role.BEHEERDER)
    page.goto(f"/beheer/zaaktypen/{uuid}/formulier/")
    press(page, page.get_by_role("link", name="Voorbeeld bekijken: invullen als inwoner"))
    expect(page.get_by_role("note")).to_contain_text("Er wordt niets geregistreerd")
    assert_accessible(page)
    press(page, page.get_by_role("button", name="Voorbeeld beginnen"))
    expect(page.get_by_role("heading", level=2)).to_have_text("Uw melding")
    press(page, page.get_by_role("button", name="Volgende"))
    expect(page.get_by_text("Dit veld is verplicht.").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Straatverlichting").check()
    page.get_by_label("Wat is er aan de hand?").fill("De lamp brandt niet.")
    press(page, page.get_by_role("button", name="Volgende"))
    expect(page.get_by_role("heading", level=2)).to_have_text("Locatie")
    page.get_by_label("Postcode").fill("3511 AB")
    page.get_by_label("Huisnummer").fill("1")
    press(page, page.get_by_role("button", name="Volgende"))
    press(page, page.get_by_role("button", name="Volgende"))
    expect(page.get_by_role("heading", level=2)).to_have_text("Controleren en versturen")
    expect(page.get_by_text("De lamp brandt niet.")).to_be_visible()
    assert_accessible(page)
    press(page, page.get_by_role("button", name="Versturen (voorbeeld)"))
    timeline = page.locator(".zw-timeline")
    expect(timeline.locator('[aria-current="step"]')).to_contain_text("Wij hebben uw melding ontvangen.")
    expect(timeline).to_contain_text("Opgelost")
    assert_accessible(page)


def test_an_import_with_a_form_and_parameters_and_its_export(
    login_as: Callable[[Role | None], Page], api: ZGWClient
) -> None:
    page = login_as(Role.BEHEERDER)
    page.goto("/beheer/import/")
    page.get_by_label("ZIP-bestand").set_input_files(
        {"name": "export.zip", "mimeType": "application/zip", "buffer": with_own(forms=[{"slug": "x"}])}
    )
    press(page, page.get_by_role("button", name="Controleren en importeren"))
    expect(page.get_by_role("alert")).to_contain_text("Er is niets geïmporteerd")
    assert_accessible(page)
    page.get_by_label("ZIP-bestand").set_input_files(
        {"name": "export.zip", "mimeType": "application/zip", "buffer": with_own()}
    )
    press(page, page.get_by_role("button", name="Controleren en importeren"))
    expect(page.get_by_role("status").filter(has_text="1 formulieren")).to_contain_text(
        "1 behandelparameters"
    )
    assert_accessible(page)
    catalogus = next(api.catalogi.catalogussen.list(domein="VRBLD")).url
    uuid = _zaaktype(api, catalogus, "KAPVERGUNNING")
    page.goto(f"/beheer/zaaktypen/{uuid}/formulier/")
    expect(page.get_by_role("table", name="Versies van formulier kapvergunning")).to_contain_text(
        "gepubliceerd"
    )
    assert_accessible(page)
    with page.expect_download() as download:
        press(page, page.get_by_role("link", name="Exporteren (ZIP)"))
    with zipfile.ZipFile(io.BytesIO(download.value.path().read_bytes())) as archive:
        forms = json.loads(archive.read("Zaakwerk-Formulieren.json"))
        parameters = json.loads(archive.read("Zaakwerk-Behandelparameters.json"))
    assert [item["slug"] for item in forms] == ["kapvergunning"]
    assert [item["default_group"] for item in parameters] == ["groen"]
