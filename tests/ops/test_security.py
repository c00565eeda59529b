"""Running it safely: Content-Security-Policy, HTTPS behind a TLS-terminating proxy, and
``django-admin check --deploy`` without warnings in the production settings."""

from __future__ import annotations

import re
import secrets
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.test import Client
from django.test.client import RequestFactory

from tests.ops.helpers import command_env, free_port, running, wait_until_healthy, zaakwerk
from tests.zgw import ZGWClient

PRODUCTION_URL = "https://zaken.gemeente.example"


def policy(header: str) -> dict[str, set[str]]:
    """``default-src 'self'; img-src 'self' data:`` → {directive: sources}."""
    directives = (part.split() for part in header.split(";") if part.strip())
    return {words[0]: set(words[1:]) for words in directives}


# --- Content-Security-Policy -------------------------------------------------------------------
@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/", "/admin/login/", "/healthz", "/catalogi/api/v1/zaaktypen", "/bestaat-niet"]
)
def test_every_response_carries_the_policy(client: Client, path: str) -> None:
    # when anything is requested, a page, an API answer or an error
    response = client.get(path)
    # then it carries the policy: our own scripts and styles only, nothing inline, no framing
    found = policy(response["Content-Security-Policy"])
    assert found["default-src"] == {"'self'"}
    assert found["script-src"] == {"'self'"}
    assert found["style-src"] == {"'self'"}
    assert found["object-src"] == {"'none'"}
    assert found["frame-ancestors"] == {"'none'"}
    assert found["form-action"] == {"'self'"}


def test_the_api_documentation_may_style_inline_but_not_script(client: Client) -> None:
    # Redoc styles itself with inline style elements; its scripts are still our own file
    found = policy(client.get("/zaken/api/v1/schema/")["Content-Security-Policy"])
    assert found["script-src"] == {"'self'"}
    assert found["style-src"] == {"'self'", "'unsafe-inline'"}


class InlineCode(HTMLParser):
    """Collects what a policy without 'unsafe-inline' blocks, and resources from other origins."""

    EXECUTABLE = {"", "text/javascript", "module", "application/javascript"}

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.problems += [f"<{tag} {name}=...>" for name in values if name.startswith("on")]
        if "style" in values:
            self.problems.append(f"<{tag} style=...>")
        if tag == "style":
            self.problems.append("<style> element")
        for name in ("href", "src", "action", "formaction"):
            if values.get(name, "").strip().lower().startswith("javascript:"):
                self.problems.append(f"<{tag} {name}=javascript:...>")
        external = values.get("src") if tag in ("script", "img") else None
        if tag == "link" and "stylesheet" in values.get("rel", ""):
            external = values.get("href")
        same_origin = external is None or (external.startswith("/") and not external.startswith("//"))
        if not same_origin and not (tag == "img" and str(external).startswith("data:")):
            self.problems.append(f"<{tag}> from another origin: {external}")
        self._script = tag == "script" and "src" not in values and values.get("type", "") in self.EXECUTABLE

    def handle_data(self, data: str) -> None:
        if self._script and data.strip():
            self.problems.append(f"inline script: {data.strip()[:60]}")

    def handle_endtag(self, tag: str) -> None:
        self._script = False


def admin_pages(superuser: User) -> list[str]:
    """Every changelist and add form, and the first object's change form, of every model."""
    request = RequestFactory().get("/admin/")
    request.user = superuser
    pages = ["/admin/", "/admin/password_change/"]
    for model, model_admin in admin.site._registry.items():
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        pages.append(base)
        if model_admin.has_add_permission(request):
            pages.append(f"{base}add/")
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            pages.append(f"{base}{first.pk}/change/")
    return pages


@pytest.mark.django_db
def test_the_admin_and_the_landing_page_need_nothing_the_policy_blocks(
    client: Client, api: ZGWClient
) -> None:
    # given an operator and some objects to open (a catalogus, an API client with its Applicatie)
    superuser = User.objects.create_superuser("beheerder", password="x")
    catalogus = {"domein": "CSP", "rsin": "002220647", "contactpersoonBeheerNaam": "Beheer"}
    assert api.post("/catalogi/api/v1/catalogussen", catalogus).status_code == 201
    login_page = client.get("/admin/login/")
    client.force_login(superuser)
    pages = ["/", *admin_pages(superuser)]  # the landing page too
    assert len(pages) > 20
    # when every admin page is rendered
    problems: dict[str, list[str]] = {}
    for page in pages:
        response = login_page if page == "/admin/login/" else client.get(page)
        assert response.status_code == 200, page
        parser = InlineCode()
        parser.feed(response.content.decode())
        if parser.problems:
            problems[page] = parser.problems
    # then none has inline code, inline style or resources from elsewhere
    assert problems == {}


# --- HTTPS behind a TLS-terminating proxy ------------------------------------------------------
def production_env(**extra: str) -> dict[str, str]:
    return {"SECRET_KEY": secrets.token_urlsafe(50), "ZAAKWERK_PUBLIC_URL": PRODUCTION_URL, **extra}


def deploy_check(tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=command_env(tmp_path / "data", bare=True, extra=env),
        capture_output=True,
        text=True,
        check=False,
    )


def test_deploy_check_passes_without_warnings_in_production(tmp_path: Path) -> None:
    # when Django's deployment check runs with the production settings (https public URL, a key)
    result = deploy_check(tmp_path, production_env())
    # then it finds nothing
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


def test_deploy_check_warns_when_served_over_plain_http(tmp_path: Path) -> None:
    # an http public URL is the demo: Secure cookies would break its admin login
    result = deploy_check(tmp_path, production_env(ZAAKWERK_PUBLIC_URL="http://127.0.0.1:8000"))
    assert result.returncode == 1
    assert "security.W012" in result.stderr  # SESSION_COOKIE_SECURE


def _cookies(response: httpx.Response) -> dict[str, str]:
    """Set-Cookie headers by cookie name (httpx keeps Secure cookies away from http URLs)."""
    return {header.split("=", 1)[0]: header for header in response.headers.get_list("set-cookie")}


def test_behind_a_tls_proxy_cookies_are_secure_hsts_is_sent_and_http_is_redirected(tmp_path: Path) -> None:
    # given a production server behind a proxy that terminates TLS, with an admin account
    env = production_env(DJANGO_SUPERUSER_PASSWORD="beheer-wachtwoord-1")
    data = tmp_path / "data"
    assert zaakwerk(data, "migrate", bare=True, extra=env).returncode == 0
    assert zaakwerk(data, "admin", "add", "--username", "beheer", bare=True, extra=env).returncode == 0
    port = free_port()
    server = f"http://127.0.0.1:{port}"
    proxied = {"Host": "zaken.gemeente.example", "X-Forwarded-Proto": "https"}
    with running(data, "serve", "--port", str(port), bare=True, extra=env) as process:
        # then the health check stays on plain HTTP for probes
        assert wait_until_healthy(process, server).status_code == 200
        # and a request that did not come through TLS is sent to https
        direct = httpx.get(f"{server}/admin/login/", headers={"Host": "zaken.gemeente.example"})
        assert direct.status_code == 301
        assert direct.headers["Location"] == f"{PRODUCTION_URL}/admin/login/"
        # and over TLS the answer carries HSTS and a Secure CSRF cookie
        page = httpx.get(f"{server}/admin/login/", headers=proxied)
        assert page.status_code == 200
        assert page.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
        csrf_cookie = _cookies(page)["csrftoken"]
        assert "; Secure" in csrf_cookie
        # and logging in gives a Secure, HttpOnly session cookie
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert token is not None
        login = httpx.post(
            f"{server}/admin/login/?next=/admin/",
            headers={**proxied, "Origin": PRODUCTION_URL, "Cookie": csrf_cookie.split(";", 1)[0]},
            data={"username": "beheer", "password": "beheer-wachtwoord-1", "csrfmiddlewaretoken": token[1]},
        )
        assert login.status_code == 302, login.text[:500]
        session = _cookies(login)["sessionid"]
        assert "; Secure" in session
        assert "HttpOnly" in session
