"""GET /zaken and POST /zaken/_zoek: filters, ordering, pagination, visibility, expand."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings

from tests.zaken.factories import BASE, CRS, codes, create_zaak, zaaktype, zaken_client
from tests.zgw import ZGWClient

pytestmark = pytest.mark.django_db


def urls(response: Any) -> list[str]:
    assert response.status_code == 200, response.json_body
    return [item["url"] for item in response.json_body["results"]]


@pytest.fixture
def two_types(api: ZGWClient) -> tuple[str, str]:
    return zaaktype(api, identificatie="A")["url"], zaaktype(api, identificatie="B", domein="ZAKB")["url"]


def test_filters(api: ZGWClient, two_types: tuple[str, str]) -> None:
    a, b = two_types
    z1 = create_zaak(api, a, startdatum="2024-01-10", identificatie="Z1")
    z2 = create_zaak(api, a, startdatum="2024-02-10", identificatie="Z2", bronorganisatie="000000000")
    z3 = create_zaak(
        api,
        b,
        startdatum="2024-03-10",
        identificatie="Z3",
        archiefnominatie="vernietigen",
        archiefactiedatum="2030-01-01",
    )

    def found(**query: Any) -> list[str]:
        return urls(api.get(f"{BASE}/zaken", headers=CRS, **query))

    assert found() == [z1["url"], z2["url"], z3["url"]]
    assert found(zaaktype=a) == [z1["url"], z2["url"]]
    assert found(identificatie="Z2") == [z2["url"]]
    assert found(bronorganisatie__in="000000000,123") == [z2["url"]]
    assert found(startdatum__gte="2024-02-10") == [z2["url"], z3["url"]]
    assert found(startdatum__lt="2024-02-10") == [z1["url"]]
    assert found(archiefnominatie="vernietigen", archiefactiedatum__lt="2031-01-01") == [z3["url"]]
    assert found(archiefactiedatum__isnull="true") == [z1["url"], z2["url"]]
    assert found(einddatum__isnull="false") == []
    assert found(archiefstatus__in="nog_te_archiveren") == [z1["url"], z2["url"], z3["url"]]
    assert found(maximaleVertrouwelijkheidaanduiding="openbaar") == [z1["url"], z2["url"], z3["url"]]
    assert found(ordering="-startdatum") == [z3["url"], z2["url"], z1["url"]]
    assert found(ordering="-identificatie,startdatum") == [z3["url"], z2["url"], z1["url"]]


def test_rol_filters(api: ZGWClient, two_types: tuple[str, str]) -> None:
    from zaakwerk.zaken.models import Rol, Zaak

    a, _ = two_types
    z1 = create_zaak(api, a)
    create_zaak(api, a)
    Rol.objects.create(
        zaak=Zaak.objects.get(uuid=z1["uuid"]),
        betrokkene_type="natuurlijk_persoon",
        roltype=a,
        omschrijving_generiek="initiator",
        betrokkene_identificatie={"inpBsn": "111222333"},
        inp_bsn="111222333",
    )
    response = api.get(
        f"{BASE}/zaken",
        headers=CRS,
        rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn="111222333",
        rol__omschrijvingGeneriek="initiator",
    )
    assert urls(response) == [z1["url"]]
    assert response.json_body["count"] == 1
    assert urls(api.get(f"{BASE}/zaken", headers=CRS, rol__betrokkeneType="medewerker")) == []


@pytest.mark.parametrize(
    "query",
    [
        {"startdatum": "gisteren"},
        {"archiefnominatie": "misschien"},
        {"ordering": "omschrijving"},
        {"onbekend": "1"},
        {"rol__omschrijvingGeneriek": "baas"},
        {"archiefactiedatum__isnull": "soms"},
    ],
)
def test_bad_filters_are_400(api: ZGWClient, query: dict[str, str]) -> None:
    response = api.get(f"{BASE}/zaken", headers=CRS, **query)
    assert response.status_code == 400
    assert codes(response)


@override_settings(PAGE_SIZE=2)
def test_pagination(api: ZGWClient, two_types: tuple[str, str]) -> None:
    a, _ = two_types
    made = [create_zaak(api, a)["url"] for _ in range(5)]
    first = api.get(f"{BASE}/zaken", headers=CRS)
    assert first.json_body["count"] == 5 and first.json_body["previous"] is None
    assert first.json_body["next"].endswith("page=2")
    pages = [urls(api.get(f"{BASE}/zaken", headers=CRS, page=n)) for n in (1, 2, 3)]
    assert [url for page in pages for url in page] == made
    assert api.get(f"{BASE}/zaken", headers=CRS, page=4).status_code == 404


def test_visibility_per_zaaktype_and_vertrouwelijkheid(api: ZGWClient, two_types: tuple[str, str]) -> None:
    a, b = two_types
    open_a = create_zaak(api, a, vertrouwelijkheidaanduiding="openbaar")
    geheim_a = create_zaak(api, a, vertrouwelijkheidaanduiding="geheim")
    open_b = create_zaak(api, b, vertrouwelijkheidaanduiding="openbaar")
    reader = zaken_client("lezer", (a, "intern", ["zaken.lezen"]))
    # list and count: only zaaktype A up to intern
    listed = reader.get(f"{BASE}/zaken", headers=CRS)
    assert urls(listed) == [open_a["url"]] and listed.json_body["count"] == 1
    # detail: 403 for what exists but may not be seen
    assert reader.get(open_a["url"], headers=CRS).status_code == 200
    assert reader.get(geheim_a["url"], headers=CRS).status_code == 403
    assert reader.get(open_b["url"], headers=CRS).status_code == 403
    # _zoek: the same filter
    found = reader.post(f"{BASE}/zaken/_zoek", {"zaaktype__in": [a, b]}, headers=CRS)
    assert urls(found) == [open_a["url"]]
    # writes are checked too: creating in an unauthorised zaaktype is refused, nothing stored
    writer = zaken_client("schrijver", (a, "intern", ["zaken.aanmaken"]))
    from tests.zaken.factories import zaak_body

    assert writer.post(f"{BASE}/zaken", zaak_body(b), headers=CRS).status_code == 403
    too_secret = writer.post(f"{BASE}/zaken", zaak_body(a, vertrouwelijkheidaanduiding="geheim"), headers=CRS)
    assert too_secret.status_code == 403
    assert api.get(f"{BASE}/zaken", headers=CRS).json_body["count"] == 3
    nobody = zaken_client("niemand", (a, "zeer_geheim", ["zaken.aanmaken"]))
    assert nobody.get(f"{BASE}/zaken", headers=CRS).status_code == 403


def test_expand_hides_what_is_not_visible(api: ZGWClient, two_types: tuple[str, str]) -> None:
    a, b = two_types
    hoofd = create_zaak(api, b)
    deel = create_zaak(api, a, hoofdzaak=hoofd["url"])
    unchecked = api
    full = unchecked.get(deel["url"], headers=CRS, expand="hoofdzaak")
    assert full.json_body["_expand"]["hoofdzaak"]["url"] == hoofd["url"]
    with_type = unchecked.get(deel["url"], headers=CRS, expand="zaaktype")
    assert with_type.json_body["_expand"]["zaaktype"]["url"] == a
    reader = zaken_client("alleen-a", (a, "zeer_geheim", ["zaken.lezen"]))
    assert reader.get(deel["url"], headers=CRS, expand="hoofdzaak").status_code == 404
    assert api.get(deel["url"], headers=CRS, expand="bestaatniet").status_code == 404


def test_zoek_geometry_within(api: ZGWClient, two_types: tuple[str, str]) -> None:
    a, _ = two_types
    inside = create_zaak(api, a, zaakgeometrie={"type": "Point", "coordinates": [5.1, 52.1]})
    create_zaak(api, a, zaakgeometrie={"type": "Point", "coordinates": [6.5, 53.0]})
    create_zaak(api, a)
    # a triangle whose bounding box holds (5.9, 52.9) but the triangle does not
    corner = create_zaak(api, a, zaakgeometrie={"type": "Point", "coordinates": [5.9, 52.9]})
    area = {"type": "Polygon", "coordinates": [[[5.0, 52.0], [6.0, 52.0], [5.0, 53.0], [5.0, 52.0]]]}
    found = api.post(f"{BASE}/zaken/_zoek", {"zaakgeometrie": {"within": area}}, headers=CRS)
    assert urls(found) == [inside["url"]]
    assert corner["url"] not in urls(found)
    bad = api.post(f"{BASE}/zaken/_zoek", {"zaakgeometrie": {"within": {"type": "Polygon"}}}, headers=CRS)
    assert bad.status_code == 400
    assert codes(bad)[0][0].startswith("zaakgeometrie")
    by_uuid = api.post(f"{BASE}/zaken/_zoek", {"uuid__in": [inside["uuid"]]}, headers=CRS)
    assert urls(by_uuid) == [inside["url"]]
    assert api.post(f"{BASE}/zaken/_zoek", {"uuid__in": ["x"]}, headers=CRS).status_code == 400
    assert api.post(f"{BASE}/zaken/_zoek", {}, headers={"Accept-Crs": "EPSG:4326"}).status_code == 412


def test_page_costs_a_fixed_number_of_queries(api: ZGWClient, two_types: tuple[str, str]) -> None:
    a, _ = two_types
    for _ in range(3):
        create_zaak(api, a)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        api.get(f"{BASE}/zaken", headers=CRS)
    for _ in range(10):
        create_zaak(api, a)
    with CaptureQueriesContext(connection) as many:
        api.get(f"{BASE}/zaken", headers=CRS)
    assert len(many.captured_queries) == len(few.captured_queries)
