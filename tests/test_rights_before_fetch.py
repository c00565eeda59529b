"""A client without rights on a type makes the server fetch nothing (issue 11, "Wrong answers").

Creating a zaak (or a document) of a type the client may not create is a 403, as the standard
requires, decided before the rest of the body is validated and before any URL in it is fetched.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

import httpx
import pytest

from tests.documenten.factories import EIO, documenten_client, eio_body, informatieobjecttype
from tests.remote import remote_api
from tests.zaken.factories import BASE, CRS, zaak_body, zaaktype, zaken_client
from tests.zgw import ZGWClient

pytestmark = pytest.mark.django_db
ELSEWHERE = "https://elders.example.nl"


@pytest.fixture
def asked() -> list[str]:
    """The URLs another API was asked for."""
    return []


def _recording(asked: list[str]) -> AbstractContextManager[None]:
    def handle(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        return httpx.Response(404, json={})

    return remote_api(ELSEWHERE, handle)


@pytest.mark.parametrize("which_zaaktype", ["another local one", "a remote one"])
def test_a_zaak_of_a_zaaktype_the_client_may_not_create(
    api: ZGWClient, asked: list[str], which_zaaktype: str
) -> None:
    allowed = zaaktype(api, identificatie="MAG")["url"]
    forbidden = (
        zaaktype(api, identificatie="MAG-NIET", domein="ANDER")["url"]
        if which_zaaktype == "another local one"
        else f"{ELSEWHERE}/catalogi/api/v1/zaaktypen/6f7c0000-0000-4000-8000-000000000001"
    )
    maker = zaken_client("maker", (allowed, "zeer_geheim", ["zaken.aanmaken"]))
    body = zaak_body(
        forbidden,
        communicatiekanaal=f"{ELSEWHERE}/referentielijsten/api/v1/communicatiekanalen/1",
        relevanteAndereZaken=[{"url": f"{ELSEWHERE}/zaken/api/v1/zaken/1", "aardRelatie": "vervolg"}],
        startdatum="geen datum",
    )
    with _recording(asked):
        response = maker.post(f"{BASE}/zaken", body, headers=CRS)
        registratie = maker.post(f"{BASE}/zaken/_registreren", body, headers=CRS)
    assert (response.status_code, registratie.status_code) == (403, 403)
    assert asked == []


def test_a_document_of_a_type_the_client_may_not_create(api: ZGWClient, asked: list[str]) -> None:
    allowed = informatieobjecttype(api, omschrijving="Mag")["url"]
    forbidden = f"{ELSEWHERE}/catalogi/api/v1/informatieobjecttypen/6f7c0000-0000-4000-8000-000000000001"
    maker = documenten_client("maker", (allowed, "zeer_geheim", ["documenten.aanmaken"]))
    with _recording(asked):
        response = maker.post(EIO, eio_body(forbidden))
    assert response.status_code == 403
    assert asked == []
