"""Fixtures of the browser tests: one chromium per session, a fresh context per test, pages
logged in per role."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.test import Client, override_settings
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from pytest_django.live_server_helper import LiveServer

from tests.browser.harness import CHROMIUM_ARGS, chromium_path, collect_errors, unavailable
from zaakwerk.web import assets
from zaakwerk.web.roles import Role

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    path = chromium_path()
    if path is None:
        unavailable("Debian's chromium is not installed (apt-get install chromium)")
    try:
        assets.ensure()
    except assets.AssetsError as exc:
        unavailable(f"the front-end files could not be built: {exc}")
    # Playwright's sync API runs an event loop in this thread; the tests' own ORM calls are
    # synchronous and safe, so Django's guard against ORM calls from async code is lifted here.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def live_server() -> Iterator[LiveServer]:
    """pytest-django's live server, its middleware adding the production Content-Security-Policy.

    The middleware is loaded when the server starts, so the setting is changed only for that
    moment; the other tests' requests are not affected.
    """
    with override_settings(
        MIDDLEWARE=[*settings.MIDDLEWARE, "tests.browser.csp.ContentSecurityPolicyMiddleware"]
    ):
        server = LiveServer(os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS", "localhost"))
    yield server
    server.stop()


@pytest.fixture
def context(browser: Browser, live_server: LiveServer) -> Iterator[BrowserContext]:
    """A fresh browser profile on the live server.

    Its locale is English on purpose: the interface must still be Dutch until the user chooses.
    """
    browser_context = browser.new_context(
        base_url=str(live_server), locale="en-US", viewport={"width": 1280, "height": 900}
    )
    yield browser_context
    browser_context.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    """A page; the test fails when the page logged a console error (CSP refusal, missing file)."""
    tab = context.new_page()
    errors = collect_errors(tab)
    yield tab
    tab.evaluate("0")  # a round trip, so console messages still on their way are in
    assert not errors, f"console errors: {errors}"


@pytest.fixture
def browser_without_javascript(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    """A page with JavaScript switched off: reading and paging must still work."""
    browser_context = browser.new_context(base_url=str(live_server), java_script_enabled=False)
    yield browser_context.new_page()
    browser_context.close()


def staff_user(role: Role | None, username: str = "", first_name: str = "Sam") -> User:
    user = User.objects.create_user(
        username=username or f"test-{role.value if role else 'zonder-rol'}",
        password=PASSWORD,
        first_name=first_name,
        last_name="de Tester",
    )
    if role is not None:
        user.groups.add(Group.objects.get_or_create(name=role.value)[0])
    return user


@pytest.fixture
def login_as(context: BrowserContext, page: Page, live_server: LiveServer) -> Callable[[Role | None], Page]:
    """``login_as(Role.BEHANDELAAR)``: the page, logged in as a new user with that role."""

    def log_in(role: Role | None) -> Page:
        client = Client()
        client.force_login(staff_user(role))
        session = client.cookies["sessionid"].value
        context.add_cookies([{"name": "sessionid", "value": session, "url": str(live_server)}])
        return page

    return log_in
