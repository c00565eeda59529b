"""``make screenshots``: PNGs of the main pages for the documentation (docs/img/).

Runs only when ``ZAAKWERK_SCREENSHOTS`` names the folder to write to; the pages themselves are
tested in the other browser tests.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser.conftest import staff_user
from zaakwerk.web.roles import Role

FOLDER = os.environ.get("ZAAKWERK_SCREENSHOTS", "")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not FOLDER, reason="set ZAAKWERK_SCREENSHOTS (make screenshots)"),
]


def shoot(page: Page, name: str) -> None:
    target = Path(FOLDER)
    target.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target / f"{name}.png"), full_page=True)


def test_screenshots_of_the_staff_login(page: Page) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto("/werkplek/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    shoot(page, "werkplek-inloggen")
    page.get_by_label("Gebruikersnaam").fill("bea")
    page.get_by_label("Wachtwoord").fill("not-the-password")
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_be_visible()
    shoot(page, "werkplek-inloggen-fout")


def test_screenshots_of_the_werkplek_home_and_the_work_lists(
    context: BrowserContext, page: Page, live_server: LiveServer, transactional_db: None
) -> None:
    from django.test import Client

    from tests.werkplek.actions_support import werkplek_client, zaaktype
    from tests.werkplek.read_model_support import subscribed
    from zaakwerk.werkplek.demo import load_demo_zaken

    client = werkplek_client()
    zaaktype(client, "PARKEERVERGUNNING")  # the demo catalogus
    subscribed()
    people = {
        role: staff_user(role, username=name, first_name="Bea")
        for role, name in ((Role.BEHANDELAAR, "behandelaar"), (Role.COORDINATOR, "coordinator"))
    }
    load_demo_zaken()

    def log_in(role: Role) -> None:
        browser = Client()
        browser.force_login(people[role])
        context.add_cookies(
            [{"name": "sessionid", "value": browser.cookies["sessionid"].value, "url": str(live_server)}]
        )

    log_in(Role.BEHANDELAAR)
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto("/werkplek/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    shoot(page, "werkplek-start")
    log_in(Role.COORDINATOR)
    page.goto("/werkplek/zaken/werkvoorraad/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Zaken-werkvoorraad")
    shoot(page, "werkplek-werkvoorraad")


def test_screenshots_of_the_zaak_page_and_zaak_aanmaken(login_as: Callable[[Role | None], Page]) -> None:
    from tests.werkplek import zaken
    from zaakwerk.ops.webapps import authorise_werkplek
    from zaakwerk.werkplek import zgw

    authorise_werkplek()
    client = zgw.service_client()
    demo = zaken.demo(client, f"{zgw.base_url()}/referentielijsten/api/v1")
    area = {"type": "Polygon", "coordinates": [[[5.11, 52.09], [5.12, 52.09], [5.125, 52.1], [5.11, 52.09]]]}
    zaak = zaken.zaak(client, demo.melding, "Losse stoeptegels Dorpsstraat 12", zaakgeometrie=area)
    types = zaken.statustypen(client, demo.melding)
    zaken.set_status(client, zaak, types[0], "2026-11-02T09:00:00Z")
    zaken.set_status(client, zaak, types[1], "2026-11-03T14:30:00Z")
    roltype = next(client.catalogi.roltypen.list(zaaktype=demo.melding.url, omschrijvingGeneriek="initiator"))
    client.zaken.rollen.create(
        {
            "zaak": zaak.url,
            "betrokkeneType": "natuurlijk_persoon",
            "roltype": roltype.url,
            "roltoelichting": "melder",
            "betrokkeneIdentificatie": {
                "inpBsn": "111222333",
                "voornamen": "Fatima",
                "geslachtsnaam": "El Amrani",
            },
        }
    )
    zaken.document(client, zaak, demo.melding, "melding-dorpsstraat")
    page = login_as(Role.BEHANDELAAR)
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"/werkplek/zaken/{zaak.uuid}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    shoot(page, "werkplek-zaak")
    page.goto("/werkplek/zaken/aanmaken/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Zaak aanmaken")
    shoot(page, "werkplek-zaak-aanmaken")


def test_screenshots_of_an_action_and_the_handling_parameters(
    login_as: Callable[[Role | None], Page], transactional_db: None
) -> None:
    from tests.werkplek.actions_support import werkplek_client, zaak

    found = zaak(werkplek_client())
    page = login_as(Role.BEHANDELAAR)
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"/werkplek/zaken/{found.uuid}/acties/verlengen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Verlengen")
    shoot(page, "werkplek-actie-verlengen")
    page = login_as(Role.BEHEERDER)
    page.goto("/werkplek/behandelparameters/PARKEERVERGUNNING/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    shoot(page, "werkplek-behandelparameters")


def test_screenshot_of_the_rapportages(
    login_as: Callable[[Role | None], Page], transactional_db: None
) -> None:
    import random
    from datetime import timedelta

    from django.utils import timezone

    from tests.rapportages.support import MELDING, PARKEREN, row
    from tests.werkplek.actions_support import werkplek_client, zaaktype
    from zaakwerk.rapportages.services import norms

    # twelve weeks of zaken of two zaaktypen, the parkeervergunning's norm from the demo catalogue
    zaaktype(werkplek_client(), PARKEREN)
    norms.clear()
    rng = random.Random(16)
    today = timezone.localdate()
    for number in range(160):
        start = today - timedelta(days=rng.randrange(0, 100))
        days = int(rng.triangular(3, 80, 20))
        end = start + timedelta(days=days) if start + timedelta(days=days) <= today else None
        row(
            zaaktype_identificatie=PARKEREN if number % 3 else MELDING,
            zaaktype_omschrijving="Aanvraag parkeervergunning" if number % 3 else "Melding openbare ruimte",
            status_omschrijving="Afgehandeld" if end else rng.choice(["Ontvangen", "In behandeling"]),
            startdatum=start,
            einddatum=end,
            uiterlijke_einddatum_afdoening=start + timedelta(days=56),
        )
    page = login_as(Role.COORDINATOR)
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto("/rapportages/")
    expect(page.locator("canvas[data-drawn]")).to_have_count(6)
    shoot(page, "rapportages")


def test_screenshots_of_beheer_the_form_tab_and_its_preview(
    login_as: Callable[[Role | None], Page], transactional_db: None
) -> None:
    from django.contrib.auth.models import User

    from zaakwerk.beheer import zgw
    from zaakwerk.formulieren import demo as demo_forms
    from zaakwerk.ops.demo import load_demo
    from zaakwerk.ops.webapps import authorise_beheer

    authorise_beheer()
    api = zgw.client_for(User(username="screenshots"))
    catalogus = load_demo(api, referentielijsten=zgw.referentielijsten_root()).catalogus
    demo_forms.load(catalogus)
    zaaktype = next(api.catalogi.zaaktypen.list(catalogus=catalogus, identificatie="MELDING-OPENBARE-RUIMTE"))
    uuid = zaaktype.url.rsplit("/", 1)[-1]
    page = login_as(Role.BEHEERDER)
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"/beheer/zaaktypen/{uuid}/formulier/")
    expect(page.get_by_role("heading", level=2)).to_have_text("Formulier")
    shoot(page, "beheer-formulier")
    page.goto(f"/beheer/zaaktypen/{uuid}/formulier/voorbeeld/")
    page.get_by_role("button", name="Voorbeeld beginnen").click()
    page.get_by_label("Straatverlichting").check()
    page.get_by_label("Wat is er aan de hand?").fill("De lamp brandt niet.")
    page.get_by_role("button", name="Volgende").click()
    page.get_by_role("button", name="Volgende").click()
    page.get_by_role("button", name="Volgende").click()
    page.get_by_role("button", name="Versturen (voorbeeld)").click()
    expect(page.locator(".zw-timeline")).to_be_visible()
    shoot(page, "beheer-voorbeeld")
