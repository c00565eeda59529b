"""brc-006 with a Zaken API elsewhere: ``POST/DELETE {zaak}/besluiten`` over HTTP."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.besluiten.helpers import BASE, Types, besluit_body, codes
from tests.remote import origin_of, remote_api
from tests.zgw import ZGWClient
from zaakwerk.besluiten.models import Besluit

pytestmark = pytest.mark.django_db
ZAAK = "https://zrc.example/api/v1/zaken/6f7c0000-0000-4000-8000-000000000001"


class RemoteZaken:
    def __init__(self, zaak: dict[str, Any]) -> None:
        self.calls: list[tuple[str, str, Any]] = []
        self.refuse = False
        self.zaak = zaak

    def handle(self, request: httpx.Request) -> httpx.Response:
        if request.method == "GET" and str(request.url) == ZAAK:
            return httpx.Response(200, json=self.zaak)
        body = json.loads(request.content) if request.content else None
        self.calls.append((request.method, str(request.url), body))
        if request.method == "POST":
            return httpx.Response(400 if self.refuse else 201, json={})
        if request.method == "GET":
            items = [{"url": f"{ZAAK}/besluiten/1", "besluit": besluit} for besluit in self.linked()]
            return httpx.Response(200, json=items)
        return httpx.Response(204)

    def linked(self) -> list[str]:
        return [body["besluit"] for method, _, body in self.calls if method == "POST"]


@pytest.fixture
def remote(catalogue: Types) -> Iterator[RemoteZaken]:
    zaak = {
        "url": ZAAK,
        "zaaktype": catalogue.zaaktype,
        "bronorganisatie": "517439943",
        "identificatie": "Z-1",
    }
    fake = RemoteZaken(zaak)
    with remote_api(origin_of(ZAAK), fake.handle):
        yield fake


def test_create_and_delete_call_the_remote_zaken_api(
    api: ZGWClient, catalogue: Types, remote: RemoteZaken
) -> None:
    created = api.post(f"{BASE}/besluiten", besluit_body(catalogue.besluittype, zaak=ZAAK))
    assert created.status_code == 201, created.json_body
    url = created.json_body["url"]
    assert remote.calls == [("POST", f"{ZAAK}/besluiten", {"besluit": url})]
    assert api.delete(url).status_code == 204
    assert [(method, target) for method, target, _ in remote.calls[1:]] == [
        ("GET", f"{ZAAK}/besluiten"),
        ("DELETE", f"{ZAAK}/besluiten/1"),
    ]


def test_refusal_undoes_the_create(api: ZGWClient, catalogue: Types, remote: RemoteZaken) -> None:
    remote.refuse = True
    response = api.post(f"{BASE}/besluiten", besluit_body(catalogue.besluittype, zaak=ZAAK))
    assert response.status_code == 400
    assert codes(response) == [("nonFieldErrors", "remote-relation-failed")]
    assert not Besluit.objects.exists()
