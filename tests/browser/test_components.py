"""The shared components on one page: accessible, by keyboard, and htmx paging with a fallback."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.harness import activate, assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.urls("tests.browser.gallery")]


def test_components_have_no_accessibility_violations(page: Page) -> None:
    page.goto("/galerij/")
    # the form's errors are summarised, linked to their fields, and the fields say so themselves
    summary = page.get_by_role("alert").filter(has_text="Dit ging niet goed")
    expect(summary).to_be_focused()
    expect(page.get_by_label("Omschrijving")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Omschrijving")).to_have_accessible_description(
        re.compile("Hoogstens 20 tekens")
    )
    expect(page.get_by_label("Toelichting (niet verplicht)")).not_to_have_attribute("aria-invalid", "true")
    assert_accessible(page)


def test_an_error_in_the_summary_leads_to_its_field(page: Page) -> None:
    page.goto("/galerij/")
    activate(page, page.get_by_role("link", name=re.compile("^Kanaal:")))
    expect(page.get_by_label("Kanaal")).to_be_focused()


def test_paging_by_keyboard_replaces_only_the_table(page: Page) -> None:
    page.goto("/galerij/")
    table = page.get_by_role("table", name="Regels")
    expect(table.get_by_role("row")).to_have_count(11)
    # when the next page is chosen with the keyboard
    activate(page, page.get_by_role("link", name="Volgende pagina"))
    # then htmx swapped in page 2, the address says so, and the focus moved to the new rows
    expect(table.get_by_role("cell", name="Regel 11", exact=True)).to_be_visible()
    expect(page).to_have_url(re.compile(r"/galerij/\?pagina=2$"))
    expect(page.get_by_role("link", name="Pagina 2")).to_have_attribute("aria-current", "page")
    expect(page.locator("#regels")).to_be_focused()
    assert_accessible(page)


def test_paging_works_without_javascript(browser_without_javascript: Page) -> None:
    page = browser_without_javascript
    page.goto("/galerij/?pagina=12")
    expect(page.get_by_role("link", name="Volgende pagina")).to_have_count(0)
    page.get_by_role("link", name="Pagina 1", exact=True).click()
    expect(page).to_have_url(re.compile(r"/galerij/\?pagina=1$"))
    expect(page.get_by_role("cell", name="Regel 1", exact=True)).to_be_visible()
