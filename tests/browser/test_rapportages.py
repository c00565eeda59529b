"""The reports in a real browser, by keyboard, axe-clean: charts drawn beside their tables, the
filters narrow the figures, and CSV and XLSX come down with the table's figures; without
JavaScript the tables are all there."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from tests.browser.conftest import staff_user
from tests.browser.harness import assert_accessible, tab_to
from tests.rapportages.support import MELDING, row
from tests.werkplek.actions_support import werkplek_client
from zaakwerk.rapportages.services import norms
from zaakwerk.rapportages.services.figures import monday
from zaakwerk.web.roles import Role
from zaakwerk.werkplek.read_model import choices

pytestmark = pytest.mark.browser


@pytest.fixture
def zaken(transactional_db: None) -> None:
    werkplek_client()
    norms.clear()
    choices.clear()
    last_week = monday(timezone.localdate()) - timedelta(days=7)
    row(
        startdatum=last_week,
        einddatum=last_week + timedelta(days=3),
        uiterlijke_einddatum_afdoening=last_week,
    )
    row(startdatum=last_week, status_omschrijving="In behandeling")
    row(zaaktype_identificatie=MELDING, zaaktype_omschrijving="Melding openbare ruimte", startdatum=last_week)


def flows(page: Page) -> list[str]:
    """The instroom and uitstroom of last week, as the table shows them."""
    cells = page.get_by_role("table", name="Zaken gestart (instroom) en afgehandeld (uitstroom) per week")
    return cells.locator("tbody tr").nth(-2).locator("td").all_inner_texts()[1:]


def test_report_filters_table_and_downloads_by_keyboard(
    login_as: Callable[[Role | None], Page], zaken: None, tmp_path: Path
) -> None:
    page = login_as(Role.COORDINATOR)
    page.goto("/rapportages/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Rapportages")
    # every chart is drawn, beside its table
    for name in ("Instroom en uitstroom per week", "Werkvoorraad", "Open zaken per status"):
        expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible()
    expect(page.locator("canvas[data-drawn]")).to_have_count(6)  # no tasks: that chart is not drawn
    expect(
        page.get_by_role("img", name="Grafiek: Werkvoorraad. De cijfers staan in de tabel ernaast.")
    ).to_be_visible()
    assert flows(page) == ["3", "1"]
    assert_accessible(page)
    # one zaaktype, chosen by keyboard
    tab_to(page, page.get_by_label("Zaaktype (niet verplicht)"), max_presses=60)
    page.keyboard.type("Melding")
    tab_to(page, page.get_by_role("button", name="Rapport tonen"), max_presses=10)
    page.keyboard.press("Enter")
    expect(page.get_by_text("Zaaktype: Melding openbare ruimte.")).to_be_visible()
    assert flows(page) == ["1", "0"]
    assert_accessible(page)
    # the table as CSV and as XLSX, by keyboard
    csv_link = page.get_by_role("link", name="Instroom en uitstroom per week als CSV")
    tab_to(page, csv_link, max_presses=60)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    lines = list(csv.reader(io.StringIO(saved.read_text("utf-8-sig")), delimiter=";"))
    assert lines[0] == ["Week", "Instroom", "Uitstroom"] and lines[-2][1:] == ["1", "0"]
    xlsx_link = page.get_by_role("link", name="Instroom en uitstroom per week als Excel (XLSX)")
    tab_to(page, xlsx_link, max_presses=5)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    rows = list(load_workbook(saved).active.iter_rows(values_only=True))
    assert rows[0] == ("Week", "Instroom", "Uitstroom") and rows[-2][1:] == (1, 0)


def test_bad_period_is_explained_and_focusable(login_as: Callable[[Role | None], Page], zaken: None) -> None:
    page = login_as(Role.RAADPLEGER)
    today = timezone.localdate()
    page.goto(f"/rapportages/?van={today.isoformat()}&tot={(today - timedelta(days=9)).isoformat()}")
    expect(page.get_by_text("Deze datum ligt voor de datum 'van'.").first).to_be_visible()
    assert_accessible(page)


def test_without_javascript_the_tables_hold_the_figures(
    browser_without_javascript: Page, live_server: LiveServer, zaken: None
) -> None:
    client = Client()
    client.force_login(staff_user(Role.COORDINATOR))
    page = browser_without_javascript
    session = client.cookies["sessionid"].value
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": str(live_server)}])
    page.goto("/rapportages/")
    assert flows(page) == ["3", "1"]
