"""Helpers of the browser tests: Debian's chromium, axe, the keyboard, a Content-Security-Policy.

Playwright drives the ``chromium`` of the operating system (never a browser of its own); axe-core
comes with axe-playwright-python. The live server sends the production
Content-Security-Policy (``csp.py``), so an inline script or style shows up as a console error.
"""

from __future__ import annotations

import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import ConsoleMessage, Locator, Page

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

# WCAG 2.1 levels A and AA, as the issues ask
WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}

_axe = Axe()


def chromium_path() -> str | None:
    return os.environ.get("ZAAKWERK_CHROMIUM") or shutil.which("chromium")


def unavailable(reason: str) -> None:
    """Skip locally; in CI (CI=true) a browser test that cannot run is a failure."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; CI must run the browser tests", pytrace=False)
    pytest.skip(reason)


def collect_errors(page: Page) -> list[str]:
    """Console errors of the page (CSP refusals, failed loads, script errors), as they come."""
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def assert_accessible(page: Page) -> None:
    """axe-core finds no WCAG 2.1 A/AA violation on the page as it is now."""
    results = _axe.run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


def is_focused(locator: Locator) -> bool:
    return bool(locator.evaluate("element => element === document.activeElement"))


def assert_focus_visible(locator: Locator) -> None:
    """The focused element shows it: it matches :focus-visible and draws an outline or a shadow."""
    shown = locator.evaluate(
        """element => {
            if (!element.matches(':focus-visible')) return false;
            const style = getComputedStyle(element);
            const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
            return outline || (style.boxShadow !== '' && style.boxShadow !== 'none');
        }"""
    )
    assert shown, f"no visible focus on {locator}"


def tab_to(page: Page, locator: Locator, *, max_presses: int = 30) -> None:
    """Press Tab until ``locator`` has the focus, then check that the focus is visible."""
    for _ in range(max_presses):
        page.keyboard.press("Tab")
        if is_focused(locator):
            assert_focus_visible(locator)
            return
    raise AssertionError(f"{locator} not reached with {max_presses} presses of Tab")


def activate(page: Page, locator: Locator, key: str = "Enter") -> None:
    """Tab to ``locator`` and press Enter (links, buttons) or Space (buttons)."""
    tab_to(page, locator)
    page.keyboard.press(key)
