"""The interface language: Dutch unless the user chose English, and complete translations."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.test import Client

from zaakwerk.web import messages

pytestmark = pytest.mark.django_db

SOURCE = Path(messages.__file__).resolve().parent.parent


def test_dutch_whatever_the_browser_asks_for(client: Client) -> None:
    response = client.get("/medewerker/inloggen/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "nl"
    assert '<html lang="nl"' in response.text
    assert "Inloggen" in response.text


def test_the_language_switcher_sets_english_for_the_next_pages(client: Client) -> None:
    # when the switcher's form is sent
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/medewerker/inloggen/"})
    # then back to the page, now in English
    assert response.status_code == 302
    assert response["Location"] == "/medewerker/inloggen/"
    page = client.get("/medewerker/inloggen/")
    assert '<html lang="en"' in page.text
    assert "Log in with your municipality account to continue." in page.text
    assert page["Content-Language"] == "en"


def test_an_unknown_language_in_the_cookie_falls_back_to_dutch(client: Client) -> None:
    client.cookies["django_language"] = "fr"
    assert '<html lang="nl"' in client.get("/medewerker/inloggen/").text


def test_the_switcher_offers_the_other_language_in_its_own_language(client: Client) -> None:
    page = client.get("/medewerker/inloggen/").text
    assert 'name="language" value="en" lang="en"' in page
    assert ">English</button>" in page
    assert 'value="nl" lang="nl"' not in page


def test_committed_mo_files_say_what_their_po_files_say() -> None:
    # Run `make messages` after editing a .po file (python -m zaakwerk.web.messages compiles it)
    assert messages.catalogs(), "no translation catalogs found"
    assert messages.stale() == []


def test_every_english_entry_is_translated() -> None:
    for po in messages.catalogs():
        with po.open("rb") as source:
            catalog = read_po(source)
        untranslated = [m.id for m in catalog if m.id and (m.fuzzy or not m.string)]
        assert untranslated == [], f"{po}: not (or fuzzily) translated: {untranslated}"


def test_the_catalogs_hold_every_string_of_the_code_and_templates(tmp_path: Path) -> None:
    """Extract the strings again (GNU gettext's xgettext, as Django's makemessages does) and
    compare them with the committed catalogs: a new string without translation fails here."""
    if shutil.which("xgettext") is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("xgettext is missing; CI installs gettext")
        pytest.skip("GNU gettext (xgettext) is not installed")
    for po in messages.catalogs():
        app_dir = po.parents[3]
        copy = tmp_path / app_dir.name
        shutil.copytree(app_dir, copy, ignore=shutil.ignore_patterns("__pycache__", "static", "frontend"))
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "zaakwerk.conf.test_settings"}
        result = subprocess.run(
            [sys.executable, "-m", "django", "makemessages", "-l", po.parents[1].name, "--no-location"],
            cwd=copy,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        with (copy / po.relative_to(app_dir)).open("rb") as source:
            extracted = {m.id for m in read_po(source) if m.id}
        with po.open("rb") as source:
            committed = {m.id for m in read_po(source) if m.id}
        assert extracted == committed, f"{po}: run `make messages` and translate"
