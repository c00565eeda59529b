"""Remote references are fetched before the write's transaction opens (issue 10, docs/adr/0037).

A stand-in API records, at the moment it is called, whether the request that asked is inside a
database transaction (and so may hold row locks). It never is, however deep in a service the
reference is resolved; and each URL is fetched once per request.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import httpx
import pytest

from tests.remote import remote_api
from tests.zaken.factories import BASE, CRS, zaak_body
from tests.zaken.subresource_helpers import FullType, full_zaaktype, new_zaak, rol_body
from tests.zgw import ZGWClient
from zaakwerk.core import prefetch

pytestmark = pytest.mark.django_db
ELSEWHERE = "https://ztc.example.nl"


class Watching:
    """A stand-in API that serves ``objects`` and notes, per call, whether a transaction was open."""

    def __init__(self, objects: dict[str, dict[str, Any]]) -> None:
        self.objects = objects
        self.calls: Counter[str] = Counter()
        self.in_transaction: list[bool] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        self.calls[url] += 1
        self.in_transaction.append(prefetch.in_transaction())
        found = self.objects.get(url)
        return httpx.Response(200, json=found) if found else httpx.Response(404, json={})


@pytest.fixture
def types(api: ZGWClient) -> FullType:
    return full_zaaktype(api)


def test_a_remote_roltype_is_fetched_before_the_zaak_is_locked(api: ZGWClient, types: FullType) -> None:
    # given a roltype of the zaak's zaaktype served by another Catalogi API
    zaak = new_zaak(api, types)
    roltype = f"{ELSEWHERE}/catalogi/api/v1/roltypen/6f7c0000-0000-4000-8000-000000000001"
    local = api.get(types.roltype).json_body
    watching = Watching({roltype: {**local, "url": roltype}})
    # when a rol with it is created (the service locks the zaak's row, then resolves the roltype)
    with remote_api(ELSEWHERE, watching.handle):
        created = api.post(f"{BASE}/rollen", rol_body(zaak["url"], roltype))
    # then it was fetched once, outside any transaction, and the rol was written
    assert created.status_code == 201, created.json_body
    assert created.json_body["roltype"] == roltype
    assert watching.calls == {roltype: 1}
    assert watching.in_transaction == [False]


def test_a_remote_communicatiekanaal_of_a_locked_zaak(api: ZGWClient, types: FullType) -> None:
    zaak = new_zaak(api, types)
    kanaal = f"{ELSEWHERE}/referentielijsten/api/v1/communicatiekanalen/6f7c0000-0000-4000-8000-000000000002"
    watching = Watching({kanaal: {"url": kanaal, "naam": "E-mail", "omschrijving": "E-mail"}})
    with remote_api(ELSEWHERE, watching.handle):
        changed = api.patch(zaak["url"], {"communicatiekanaal": kanaal}, headers=CRS)
    assert changed.status_code == 200, changed.json_body
    assert watching.calls == {kanaal: 1}
    assert watching.in_transaction == [False]


def test_many_remote_references_are_fetched_together(api: ZGWClient, types: FullType) -> None:
    zaken = [f"{ELSEWHERE}/zaken/api/v1/zaken/6f7c0000-0000-4000-8000-0000000000{n:02}" for n in range(30)]
    watching = Watching(
        {
            url: {"url": url, "identificatie": "Z", "bronorganisatie": "517439943", "zaaktype": "x"}
            for url in zaken
        }
    )
    relevant = [{"url": url, "aardRelatie": "bijdrage"} for url in zaken]
    with remote_api(ELSEWHERE, watching.handle):
        created = api.post(
            f"{BASE}/zaken", zaak_body(types.zaaktype, relevanteAndereZaken=relevant), headers=CRS
        )
    assert created.status_code == 201, created.json_body
    assert watching.calls == dict.fromkeys(zaken, 1)
    assert not any(watching.in_transaction)
