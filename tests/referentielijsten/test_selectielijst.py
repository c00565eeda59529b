"""Procestypen and resultaten (the Selectielijst) through the API, validated against
referentielijsten-0.6.0.yaml by the test client."""

from __future__ import annotations

from typing import Any

import pytest

from tests.referentielijsten import fixtures
from tests.referentielijsten.fixtures import BASE
from tests.zgw import ZGWClient

pytestmark = pytest.mark.django_db


# --- procestypen ---------------------------------------------------------------------------------


def test_procestypen_is_a_plain_array_of_every_procestype(anonymous: ZGWClient) -> None:
    response = anonymous.get(f"{BASE}/procestypen")
    assert response.status_code == 200
    assert response["API-version"] == "0.6.0"
    expected = fixtures.procestypen()
    assert [item["url"] for item in response.json_body] == [
        fixtures.url("procestypen", row["uuid"]) for row in expected
    ]
    first, row = response.json_body[0], expected[0]
    assert first == {
        "url": fixtures.url("procestypen", row["uuid"]),
        "nummer": row["nummer"],
        "jaar": row["jaar"],
        "naam": row["naam"],
        "omschrijving": row["omschrijving"],
        "toelichting": row["toelichting"],
        "procesobject": row["procesobject"],
    }


@pytest.mark.parametrize("jaar", [2017, 2020])
def test_procestypen_filter_jaar(anonymous: ZGWClient, jaar: int) -> None:
    response = anonymous.get(f"{BASE}/procestypen", jaar=str(jaar))
    assert response.status_code == 200
    expected = [row["uuid"] for row in fixtures.procestypen() if row["jaar"] == jaar]
    assert expected
    assert [item["url"].rsplit("/", 1)[1] for item in response.json_body] == expected
    assert {item["jaar"] for item in response.json_body} == {jaar}


def test_procestypen_of_a_year_without_selectielijst_is_empty(anonymous: ZGWClient) -> None:
    assert anonymous.get(f"{BASE}/procestypen", jaar="1999").json_body == []


def test_procestypen_empty_jaar_does_not_filter(anonymous: ZGWClient) -> None:
    assert len(anonymous.get(f"{BASE}/procestypen", jaar="").json_body) == len(fixtures.procestypen())


@pytest.mark.parametrize(
    ("query", "name", "code"),
    [
        ({"jaar": "twintig"}, "jaar", "invalid"),
        ({"jaar": "2017.5"}, "jaar", "invalid"),
        ({"nummer": "1"}, "nonFieldErrors", "unknown-parameters"),
        # a plain array: no pages either
        ({"page": "1"}, "nonFieldErrors", "unknown-parameters"),
    ],
)
def test_procestypen_bad_query_is_400(
    anonymous: ZGWClient, query: dict[str, str], name: str, code: str
) -> None:
    response = anonymous.get(f"{BASE}/procestypen", **query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json_body["code"] == "invalid"
    assert [(p["name"], p["code"]) for p in response.json_body["invalidParams"]] == [(name, code)]


def test_procestype_detail_equals_its_list_item(anonymous: ZGWClient) -> None:
    listed = anonymous.get(f"{BASE}/procestypen").json_body
    for item in (listed[0], listed[-1]):
        read = anonymous.get(item["url"])
        assert read.status_code == 200
        assert read.json_body == item


@pytest.mark.parametrize("uuid", ["00000000-0000-4000-8000-000000000000", "geen-uuid", fixtures.AFGEWEZEN])
def test_unknown_procestype_is_404(anonymous: ZGWClient, uuid: str) -> None:
    response = anonymous.get(f"{BASE}/procestypen/{uuid}")
    assert response.status_code == 404
    assert response.json_body["code"] == "not_found"
    assert response.json_body["status"] == 404


# --- resultaten ----------------------------------------------------------------------------------


def _all_pages(client: ZGWClient, url: str, **query: Any) -> tuple[list[dict[str, Any]], int]:
    """Follow ``next`` from the first page; returns every result and the number of pages."""
    page = client.get(url, **query)
    assert page.status_code == 200
    results, pages = list(page.json_body["results"]), 1
    while page.json_body["next"]:
        page = client.get(page.json_body["next"])
        assert page.status_code == 200
        results += page.json_body["results"]
        pages += 1
    return results, pages


def test_resultaten_are_paginated_by_100(anonymous: ZGWClient) -> None:
    served = fixtures.served_resultaten()
    first = anonymous.get(f"{BASE}/resultaten")
    assert first.status_code == 200
    assert first.json_body["count"] == len(served)
    assert len(first.json_body["results"]) == min(100, len(served))
    assert first.json_body["previous"] is None
    assert first.json_body["next"] == f"{fixtures.ROOT}/resultaten?page=2"
    assert anonymous.get(f"{BASE}/resultaten", page="1").json_body["results"] == first.json_body["results"]
    second = anonymous.get(first.json_body["next"])
    assert second.json_body["previous"] == f"{fixtures.ROOT}/resultaten?page=1"


def test_paging_through_resultaten_gives_each_once(anonymous: ZGWClient) -> None:
    results, pages = _all_pages(anonymous, f"{BASE}/resultaten")
    served = fixtures.served_resultaten()
    assert [item["url"] for item in results] == [fixtures.url("resultaten", row["uuid"]) for row in served]
    assert pages == -(-len(served) // 100)
    beyond = anonymous.get(f"{BASE}/resultaten", page=str(pages + 1))
    assert beyond.status_code == 404
    assert beyond.json_body["code"] == "not_found"


def test_conformance_suite_finds_every_kind_of_procestermijn(anonymous: ZGWClient) -> None:
    # The VNG suite pages through /resultaten?page=N looking for these selectielijstklassen.
    results, _ = _all_pages(anonymous, f"{BASE}/resultaten")
    found = {item["procestermijn"] for item in results}
    assert {"nihil", "ingeschatte_bestaansduur_procesobject", "vast_te_leggen_datum", ""} <= found


@pytest.mark.parametrize("page", ["0", "-1", "twee"])
def test_invalid_page_is_404(anonymous: ZGWClient, page: str) -> None:
    response = anonymous.get(f"{BASE}/resultaten", page=page)
    assert response.status_code == 404
    assert response.json_body["code"] == "not_found"


def test_resultaten_filter_proces_type(anonymous: ZGWClient) -> None:
    procestype = fixtures.procestypen()[2]
    procestype_url = fixtures.url("procestypen", procestype["uuid"])
    expected = [row["uuid"] for row in fixtures.served_resultaten() if row["proces_type"] == procestype["pk"]]
    assert expected
    # when
    results, _ = _all_pages(anonymous, f"{BASE}/resultaten", proces_type=procestype_url)
    # then
    assert [item["url"].rsplit("/", 1)[1] for item in results] == expected
    assert {item["procesType"] for item in results} == {procestype_url}


@pytest.mark.parametrize("jaar", [2017, 2020])
def test_every_procestype_has_resultaten(anonymous: ZGWClient, jaar: int) -> None:
    # issue: all 29 procestypen of 2020 had no resultaten, so no zaaktype could use that list
    for procestype in anonymous.get(f"{BASE}/procestypen", jaar=str(jaar)).json_body:
        response = anonymous.get(f"{BASE}/resultaten", proces_type=procestype["url"])
        assert response.status_code == 200
        assert response.json_body["count"] > 0, procestype["naam"]
        assert {item["procesType"] for item in response.json_body["results"]} == {procestype["url"]}


@pytest.mark.parametrize("parameter", ["proces_type", "procesType"])
def test_resultaten_filter_accepts_both_spellings(anonymous: ZGWClient, parameter: str) -> None:
    # the spec says proces_type; archive-management tools send procesType
    procestype = fixtures.procestypen()[-1]
    procestype_url = fixtures.url("procestypen", procestype["uuid"])
    expected = [row["uuid"] for row in fixtures.served_resultaten() if row["proces_type"] == procestype["pk"]]
    results, _ = _all_pages(anonymous, f"{BASE}/resultaten", **{parameter: procestype_url})
    assert [item["url"].rsplit("/", 1)[1] for item in results] == expected


def test_resultaten_filter_both_spellings_must_agree(anonymous: ZGWClient) -> None:
    first, last = (fixtures.url("procestypen", row["uuid"]) for row in fixtures.procestypen()[::57])
    same = anonymous.get(f"{BASE}/resultaten", proces_type=first, procesType=first)
    assert same.status_code == 200
    assert same.json_body["count"] == anonymous.get(f"{BASE}/resultaten", procesType=first).json_body["count"]
    differ = anonymous.get(f"{BASE}/resultaten", proces_type=first, procesType=last)
    assert differ.status_code == 400
    assert [(p["name"], p["code"]) for p in differ.json_body["invalidParams"]] == [("procesType", "invalid")]


@pytest.mark.parametrize(
    ("query", "name", "code"),
    [
        ({"proces_type": "geen-url"}, "proces_type", "invalid"),
        # a resultaat is not a procestype
        (
            {"proces_type": f"{fixtures.ROOT}/resultaten/6711baff-798b-4c7f-9133-8ad02c8b7c6f"},
            "proces_type",
            "invalid",
        ),
        ({"proces_type": "https://elders.example.org/api/v1/procestypen/x"}, "proces_type", "invalid"),
        # the camelCase spelling is checked alike, and named as sent
        ({"procesType": "geen-url"}, "procesType", "invalid"),
        ({"procestype": "geen-url"}, "nonFieldErrors", "unknown-parameters"),
    ],
)
def test_resultaten_bad_query_is_400(
    anonymous: ZGWClient, query: dict[str, str], name: str, code: str
) -> None:
    response = anonymous.get(f"{BASE}/resultaten", **query)
    assert response.status_code == 400
    assert [(p["name"], p["code"]) for p in response.json_body["invalidParams"]] == [(name, code)]


def _resultaat(anonymous: ZGWClient, row: dict[str, Any]) -> dict[str, Any]:
    response = anonymous.get(fixtures.url("resultaten", row["uuid"]))
    assert response.status_code == 200
    body: dict[str, Any] = response.json_body
    return body


def test_specific_resultaat_representation(anonymous: ZGWClient) -> None:
    by_pk = {row["pk"]: row for row in fixtures.vng_resultaten()}
    procestypen = {row["pk"]: row for row in fixtures.procestypen()}
    row = next(
        r for r in fixtures.served_resultaten() if r.get("generiek_resultaat") and r.get("bewaartermijn")
    )
    generiek = by_pk[row["generiek_resultaat"]]
    procestype = procestypen[row["proces_type"]]
    # when
    body = _resultaat(anonymous, row)
    # then
    assert body["procesType"] == fixtures.url("procestypen", procestype["uuid"])
    assert body["volledigNummer"] == f"{procestype['nummer']}.{generiek['nummer']}.{row['nummer']}"
    assert (body["generiek"], body["specifiek"]) == (False, True)
    for field in ("nummer", "naam", "omschrijving", "herkomst", "waardering", "procestermijn", "toelichting"):
        assert body[field] == row[field]
    assert body["bewaartermijn"] == row["bewaartermijn"]
    assert body["procestermijnOpmerking"] == row["procestermijn_opmerking"]
    assert body["sportCultuurEnRecreatie"] == row["sport_cultuur_en_recreatie"]
    assert body["algemeenBestuurEnInrichtingOrganisatie"] == row["algemeen_bestuur_en_inrichting_organisatie"]
    assert body["volksgezonheidEnMilieu"] == row["volksgezonheid_en_milieu"]


def test_generic_resultaat_representation(anonymous: ZGWClient) -> None:
    procestypen = {row["pk"]: row for row in fixtures.procestypen()}
    row = next(r for r in fixtures.served_resultaten() if not r.get("generiek_resultaat"))
    body = _resultaat(anonymous, row)
    assert body["volledigNummer"] == f"{procestypen[row['proces_type']]['nummer']}.{row['nummer']}"
    assert (body["generiek"], body["specifiek"]) == (True, False)


def test_resultaat_without_bewaartermijn_has_null(anonymous: ZGWClient) -> None:
    row = next(r for r in fixtures.served_resultaten() if "bewaartermijn" not in r)
    assert _resultaat(anonymous, row)["bewaartermijn"] is None


@pytest.mark.parametrize(
    ("procestermijn", "weergave"),
    [
        ("nihil", "Nihil"),
        ("bestaansduur_procesobject", "De bestaans- of geldigheidsduur van het procesobject."),
        ("", ""),
    ],
)
def test_procestermijn_weergave(anonymous: ZGWClient, procestermijn: str, weergave: str) -> None:
    row = next(r for r in fixtures.served_resultaten() if r["procestermijn"] == procestermijn)
    assert _resultaat(anonymous, row)["procestermijnWeergave"] == weergave


def test_withdrawn_resultaten_are_not_served(anonymous: ZGWClient) -> None:
    withdrawn = fixtures.withdrawn_resultaten()
    assert withdrawn
    for row in withdrawn:
        assert anonymous.get(fixtures.url("resultaten", row["uuid"])).status_code == 404


def test_resultaat_detail_equals_its_list_item(anonymous: ZGWClient) -> None:
    item = anonymous.get(f"{BASE}/resultaten", page="2").json_body["results"][5]
    assert anonymous.get(item["url"]).json_body == item


@pytest.mark.parametrize("uuid", ["00000000-0000-4000-8000-000000000000", "12345"])
def test_unknown_resultaat_is_404(anonymous: ZGWClient, uuid: str) -> None:
    response = anonymous.get(f"{BASE}/resultaten/{uuid}")
    assert response.status_code == 404
    assert response.json_body["code"] == "not_found"
