"""The archief in a real browser, by keyboard only, each page axe-clean: a destruction list from
the selection through a review with a send-back to its destruction with the verklaring; and a
transfer package, valid against the MDTO XSD, whose zaken are recorded as overgedragen once the
e-Depot confirmed its receipt."""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest
import xmlschema
from django.contrib.auth.models import User
from django.test import Client
from playwright.sync_api import BrowserContext, Locator, Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.archief.support import archief_client, closed_zaak, staff, zaaktype
from tests.archief.test_transfer import XSD
from tests.browser.harness import assert_accessible, tab_to
from tests.browser.test_screenshots import FOLDER, shoot
from zaakwerk.archief.models import DestructionList, ListState
from zaakwerk.archief.roles import ArchiefRole
from zaakwerk.client import ZGWClient

pytestmark = pytest.mark.browser


@pytest.fixture
def client(transactional_db: None) -> ZGWClient:
    return archief_client()


def screenshot(page: Page, name: str) -> None:
    """With ``make screenshots``: the page as it is now, for docs/archief.md."""
    if FOLDER:
        shoot(page, name)


def press(page: Page, locator: Locator, key: str = "Enter") -> None:
    tab_to(page, locator, max_presses=150)
    page.keyboard.press(key)


def log_in(context: BrowserContext, live_server: LiveServer, user: User) -> None:
    web = Client()
    web.force_login(user)
    context.clear_cookies()
    context.add_cookies(
        [{"name": "sessionid", "value": web.cookies["sessionid"].value, "url": str(live_server)}]
    )


def test_compose_review_send_back_approve_and_destroy(
    page: Page, context: BrowserContext, live_server: LiveServer, client: ZGWClient
) -> None:
    melding = zaaktype(client)
    kept, destroyed = (closed_zaak(client, melding, documenten=1) for _ in range(2))
    rm = staff("rm", ArchiefRole.RECORDMANAGER)
    reviewer = staff("rev", ArchiefRole.REVIEWER)
    archivaris = staff("arch", ArchiefRole.ARCHIVARIS)
    # the recordmanager chooses both zaken in the selection and composes a list
    log_in(context, live_server, rm)
    page.goto("/archief/selectie/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Selectie vernietigen")
    assert_accessible(page)
    screenshot(page, "archief-selectie")
    for made in (kept, destroyed):
        press(page, page.get_by_label(f"Zaak {made.zaak.identificatie} kiezen"), "Space")
    tab_to(page, page.get_by_label("Naam van de lijst"))
    page.keyboard.type("Meldingen 2014")
    press(page, page.get_by_role("button", name="Lijst samenstellen"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Meldingen 2014")
    expect(page.get_by_role("status")).to_contain_text("De vernietigingslijst is samengesteld.")
    assert_accessible(page)
    list_url = page.url
    select = page.get_by_label("Beoordelaar")
    tab_to(page, select)
    select.select_option(label="Rev Tester (rev)")
    press(page, page.get_by_role("button", name="Ter beoordeling aanbieden"))
    expect(page.get_by_role("status")).to_contain_text("ter beoordeling aangeboden")
    # the reviewer sends it back with a comment on one zaak
    log_in(context, live_server, reviewer)
    page.goto(list_url)
    assert_accessible(page)
    tab_to(page, page.get_by_label(f"Opmerking bij zaak {kept.zaak.identificatie}"), max_presses=150)
    page.keyboard.type("Hier loopt nog een bezwaar")
    screenshot(page, "archief-beoordelen")
    press(page, page.get_by_role("button", name="Terugsturen"))
    expect(page.get_by_role("status")).to_contain_text("De lijst is teruggestuurd.")
    # the recordmanager excludes that zaak with the reason and offers the list again
    log_in(context, live_server, rm)
    page.goto(list_url)
    expect(page.get_by_role("main")).to_contain_text("Hier loopt nog een bezwaar")
    assert_accessible(page)
    tab_to(page, page.get_by_label(f"Reden voor zaak {kept.zaak.identificatie}"), max_presses=150)
    page.keyboard.type("Bezwaar loopt nog")
    press(page, page.get_by_role("button", name=f"Zaak {kept.zaak.identificatie} uitzonderen"))
    expect(page.get_by_role("status")).to_contain_text("De zaak is uitgezonderd.")
    select = page.get_by_label("Beoordelaar")
    tab_to(page, select)
    select.select_option(label="Rev Tester (rev)")
    press(page, page.get_by_role("button", name="Ter beoordeling aanbieden"))
    expect(page.get_by_role("status")).to_contain_text("ter beoordeling aangeboden")
    # the reviewer approves, then the archivaris, who has the zaken destroyed
    log_in(context, live_server, reviewer)
    page.goto(list_url)
    press(page, page.get_by_role("button", name="Goedkeuren"))
    expect(page.get_by_role("status")).to_contain_text("De lijst is goedgekeurd.")
    log_in(context, live_server, archivaris)
    page.goto(list_url)
    expect(page.get_by_role("main")).to_contain_text("Ter goedkeuring bij de archivaris")
    assert_accessible(page)
    press(page, page.get_by_role("button", name="Goedkeuren"))
    expect(page.get_by_role("button", name="Zaken vernietigen")).to_be_visible()
    press(page, page.get_by_role("button", name="Zaken vernietigen"))
    expect(page.get_by_role("status")).to_contain_text("De zaken zijn vernietigd")
    expect(page.get_by_role("main")).to_contain_text("Vernietigd")
    assert_accessible(page)
    screenshot(page, "archief-vernietigd")
    # the history shows who did what, and the verklaring names the destroyed zaak
    history = page.get_by_role("table", name="Wie deed wat, en wanneer")
    for text in ("Rm Tester", "Rev Tester", "Arch Tester", "Teruggestuurd", "Goedgekeurd door de archivaris"):
        expect(history).to_contain_text(text)
    link = page.get_by_role("link", name="Verklaring van vernietiging downloaden")
    with page.expect_download() as info:
        press(page, link)
    verklaring = info.value.path().read_text(encoding="utf-8")
    assert "VERKLARING VAN VERNIETIGING" in verklaring and destroyed.zaak.identificatie in verklaring
    assert kept.zaak.identificatie not in verklaring.split("Vernietigde zaken")[1]
    assert DestructionList.objects.get().state == ListState.VERNIETIGD
    # the destroyed zaak's identity stays listed
    press(page, page.get_by_role("link", name="Vernietigde zaken"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Vernietigde zaken")
    expect(page.get_by_role("table")).to_contain_text(destroyed.zaak.identificatie)
    assert_accessible(page)


def test_a_transfer_package_is_produced(
    page: Page, context: BrowserContext, live_server: LiveServer, client: ZGWClient
) -> None:
    melding = zaaktype(client)
    made = closed_zaak(client, melding, documenten=2, archiefnominatie="blijvend_bewaren")
    log_in(context, live_server, staff("rm", ArchiefRole.RECORDMANAGER))
    page.goto("/archief/overbrengen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Overbrengen")
    assert_accessible(page)
    press(page, page.get_by_label(f"Zaak {made.zaak.identificatie} kiezen"), "Space")
    tab_to(page, page.get_by_label("Naam van het pakket"), max_presses=150)
    page.keyboard.type("Overbrenging meldingen")
    press(page, page.get_by_role("button", name="Pakket maken"))
    expect(page.get_by_role("status")).to_contain_text("Het overbrengingspakket is gemaakt.")
    assert_accessible(page)
    screenshot(page, "archief-overbrengen")
    link = page.get_by_role("link", name="ZIP van Overbrenging meldingen downloaden")
    with page.expect_download() as info:
        press(page, link)
    data = (info.value.path()).read_bytes()
    schema = xmlschema.XMLSchema(str(XSD))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        documents = [name for name in archive.namelist() if name.endswith(".mdto.xml")]
        assert len(documents) == 1 + 2 * 2
        for name in documents:
            schema.validate(archive.read(name).decode())
        manifest = next(name for name in archive.namelist() if name.endswith("/manifest-sha256.txt"))
        root = manifest.rsplit("/", 1)[0]
        for line in archive.read(manifest).decode().splitlines():
            digest, name = line.split("  ", 1)
            assert hashlib.sha256(archive.read(f"{root}/{name}")).hexdigest() == digest
    # when the e-Depot confirmed receipt, the recordmanager records it on the package's page
    press(page, page.get_by_role("link", name="Overbrenging meldingen", exact=True))
    expect(page.get_by_role("heading", level=1)).to_have_text("Overbrenging meldingen")
    assert_accessible(page)
    expect(page.get_by_role("table", name="Zaken in het pakket en hun overdracht")).to_contain_text(
        made.zaak.identificatie
    )
    tab_to(page, page.get_by_label("Kenmerk van de ontvangstbevestiging"), max_presses=150)
    page.keyboard.type("EDEPOT-2026-0042")
    press(page, page.get_by_role("button", name="Ontvangst vastleggen en zaken overdragen"))
    expect(page.get_by_role("status")).to_contain_text("als overgedragen vastgelegd")
    expect(page.get_by_role("table", name="Zaken in het pakket en hun overdracht")).to_contain_text(
        "Overgedragen"
    )
    expect(page.get_by_text("EDEPOT-2026-0042")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "archief-pakket")
    # the zaak is overgedragen in the Zaken API and no longer due for transfer
    assert client.zaken.zaken.get(made.zaak.url).archiefstatus == "overgedragen"
    page.goto("/archief/overbrengen/")
    expect(page.get_by_label(f"Zaak {made.zaak.identificatie} kiezen")).to_have_count(0)
