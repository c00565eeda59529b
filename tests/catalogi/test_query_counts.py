"""Reading zaaktypen costs a fixed number of queries: not more for a fuller page, nor for a
zaaktype with more related types (DESIGN.md: one query per related collection for a page)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.catalogi.main_types import BASE, besluittype_body, catalogus, create, iot_body, zaaktype_body
from tests.catalogi.sub_types import (
    eigenschap_body,
    resultaattype_body,
    roltype_body,
    statustype_body,
    zaakobjecttype_body,
    ziot_body,
)
from tests.zgw import ZGWClient, ZGWResponse

pytestmark = pytest.mark.django_db


def counted_get(api: ZGWClient, url: str, **query: Any) -> tuple[ZGWResponse, int]:
    with CaptureQueriesContext(connection) as queries:
        response = api.get(url, **query)
    assert response.status_code == 200, response.json_body
    return response, len(queries.captured_queries)


def related_zaaktype(api: ZGWClient, cat: str, identificatie: str, parts: int) -> dict[str, Any]:
    """A concept zaaktype with ``parts`` items of every related collection it shows."""
    zaaktype = create(
        api,
        "zaaktypen",
        zaaktype_body(
            cat,
            identificatie=identificatie,
            besluittypen=["Vergunning"],
            deelzaaktypen=["DEEL"],
            gerelateerdeZaaktypen=[{"zaaktype": "DEEL", "aardRelatie": "vervolg"}],
        ),
    )
    url = zaaktype["url"]
    for number in range(parts, 0, -1):  # highest volgnummer first: shown in volgnummer order
        create(api, "statustypen", statustype_body(url, volgnummer=number, omschrijving=f"Status {number}"))
        create(api, "roltypen", roltype_body(url, omschrijving=f"Rol {number}"))
        create(api, "eigenschappen", eigenschap_body(url, naam=f"eigenschap-{number}"))
        create(api, "zaakobjecttypen", zaakobjecttype_body(url, cat, relatieOmschrijving=f"Object {number}"))
        create(api, "resultaattypen", resultaattype_body(url, omschrijving=f"Resultaat {number}"))
        create(api, "zaaktype-informatieobjecttypen", ziot_body(url, "Melding", volgnummer=number))
    return zaaktype


@pytest.fixture
def cat(api: ZGWClient) -> str:
    url = catalogus(api)
    create(api, "informatieobjecttypen", iot_body(url))
    create(api, "besluittypen", besluittype_body(url))
    create(api, "zaaktypen", zaaktype_body(url, identificatie="DEEL"))
    return url


def test_list_queries_do_not_grow_with_the_page(api: ZGWClient, cat: str) -> None:
    # given one zaaktype with related types
    related_zaaktype(api, cat, "ZT-1", parts=1)
    _, one = counted_get(api, f"{BASE}/zaaktypen", status="alles")
    # when four more are added, each with more related types
    for number in range(2, 6):
        related_zaaktype(api, cat, f"ZT-{number}", parts=2)
    response, five = counted_get(api, f"{BASE}/zaaktypen", status="alles")
    # then the page shows them all for the same number of queries
    assert response.json_body["count"] == 6
    assert five == one


def test_detail_queries_do_not_grow_with_related_types(api: ZGWClient, cat: str) -> None:
    small = related_zaaktype(api, cat, "ZT-1", parts=1)
    large = related_zaaktype(api, cat, "ZT-2", parts=3)
    _, for_small = counted_get(api, small["url"])
    response, for_large = counted_get(api, large["url"])
    assert for_large == for_small
    # and everything is shown, in the standard's order
    body = response.json_body
    statustypen = [api.get(url).json_body["volgnummer"] for url in body["statustypen"]]
    assert statustypen == [1, 2, 3]
    for field in ("roltypen", "eigenschappen", "zaakobjecttypen", "resultaattypen"):
        assert len(body[field]) == 3, field
    assert body["resultaattypeOmschrijving"] == ["Resultaat 3", "Resultaat 2", "Resultaat 1"]
    assert body["informatieobjecttypeOmschrijving"] == ["Melding"]
    assert body["besluittypeOmschrijving"] == ["Vergunning"]
    assert body["deelzaaktypeIdentificaties"] == ["DEEL"]
    assert [r["zaaktypeIdentificatie"] for r in body["gerelateerdeZaaktypen"]] == ["DEEL"]
    assert body["catalogus"] == cat


def test_a_bare_zaaktype_needs_no_lookups_of_related_types(api: ZGWClient) -> None:
    # given a zaaktype that names no other types
    zaaktype = create(api, "zaaktypen", zaaktype_body(catalogus(api)))
    # when it is read
    _, count = counted_get(api, zaaktype["url"])
    # then only the authorisations' generation, the row and its collections are queried
    assert count == 3
