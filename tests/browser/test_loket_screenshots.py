"""PNGs of the loket's pages for docs/loket.md (written only when ``ZAAKWERK_SCREENSHOTS`` names a
folder: ``ZAAKWERK_SCREENSHOTS=docs/img pytest tests/browser/test_loket_screenshots.py``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pytest_django import Settings

from tests.browser.test_loket_formulieren import forms
from tests.browser.test_loket_mijn_zaken import a_melding, demo, werkplek
from tests.loket import support
from tests.werkplek import zaken
from zaakwerk.client import ZGWClient

FOLDER = os.environ.get("ZAAKWERK_SCREENSHOTS", "")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not FOLDER, reason="set ZAAKWERK_SCREENSHOTS"),
]
__all__ = ["demo", "forms", "werkplek"]  # fixtures


def shoot(page: Page, name: str) -> None:
    target = Path(FOLDER)
    target.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target / f"{name}.png"), full_page=True)


def test_screenshots_of_the_loket(
    page: Page, settings: Settings, werkplek: ZGWClient, demo: zaken.Demo
) -> None:
    settings.LOKET_DEV_LOGIN = True
    zaak = a_melding(werkplek, demo)
    support.zaak_of(werkplek, demo.parkeren, "Parkeervergunning bewoners", inpBsn=support.BSN_A)
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto("/loket/inloggen/")
    shoot(page, "loket-inloggen")
    page.get_by_label("BSN of KVK-nummer").fill(support.BSN_A)
    page.get_by_role("button", name="Inloggen met de ontwikkel-login").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn zaken")
    shoot(page, "loket-mijn-zaken")
    page.goto(f"/loket/mijn-zaken/{zaak.uuid}/")
    expect(page.locator("[aria-current=step]")).to_be_visible()
    shoot(page, "loket-zaak")
    page.goto("/loket/mijn-gegevens/")
    shoot(page, "loket-mijn-gegevens")


def test_screenshots_of_a_form(page: Page, forms: ZGWClient) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto("/loket/formulieren/")
    shoot(page, "formulieren-lijst")
    page.goto("/loket/formulieren/melding-openbare-ruimte/")
    page.get_by_role("button", name="Formulier starten").click()
    page.get_by_label("Straatverlichting").check()
    page.get_by_label("Wat is er aan de hand?").fill("De lantaarnpaal brandt niet")
    shoot(page, "formulieren-stap")
    for heading in ("Locatie", "Uw gegevens", "Controleren en versturen"):
        page.get_by_role("button", name="Volgende").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    shoot(page, "formulieren-controleren")
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Bedankt, wij hebben uw formulier ontvangen", timeout=60_000
    )
    shoot(page, "formulieren-bevestiging")
