from __future__ import annotations

import pytest
from django.test import Client

from tests.beheer.conftest import uuid_of, zaaktype_url
from zaakwerk.client import ZGWClient

pytestmark = pytest.mark.django_db


def test_pages(web: Client, api: ZGWClient, demo: str) -> None:
    assert web.get("/beheer/").status_code == 200
    assert web.get(f"/beheer/catalogi/{uuid_of(demo)}/").status_code == 200
    url = zaaktype_url(api, demo, "PARKEERVERGUNNING")
    for tab in (
        "gegevens",
        "statustypen",
        "roltypen",
        "resultaattypen",
        "eigenschappen",
        "documenten",
        "relaties",
        "behandeling",
        "versies",
        "publiceren",
    ):
        response = web.get(f"/beheer/zaaktypen/{uuid_of(url)}/{tab}/")
        assert response.status_code == 200, (tab, response.content[:3000])
