"""The number of queries of /zaken does not grow with page size, page depth or related rows."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tests.zaken.factories import BASE, CRS, create_zaak, zaaktype, zaken_client
from tests.zgw import ZGWClient

pytestmark = pytest.mark.django_db


def queries(client: ZGWClient, method: str, url: str, **query: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, headers=CRS, **query)
    assert response.status_code == 200, response.json_body
    return len(captured)


@pytest.fixture
def zaken(api: ZGWClient) -> list[dict[str, object]]:
    """Ten deelzaken of one hoofdzaak of another zaaktype (listed with ``zaaktype=``)."""
    hoofdzaak = create_zaak(api, zaaktype(api, identificatie="HOOFD", domein="ZAKH")["url"])
    url = zaaktype(api)["url"]
    return [
        create_zaak(api, url, hoofdzaak=hoofdzaak["url"], startdatum=f"2024-03-{day:02d}")
        for day in (5, 1, 9, 3, 7, 2, 10, 4, 8, 6)
    ]


@pytest.mark.parametrize("ordering", [None, "-startdatum", "identificatie"])
def test_list_queries_do_not_grow_with_page_size_or_depth(
    api: ZGWClient, zaken: list[dict[str, object]], ordering: str | None
) -> None:
    query = {"zaaktype": str(zaken[0]["zaaktype"])}
    if ordering:
        query["ordering"] = ordering
    queries(api, "get", f"{BASE}/zaken")  # warm caches (credentials)
    with override_settings(PAGE_SIZE=2):
        small = queries(api, "get", f"{BASE}/zaken", **query)
        deep = queries(api, "get", f"{BASE}/zaken", page="4", **query)
        filtered_deep = queries(api, "get", f"{BASE}/zaken", page="2", startdatum__gte="2000-01-01", **query)
    with override_settings(PAGE_SIZE=8):
        large = queries(api, "get", f"{BASE}/zaken", **query)
        filtered = queries(api, "get", f"{BASE}/zaken", startdatum__gte="2000-01-01", **query)
    assert small == deep == large
    assert filtered == filtered_deep


def test_restricted_callers_list_with_the_same_queries(
    api: ZGWClient, zaken: list[dict[str, object]]
) -> None:
    zaaktype_url = str(zaken[0]["zaaktype"])
    restricted = zaken_client("beperkt", (zaaktype_url, "geheim", ["zaken.lezen"]))
    queries(api, "get", f"{BASE}/zaken")
    queries(restricted, "get", f"{BASE}/zaken")
    assert queries(restricted, "get", f"{BASE}/zaken") == queries(api, "get", f"{BASE}/zaken")


def test_detail_queries_do_not_grow_with_related_rows(api: ZGWClient, zaken: list[dict[str, object]]) -> None:
    url = zaaktype(api, identificatie="ANDER", domein="ZAKB")["url"]
    alone = create_zaak(api, url)
    hoofdzaak = str(zaken[0]["hoofdzaak"])
    queries(api, "get", str(alone["url"]))
    assert queries(api, "get", str(alone["url"])) == queries(api, "get", hoofdzaak)
