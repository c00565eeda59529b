"""Every page of the web layer: no inline script or style (Content-Security-Policy), landmarks."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

pytestmark = pytest.mark.django_db

PAGES = ["/medewerker/inloggen/", "/werkplek/"]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_pages_have_no_inline_script_or_style(client: Client, path: str, language: str) -> None:
    if path.startswith("/werkplek/"):
        client.force_login(User.objects.create_user("bea"))
    client.cookies["django_language"] = language
    html = client.get(path).text
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
    assert "<style" not in html
    assert re.findall(r"\sstyle=", html) == []
    assert re.findall(r"\son[a-z]+=", html) == []  # no inline event handlers either
    for landmark in ('<header class="utrecht-page-header', '<main id="inhoud"', "<footer", 'href="#inhoud"'):
        assert landmark in html
    assert f'<html lang="{language}"' in html
