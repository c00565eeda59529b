"""Zaakeigenschappen (RULES.md 3.2 zrc-018, 3.8) and the waarde check behind X-Warning (ZRC 1.7)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from tests.catalogi.main_types import fuzz_send
from tests.robustness import Json, bodies
from tests.zaken.factories import codes
from tests.zaken.subresource_helpers import (
    FORCED,
    READ,
    UPDATE,
    FullType,
    client,
    close,
    full_zaaktype,
    new_zaak,
)
from tests.zgw import ZGWClient
from zaakwerk.core.models import OutboxMessage
from zaakwerk.zaken import eigenschap_waarde
from zaakwerk.zaken.models import ZaakEigenschap


def spec(**overrides: Any) -> dict[str, Any]:
    return {"formaat": "tekst", "lengte": "8", "kardinaliteit": "1", "waardenverzameling": [], **overrides}


@pytest.mark.parametrize(
    ("waarde", "specificatie", "occurrences", "conforms"),
    [
        ("AB-12-CD", spec(), 1, True),
        ("AB-12-CD-E", spec(), 1, False),
        ("", spec(), 1, True),
        ("12.50", spec(formaat="getal", lengte="5,2"), 1, True),
        ("12,5", spec(formaat="getal", lengte="5,2"), 1, True),
        ("-7", spec(formaat="getal", lengte="5"), 1, True),
        ("1234.56", spec(formaat="getal", lengte="5,2"), 1, False),
        ("1.234", spec(formaat="getal", lengte="5,2"), 1, False),
        ("twaalf", spec(formaat="getal", lengte="5"), 1, False),
        ("20240301", spec(formaat="datum"), 1, True),
        ("2024-03-01", spec(formaat="datum"), 1, True),
        ("20240231", spec(formaat="datum"), 1, False),
        ("1 maart", spec(formaat="datum"), 1, False),
        ("20240301093000", spec(formaat="datum_tijd"), 1, True),
        ("2024-03-01T09:30:00Z", spec(formaat="datum_tijd"), 1, True),
        ("2024-03-01", spec(formaat="datum_tijd"), 1, False),
        ("20240301256000", spec(formaat="datum_tijd"), 1, False),
        ("rood", spec(waardenverzameling=["rood", "groen"]), 1, True),
        ("blauw", spec(waardenverzameling=["rood", "groen"]), 1, False),
        ("a", spec(kardinaliteit="1"), 2, False),
        ("a", spec(kardinaliteit="3"), 3, True),
        ("a", spec(kardinaliteit="N"), 40, True),
    ],
)
def test_waarde_against_specificatie(
    waarde: str, specificatie: dict[str, Any], occurrences: int, conforms: bool
) -> None:
    found = eigenschap_waarde.problems(waarde, specificatie, occurrences=occurrences)
    assert (found == []) is conforms, found


def test_every_problem_is_reported() -> None:
    found = eigenschap_waarde.problems("paars!", spec(lengte="3", waardenverzameling=["rood"]), occurrences=2)
    assert len(found) == 3


@pytest.fixture
def types(api: ZGWClient) -> FullType:
    return full_zaaktype(api)


def _url(zaak: dict[str, Any]) -> str:
    return f"{zaak['url']}/zaakeigenschappen"


@pytest.mark.django_db
def test_create_copies_naam_and_warns_about_a_bad_waarde(api: ZGWClient, types: FullType) -> None:
    # given
    zaak = new_zaak(api, types)
    # when
    good = api.post(_url(zaak), {"zaak": zaak["url"], "eigenschap": types.kenteken, "waarde": "AB-12-CD"})
    bad = api.post(_url(zaak), {"zaak": zaak["url"], "eigenschap": types.bedrag, "waarde": "veel"})
    # then: both stored, only the second with a warning
    assert good.status_code == 201, good.json_body
    assert good.json_body["naam"] == "kenteken"
    assert good["Location"] == good.json_body["url"]
    assert "X-Warning" not in good
    assert bad.status_code == 201
    assert "geen getal" in bad["X-Warning"]
    assert ZaakEigenschap.objects.get(uuid=bad.json_body["uuid"]).waarde == "veel"
    assert list(OutboxMessage.objects.filter(resource="zaakeigenschap").values_list("actie", flat=True)) == [
        "create",
        "create",
    ]
    listed = api.get(_url(zaak)).json_body
    assert [item["url"] for item in listed] == [good.json_body["url"], bad.json_body["url"]]
    assert api.get(zaak["url"], headers={"Accept-Crs": "EPSG:4326"}).json_body["eigenschappen"] == [
        good.json_body["url"],
        bad.json_body["url"],
    ]


@pytest.mark.django_db
def test_second_occurrence_beyond_kardinaliteit_warns(api: ZGWClient, types: FullType) -> None:
    zaak = new_zaak(api, types)
    api.post(_url(zaak), {"eigenschap": types.kleur, "waarde": "rood"})
    second = api.post(_url(zaak), {"eigenschap": types.kleur, "waarde": "blauw"})
    assert second.status_code == 201
    assert "waardenverzameling" in second["X-Warning"]
    assert "maximaal 1 keer" in second["X-Warning"]


@pytest.mark.django_db
def test_eigenschap_of_another_zaaktype_is_refused(api: ZGWClient, types: FullType) -> None:
    zaak = new_zaak(api, types)
    other = full_zaaktype(api, identificatie="ZT-ANDER")
    response = api.post(_url(zaak), {"eigenschap": other.kenteken, "waarde": "x"})
    assert codes(response) == [("nonFieldErrors", "zaaktype-mismatch")]
    assert codes(api.post(_url(zaak), {"eigenschap": types.roltype, "waarde": "x"})) == [
        ("eigenschap", "invalid-resource")
    ]
    assert codes(api.post(_url(zaak), {"eigenschap": types.kenteken})) == [("waarde", "required")]
    other_zaak = new_zaak(api, types)
    assert codes(
        api.post(_url(zaak), {"zaak": other_zaak["url"], "eigenschap": types.kenteken, "waarde": "x"})
    ) == [("zaak", "invalid")]
    assert not ZaakEigenschap.objects.exists()


@pytest.mark.django_db
def test_only_the_waarde_changes(api: ZGWClient, types: FullType) -> None:
    # given
    zaak = new_zaak(api, types)
    created = api.post(_url(zaak), {"eigenschap": types.kenteken, "waarde": "AB-12-CD"}).json_body
    # when
    put = api.put(created["url"], {"zaak": zaak["url"], "eigenschap": types.kenteken, "waarde": "XY-99-ZZ"})
    patch = api.patch(created["url"], {"waarde": "te lang voor een kenteken"})
    refused = api.patch(created["url"], {"eigenschap": types.bedrag})
    # then
    assert put.status_code == 200, put.json_body
    assert "X-Warning" not in put
    assert patch.json_body["waarde"] == "te lang voor een kenteken"
    assert "langer dan 8" in patch["X-Warning"]
    assert codes(refused) == [("eigenschap", "wijzigen-niet-toegelaten")]
    assert ZaakEigenschap.objects.get().eigenschap == types.kenteken


@pytest.mark.django_db
def test_read_head_delete(api: ZGWClient, types: FullType) -> None:
    zaak = new_zaak(api, types)
    created = api.post(_url(zaak), {"eigenschap": types.kenteken, "waarde": "AB-12-CD"}).json_body
    read = api.get(created["url"])
    assert read.json_body == created
    assert api.head(created["url"])["ETag"] == read["ETag"]
    assert api.get(created["url"], headers={"If-None-Match": read["ETag"]}).status_code == 304
    other = new_zaak(api, types)
    assert api.get(f"{_url(other)}/{created['uuid']}").status_code == 404
    assert api.get(f"{_url(zaak)}/{uuid.uuid4()}").status_code == 404
    assert api.delete(created["url"]).status_code == 204
    assert api.get(_url(zaak)).json_body == []
    assert OutboxMessage.objects.filter(resource="zaakeigenschap", actie="destroy").exists()


@pytest.mark.django_db
def test_visibility_and_closed_zaak(api: ZGWClient, types: FullType) -> None:
    zaak = new_zaak(api, types, vertrouwelijkheidaanduiding="geheim")
    created = api.post(_url(zaak), {"eigenschap": types.kenteken, "waarde": "AB-12-CD"}).json_body
    low = client("ze-laag", types.zaaktype, [READ, UPDATE], maximum="openbaar")
    writer = client("ze-schrijver", types.zaaktype, [READ, UPDATE])
    forced = client("ze-geforceerd", types.zaaktype, [READ, FORCED])
    assert low.get(_url(zaak)).status_code == 403
    assert low.get(created["url"]).status_code == 403
    assert low.post(_url(zaak), {"eigenschap": types.kenteken, "waarde": "x"}).status_code == 403
    close(api, types, zaak["url"])
    assert writer.post(_url(zaak), {"eigenschap": types.kenteken, "waarde": "x"}).status_code == 403
    assert writer.delete(created["url"]).status_code == 403
    assert forced.patch(created["url"], {"waarde": "ZZ-11-AA"}).status_code == 200


FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.mark.django_db
def test_robust_create(api: ZGWClient, types: FullType) -> None:
    zaak = new_zaak(api, types)
    aimed: list[Callable[[dict[str, Json]], dict[str, Json]]] = [
        lambda body: body,
        lambda body: {**body, "eigenschap": types.kenteken},
    ]

    @given(body=bodies("zaken-1.7.0.yaml", "/zaken/{zaak_uuid}/zaakeigenschappen", "post"))
    @FUZZ
    def run(body: Json) -> None:
        if isinstance(body, dict):
            body = aimed[len(body) % len(aimed)](body)
        fuzz_send(api, "POST", _url(zaak), body)

    run()


@pytest.mark.django_db
def test_a_zaakeigenschap_url_resolves_in_process_under_its_own_zaak(api: ZGWClient, types: FullType) -> None:
    # the nested URL of a zaakeigenschap resolves like any other local URL (expand, references)
    from zaakwerk.core import references

    zaak, other = new_zaak(api, types), new_zaak(api, types)
    created = api.post(_url(zaak), {"zaak": zaak["url"], "eigenschap": types.kenteken, "waarde": "AB-12-CD"})
    assert created.status_code == 201, created.json_body
    body, status = references.fetch(created.json_body["url"])
    assert status == 200 and body == created.json_body
    wrong_parent = created.json_body["url"].replace(zaak["uuid"], other["uuid"])
    assert references.fetch(wrong_parent) == (None, 404)
    crs = {"Accept-Crs": "EPSG:4326"}
    expanded = api.get(zaak["url"], headers=crs, expand="eigenschappen").json_body
    assert [e["waarde"] for e in expanded["_expand"]["eigenschappen"]] == ["AB-12-CD"]
    listed = api.get("/zaken/api/v1/zaken", headers=crs, expand="eigenschappen").json_body
    assert listed["count"] == 2
