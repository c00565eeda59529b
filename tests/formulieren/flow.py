"""Filling in the demo forms through their pages (Django's test client), for the tests."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def start(browser: Client, slug: str) -> str:
    """Start the form; the URL of its draft (``…/<uuid>/``)."""
    response = browser.post(f"/loket/formulieren/{slug}/")
    assert response.status_code == 302, response.content.decode()[:500]
    location = str(response["Location"])
    match = re.match(r"^(/loket/formulieren/[a-z-]+/[0-9a-f-]{36}/)stap/", location)
    assert match, location
    return match.group(1)


def post_step(
    browser: Client, draft: str, step: str, data: dict[str, Any], actie: str = "volgende"
) -> Any:  # the test client's response
    body = {f"veld-{key}": value for key, value in data.items()}
    return browser.post(f"{draft}stap/{step}/", {**body, "actie": actie})


def parkeervergunning(
    browser: Client, *, bewijs: bytes | None = PDF, email: str = "inwoner@example.nl"
) -> str:
    """Fill in every step of the parkeervergunning; the draft's URL (at its summary)."""
    draft = start(browser, "parkeervergunning")
    assert (
        post_step(browser, draft, "aanvrager", {"email": email, "telefoon": "020 123 4567"}).status_code
        == 302
    )
    voertuig: dict[str, Any] = {
        "kenteken": "AB123C",
        "vergunninggebied": "A",
        "ingangsdatum": (date.today() + timedelta(days=7)).isoformat(),
    }
    if bewijs is not None:
        voertuig["kentekenbewijs"] = SimpleUploadedFile("kentekenbewijs.pdf", bewijs, "application/pdf")
    response = post_step(browser, draft, "voertuig", voertuig)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert post_step(browser, draft, "verklaring", {"akkoord": "ja"}).status_code == 302
    return draft


def melding(browser: Client) -> str:
    draft = start(browser, "melding-openbare-ruimte")
    foto = SimpleUploadedFile("stoep.png", PNG, "image/png")
    response = post_step(
        browser,
        draft,
        "melding",
        {"categorie": "bestrating", "omschrijving": "Losse stoeptegel", "foto": foto},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    response = post_step(
        browser,
        draft,
        "locatie",
        {"adres-postcode": "3511 AB", "adres-huisnummer": "12", "plek-lat": "52,0907", "plek-lon": "5,1214"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    response = post_step(browser, draft, "contact", {"naam": "Jan Jansen", "email": "jan@example.nl"})
    assert response.status_code == 302
    return draft
