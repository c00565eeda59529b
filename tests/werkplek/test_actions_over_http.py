"""An action flow over HTTP against another deployment (a real server with its own database): the
werkplek's pages and services reach it only through the ZGW APIs, so they work there as here."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.test import Client

from tests.client.conftest import CLIENT_ID, SECRET, Deployment, other_deployment  # noqa: F401
from tests.werkplek.actions_support import resultaattype, staff, statustype, zaak
from zaakwerk.client import ZGWClient
from zaakwerk.werkplek import zgw
from zaakwerk.werkplek.services import acties

if TYPE_CHECKING:
    from pytest_django import Settings

pytestmark = pytest.mark.django_db  # the werkplek's own tables are here; the registers are there


def test_status_opschorten_hervatten_and_afsluiten_over_http(
    other_deployment: Deployment,  # noqa: F811
    settings: Settings,
) -> None:
    settings.WERKPLEK_ZGW_URL = other_deployment.url
    settings.WERKPLEK_CLIENT_ID = CLIENT_ID
    settings.WERKPLEK_CLIENT_SECRET = SECRET
    there: ZGWClient = zgw.service_client(in_process=False)
    found = zaak(there, referentielijsten=other_deployment.referentielijsten)
    assert found.url.startswith(other_deployment.url)
    browser = Client()
    browser.force_login(staff("behandelaar-http", "behandelaar"))
    base = f"/werkplek/zaken/{found.uuid}/acties"
    # the form shows the zaak as the other deployment has it
    page = browser.get(f"{base}/status/")
    assert page.status_code == 200 and found.identificatie in page.content.decode()
    behandeling = statustype(there, found, "In behandeling")
    assert (
        browser.post(
            f"{base}/status/", {"statustype": behandeling.url, "toelichting": "Compleet"}
        ).status_code
        == 302
    )
    assert browser.post(f"{base}/opschorten/", {"reden": "Wacht op kenteken"}).status_code == 302
    assert acties.load(there, found.url).suspended
    assert browser.post(f"{base}/hervatten/", {"reden": "Kenteken binnen"}).status_code == 302
    refused = browser.post(f"{base}/opschorten/", {"reden": "Nog eens"})
    assert refused.status_code == 200 and "maar één keer" in refused.content.decode()
    verleend = resultaattype(there, found, "Verleend")
    assert browser.post(f"{base}/afsluiten/", {"resultaattype": verleend.url}).status_code == 302
    closed = acties.load(there, found.url)
    assert closed.closed and closed.status == closed.eindstatustype
    # the other deployment's audit trail names the staff member and the reasons
    trail = there.http.request("GET", f"{found.url}/audittrail")
    assert {"Compleet", "Wacht op kenteken", "Kenteken binnen"} <= {entry["toelichting"] for entry in trail}
    assert "behandelaar-http" in {entry["gebruikersId"] for entry in trail}
