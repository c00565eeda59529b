"""The whole path in a real browser, by keyboard, every page axe-clean: a resident submits a form
in the loket, the zaak lands in the werkvoorraad of its zaaktype's team in the werkplek, a
behandelaar of that team sets its next status, and the resident sees it in Mijn zaken."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser.harness import activate, assert_accessible, collect_errors, tab_to
from tests.browser.test_loket_formulieren import BSN, logged_in_resident
from tests.formulieren.flow import PNG
from tests.werkplek import zaken
from tests.werkplek.read_model_support import deliver, subscribed
from zaakwerk.client import ZGWClient
from zaakwerk.formulieren import demo as demo_forms
from zaakwerk.formulieren.models import Inzending
from zaakwerk.ops.formulieren import authorise as authorise_forms
from zaakwerk.ops.loket import authorise_loket
from zaakwerk.ops.webapps import authorise_werkplek
from zaakwerk.web.roles import Role
from zaakwerk.werkplek import zgw
from zaakwerk.werkplek.models import HandlingParameters

pytestmark = pytest.mark.browser

TEAM = "team-openbare-ruimte"


@pytest.fixture
def werkplek(transactional_db: None) -> ZGWClient:
    authorise_werkplek()
    client = zgw.service_client()
    found = zaken.demo(client, f"{settings.PUBLIC_URL}/referentielijsten/api/v1")
    authorise_forms()
    demo_forms.load(str(found.melding.catalogus))
    authorise_loket()
    subscribed()
    HandlingParameters.objects.create(zaaktype_identificatie=found.melding.identificatie, default_group=TEAM)
    return client


@pytest.fixture
def resident(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    """A second browser profile: the resident, logged in to the loket with DigiD."""
    context = browser.new_context(base_url=str(live_server), viewport={"width": 1280, "height": 900})
    logged_in_resident(context, live_server)
    page = context.new_page()
    errors = collect_errors(page)
    yield page
    context.close()
    assert not errors, f"console errors: {errors}"


def test_a_form_becomes_a_zaak_that_a_behandelaar_moves_and_the_resident_follows(
    werkplek: ZGWClient, resident: Page, login_as: Callable[[Role | None], Page]
) -> None:
    # the resident reports a broken street light
    resident.goto("/loket/formulieren/melding-openbare-ruimte/")
    activate(resident, resident.get_by_role("button", name="Formulier starten"))
    tab_to(resident, resident.get_by_label("Bestrating"))
    resident.keyboard.press("ArrowDown")
    tab_to(resident, resident.get_by_label("Wat is er aan de hand?"))
    resident.keyboard.type("De lantaarnpaal bij de school brandt niet")
    resident.get_by_label("Foto").set_input_files(
        {"name": "paal.png", "mimeType": "image/png", "buffer": PNG}
    )
    for heading in ("Locatie", "Uw gegevens", "Controleren en versturen"):
        activate(resident, resident.get_by_role("button", name="Volgende"))
        expect(resident.get_by_role("heading", level=1)).to_have_text(heading)
    assert_accessible(resident)
    activate(resident, resident.get_by_role("button", name="Versturen"))
    expect(resident.get_by_role("heading", level=1)).to_have_text(
        "Bedankt, wij hebben uw formulier ontvangen", timeout=60_000
    )
    identificatie = Inzending.objects.get().zaak_identificatie
    expect(resident.get_by_role("main")).to_contain_text(identificatie)
    # the registers announce it; the werkplek gives it to the zaaktype's team
    deliver()
    behandelaar = login_as(Role.BEHANDELAAR)
    User.objects.get(username="test-behandelaar").groups.add(Group.objects.get_or_create(name=TEAM)[0])
    behandelaar.goto("/werkplek/zaken/werkvoorraad/")
    expect(behandelaar.get_by_role("heading", level=1)).to_have_text("Zaken-werkvoorraad")
    assert_accessible(behandelaar)
    tab_to(behandelaar, behandelaar.get_by_role("link", name=identificatie), max_presses=200)
    behandelaar.keyboard.press("Enter")
    expect(behandelaar.get_by_role("heading", level=1)).to_contain_text(identificatie)
    # the next status, from the zaak's actions
    zaak = next(werkplek.zaken.zaken.list(identificatie=identificatie))
    volgende = zaken.statustypen(
        werkplek, next(werkplek.catalogi.zaaktypen.list(identificatie="MELDING-OPENBARE-RUIMTE"))
    )[1]
    behandelaar.goto(f"/werkplek/zaken/{zaak.uuid}/acties/")
    activate(behandelaar, behandelaar.get_by_role("link", name="Volgende status zetten"))
    select = behandelaar.get_by_label("Nieuwe status")
    tab_to(behandelaar, select)
    select.select_option(label=volgende.omschrijving)
    assert_accessible(behandelaar)
    activate(behandelaar, behandelaar.get_by_role("button", name="Volgende status zetten"))
    expect(behandelaar.get_by_role("status")).to_contain_text("De status is gezet.")
    # the resident follows it in Mijn zaken
    resident.goto("/loket/mijn-zaken/")
    link = resident.get_by_role("link", name=re.compile("lantaarnpaal|Straatverlichting|Bestrating", re.I))
    expect(link.first).to_be_visible()
    assert_accessible(resident)
    activate(resident, link.first)
    current = resident.locator("[aria-current=step]")
    expect(current).to_contain_text(volgende.omschrijving)
    if volgende.statustekst:
        expect(current).to_contain_text(volgende.statustekst)
    assert_accessible(resident)
    assert BSN in {
        str((rol.betrokkene_identificatie or {}).get("inpBsn"))
        for rol in werkplek.zaken.rollen.list(zaak=zaak.url, omschrijvingGeneriek="initiator")
    }
