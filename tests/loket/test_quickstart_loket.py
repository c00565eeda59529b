"""The quickstart's loket: registered, a demo resident with zaken, the loket URL printed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.urls import reverse

from tests.loket.support import logged_in, visitor
from zaakwerk.ops import webapps
from zaakwerk.ops.demo import load_demo
from zaakwerk.ops.loket import DEMO_BSN
from zaakwerk.web import assets
from zaakwerk.werkplek import zgw as werkplek_zgw

if TYPE_CHECKING:
    from pytest_django import Settings

pytestmark = pytest.mark.django_db


def test_the_demo_resident_has_zaken_in_the_loket(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], settings: Settings
) -> None:
    monkeypatch.setattr(assets, "ensure", lambda npm="npm": False)
    settings.LOKET_DEV_LOGIN = True
    webapps.authorise_werkplek()
    load_demo(
        werkplek_zgw.service_client(), referentielijsten=f"{werkplek_zgw.base_url()}/referentielijsten/api/v1"
    )
    # when the quickstart prepares the web applications, twice
    report = webapps.prepare(tmp_path)
    again = webapps.prepare(tmp_path)
    webapps.print_login(report)
    # then it prints the loket and the demo resident
    printed = capsys.readouterr().out
    assert "Loket         http://testserver/loket/" in printed
    assert f"Demo resident BSN {DEMO_BSN}" in printed
    assert report.loket_bsn == again.loket_bsn == DEMO_BSN
    # and that resident's zaken are in Mijn zaken, once, one of them closed with its besluit
    page = logged_in(visitor("bsn", DEMO_BSN)).get(reverse("loket:mijn-zaken")).content.decode()
    assert page.count("Losse stoeptegel voor Dorpsstraat 12") == 1
    assert "Bezwaar tegen de aanslag afvalstoffenheffing" in page
    assert "Afgeronde zaken (1)" in page
    assert "Verleend" in page
