"""The read model against another deployment over HTTP: sync and a notification's refresh read
the zaken there only through the ZGW APIs."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from django.utils import timezone

from tests.client.conftest import CLIENT_ID, SECRET, Deployment, other_deployment  # noqa: F401
from tests.werkplek.actions_support import zaak
from zaakwerk.werkplek import zgw
from zaakwerk.werkplek.models import ZaakRow
from zaakwerk.werkplek.read_model import notifications, sync
from zaakwerk.werkplek.services import assignment

if TYPE_CHECKING:
    from pytest_django import Settings

pytestmark = pytest.mark.django_db  # the werkplek's own tables are here; the registers are there


def test_sync_and_a_notification_over_http(
    other_deployment: Deployment,  # noqa: F811
    settings: Settings,
) -> None:
    settings.WERKPLEK_ZGW_URL = other_deployment.url
    settings.WERKPLEK_CLIENT_ID = CLIENT_ID
    settings.WERKPLEK_CLIENT_SECRET = SECRET
    there = zgw.service_client(in_process=False)
    made = [zaak(there, referentielijsten=other_deployment.referentielijsten) for _ in range(3)]
    # the other deployment pages its lists by two: sync walks every page
    report = sync.sync(there)
    assert report.pages >= 2
    urls = {item.url for item in made}
    assert urls <= set(ZaakRow.objects.values_list("url", flat=True))
    assert all(url.startswith(other_deployment.url) for url in urls)
    # a change there, announced: the row follows
    assignment.assign_to_team(there, made[0], "team-http", toelichting="over http")
    message = {
        "kanaal": "zaken",
        "hoofdObject": made[0].url,
        "resource": "rol",
        "resourceUrl": made[0].url,
        "actie": "create",
        "aanmaakdatum": timezone.now().isoformat(),
        "kenmerken": {},
    }
    assert notifications.receive(there, message).refreshed == [made[0].url]
    assert ZaakRow.objects.get(url=made[0].url).team == "team-http"
