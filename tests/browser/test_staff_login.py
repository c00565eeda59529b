"""Staff login, logout and the werkplek's front door, in a real browser, by keyboard."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PASSWORD, staff_user
from tests.browser.harness import activate, assert_accessible, tab_to
from zaakwerk.web.roles import Role

pytestmark = pytest.mark.browser


def test_anonymous_visitor_of_the_werkplek_is_sent_to_the_login_page(page: Page) -> None:
    # when
    page.goto("/werkplek/")
    # then the login page, in Dutch although the browser asks for English, remembers where to go
    expect(page).to_have_url(re.compile(r"/medewerker/inloggen/\?next=/werkplek/$"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    assert_accessible(page)


def test_logging_in_by_keyboard_opens_the_werkplek(page: Page) -> None:
    # given
    staff_user(Role.BEHANDELAAR, username="bea", first_name="Bea")
    page.goto("/werkplek/")
    # when the form is filled in and sent with the keyboard only
    tab_to(page, page.get_by_label("Gebruikersnaam"))
    page.keyboard.type("bea")
    tab_to(page, page.get_by_label("Wachtwoord"))
    page.keyboard.type(PASSWORD)
    activate(page, page.get_by_role("button", name="Inloggen"))
    # then the werkplek greets the user, with the user's role and the werkplek's navigation
    expect(page).to_have_url(re.compile(r"/werkplek/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Welkom, Bea")
    expect(page.get_by_role("main").get_by_role("listitem")).to_have_text(["Behandelaar"])
    navigation = page.get_by_role("navigation", name="Menu werkplek")
    expect(navigation.get_by_role("link", name="Start")).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("banner")).to_contain_text("Ingelogd als Bea de Tester")
    assert_accessible(page)


def test_a_wrong_password_is_refused_with_a_message(page: Page) -> None:
    # given
    staff_user(Role.BEHANDELAAR, username="bea")
    page.goto("/medewerker/inloggen/")
    # when
    page.get_by_label("Gebruikersnaam").fill("bea")
    page.get_by_label("Wachtwoord").fill("not-the-password")
    activate(page, page.get_by_role("button", name="Inloggen"))
    # then the user stays on the login page; the error summary says why and has the focus
    expect(page).to_have_url(re.compile(r"/medewerker/inloggen/$"))
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Voer een juiste gebruikersnaam en wachtwoord in")
    expect(summary).to_be_focused()
    expect(page.get_by_label("Gebruikersnaam")).to_have_value("bea")
    assert_accessible(page)


def test_logging_out_by_keyboard_ends_the_session(login_as: Callable[[Role | None], Page]) -> None:
    # given
    page = login_as(Role.COORDINATOR)
    page.goto("/werkplek/")
    # when the logout button is pressed with the space bar
    activate(page, page.get_by_role("button", name="Uitloggen"), key=" ")
    # then the login page says so, and the werkplek asks for a login again
    expect(page).to_have_url(re.compile(r"/medewerker/inloggen/$"))
    expect(page.get_by_role("status")).to_have_text("Je bent uitgelogd.")
    assert_accessible(page)
    page.goto("/werkplek/")
    expect(page).to_have_url(re.compile(r"/medewerker/inloggen/\?next=/werkplek/$"))


def test_a_user_without_a_role_is_told_so(login_as: Callable[[Role | None], Page]) -> None:
    page = login_as(None)
    page.goto("/werkplek/")
    expect(page.get_by_role("alert")).to_contain_text("Je hebt nog geen rol in de werkplek")
    assert_accessible(page)


def test_the_skip_link_is_the_first_stop_and_moves_to_the_content(page: Page) -> None:
    page.goto("/medewerker/inloggen/")
    skip = page.get_by_role("link", name="Naar de inhoud")
    # when
    activate(page, skip)
    # then the main content has the focus: the next Tab reaches the form, not the header
    expect(page.get_by_role("main")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Gebruikersnaam")).to_be_focused()


def test_switching_the_language_by_keyboard(login_as: Callable[[Role | None], Page]) -> None:
    page = login_as(Role.RAADPLEGER)
    page.goto("/werkplek/")
    # when
    activate(page, page.get_by_role("button", name="English"))
    # then the same page is in English, and stays so on the next page
    expect(page).to_have_url(re.compile(r"/werkplek/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Sam")
    expect(page.get_by_role("main").get_by_role("listitem")).to_have_text(["Viewer (raadpleger)"])
    assert_accessible(page)
    page.goto("/medewerker/inloggen/?next=/werkplek/")  # logged in: straight on to the werkplek
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    # and back to Dutch
    activate(page, page.get_by_role("button", name="Nederlands"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
