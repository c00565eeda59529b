"""``expand`` on a page of zaken loads the page's statussen, resultaten and their types in one
query per kind: the answer is the one each zaak gets on its own, in a few queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.werkplek import zaken
from zaakwerk.client import ZGWClient
from zaakwerk.ops.webapps import authorise_werkplek
from zaakwerk.werkplek import zgw

pytestmark = pytest.mark.django_db

EXPAND = "zaaktype,status,status.statustype,resultaat,resultaat.resultaattype"


@pytest.fixture
def client() -> ZGWClient:
    authorise_werkplek()
    return zgw.service_client()


def test_a_page_expands_as_each_zaak_does_in_a_few_queries(client: ZGWClient) -> None:
    demo = zaken.demo(client, f"{zgw.base_url()}/referentielijsten/api/v1")
    for number, zaaktype in enumerate([demo.melding, demo.parkeren, demo.bezwaar, demo.melding]):
        zaak = zaken.zaak(
            client, zaaktype, f"zaak {number}", kenmerken=[{"kenmerk": "pagina", "bron": "test"}]
        )
        types = zaken.statustypen(client, zaaktype)
        zaken.set_status(client, zaak, types[0], "2026-11-03T10:00:00Z")
        if number % 2:
            resultaattype = next(iter(client.catalogi.resultaattypen.list(zaaktype=zaaktype.url)))
            client.zaken.resultaten.create({"zaak": zaak.url, "resultaattype": resultaattype.url})
    # when a page is read with expand
    with CaptureQueriesContext(connection) as queries:
        page = client.zaken.zaken.page(expand=EXPAND)
    # then each zaak carries what it carries read on its own
    assert len(page.results) == 4
    for zaak in page.results:
        alone = client.zaken.zaken.get(zaak.url, expand=EXPAND.split(","))
        assert zaak.expanded == alone.expanded
        assert (
            zaak.expanded["status"]["_expand"]["statustype"]["url"] == zaak.expanded["status"]["statustype"]
        )
    # and the page took a fixed number of queries, not a few per zaak
    assert len(queries.captured_queries) <= 24, len(queries.captured_queries)
