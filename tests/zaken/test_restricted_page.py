"""A list of a few (zaaktype, vertrouwelijkheid) groups, ordered by id, is merged from one short
index walk per group; it returns the same zaken, in the same order, with the same count as the
plain query, and never a zaak above the caller's maximum vertrouwelijkheidaanduiding.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tests.zaken.factories import BASE, CRS, create_zaak, zaaktype, zaken_client
from tests.zaken.test_page_paths import all_pages
from tests.zgw import ZGWClient

pytestmark = pytest.mark.django_db


def merged(client: ZGWClient, **query: str) -> bool:
    """Whether page 1 of the list was built from merged per-group walks."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{BASE}/zaken", headers=CRS, **query)
    assert response.status_code == 200, response.json_body
    return any("groep_0" in q["sql"] for q in queries)


@override_settings(PAGE_SIZE=2)
def test_merged_groups_match_the_plain_pages(api: ZGWClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from zaakwerk.zaken.api import listing
    from zaakwerk.zaken.models import Zaak

    a = zaaktype(api, identificatie="A")["url"]
    b = zaaktype(api, identificatie="B", domein="ZAKB")["url"]
    other = zaaktype(api, identificatie="C", domein="ZAKC")["url"]
    # the groups interleave by id, so each page draws from several of them
    created: dict[str, str] = {}
    for number, (url, aanduiding) in enumerate(
        [
            # runs of one group: a whole page from one walk
            (a, "openbaar"),
            (a, "openbaar"),
            (b, "openbaar"),
            (a, "geheim"),
            (a, "intern"),
            (other, "openbaar"),
            (b, "intern"),
            (a, "openbaar"),
            (a, "beperkt_openbaar"),
            (b, "openbaar"),
            (a, "zeer_geheim"),
            (a, "openbaar"),
            (b, "openbaar"),
            (b, "openbaar"),
            (b, "openbaar"),
            (b, "openbaar"),
        ]
    ):
        zaak = create_zaak(api, url, vertrouwelijkheidaanduiding=aanduiding)
        created[zaak["url"]] = f"{number}:{aanduiding}"
    geheim = [url for url, label in created.items() if label.endswith("geheim")]
    # a up to intern (three groups), b up to openbaar (one group)
    restricted = zaken_client("beperkt", (a, "intern", ["zaken.lezen"]), (b, "openbaar", ["zaken.lezen"]))
    visible = [
        zaak.url
        for zaak in Zaak.objects.order_by("id")
        if (
            zaak.zaaktype == a
            and zaak.vertrouwelijkheidaanduiding in ("openbaar", "beperkt_openbaar", "intern")
        )
        or (zaak.zaaktype == b and zaak.vertrouwelijkheidaanduiding == "openbaar")
    ]
    cases: list[tuple[ZGWClient, dict[str, str], list[str]]] = [
        (restricted, {}, visible),
        (restricted, {"zaaktype": a}, [url for url in visible if url in _of(a)]),
        (
            restricted,
            {"maximaleVertrouwelijkheidaanduiding": "openbaar"},
            [url for url in visible if created[url].endswith(":openbaar")],
        ),
        (api, {"zaaktype": a}, _of(a)),
        (
            api,
            {"zaaktype": a, "maximaleVertrouwelijkheidaanduiding": "geheim"},
            [url for url in _of(a) if not created[url].endswith("zeer_geheim")],
        ),
    ]
    for client, query, expected in cases:
        assert merged(client, **query), query
        found = all_pages(client, f"{BASE}/zaken", **query)
        monkeypatch.setattr(listing, "MERGED_GROUPS", 0)  # the plain query
        assert not merged(client, **query)
        plain = all_pages(client, f"{BASE}/zaken", **query)
        monkeypatch.undo()

        assert found == plain == (len(expected), expected), query
        if client is restricted:
            assert not set(found[1]) & set(geheim)
    assert len(visible) == 12


def _of(url: str) -> list[str]:
    from zaakwerk.zaken.models import Zaak

    return [zaak.url for zaak in Zaak.objects.filter(zaaktype=url).order_by("id")]


@override_settings(PAGE_SIZE=2)
def test_other_filters_and_orderings_keep_the_plain_query(api: ZGWClient) -> None:
    a = zaaktype(api)["url"]
    for day in ("03", "01", "02"):
        create_zaak(api, a, startdatum=f"2024-03-{day}")
    create_zaak(api, a, startdatum="2024-03-04", vertrouwelijkheidaanduiding="geheim")
    restricted = zaken_client("beperkt", (a, "openbaar", ["zaken.lezen"]))

    assert merged(restricted)
    assert not merged(restricted, ordering="startdatum")
    assert not merged(restricted, startdatum__gte="2024-03-02")
    assert not merged(api)  # every zaaktype: the kept blocks and plain OFFSET serve it
    count, found = all_pages(restricted, f"{BASE}/zaken", ordering="-startdatum")
    assert count == 3
    assert [api.get(url, headers=CRS).json_body["startdatum"] for url in found] == [
        "2024-03-03",
        "2024-03-02",
        "2024-03-01",
    ]


def test_a_caller_without_visible_groups_gets_an_empty_list(api: ZGWClient) -> None:
    a = zaaktype(api)["url"]
    create_zaak(api, a, vertrouwelijkheidaanduiding="geheim")
    restricted = zaken_client("beperkt", (a, "openbaar", ["zaken.lezen"]))

    response = restricted.get(f"{BASE}/zaken", headers=CRS)

    assert response.status_code == 200, response.json_body
    assert response.json_body["count"] == 0 and response.json_body["results"] == []
