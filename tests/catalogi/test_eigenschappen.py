"""Eigenschappen through the API, validated against catalogi-1.3.3.yaml (incl. ztc-015)."""

from __future__ import annotations

import pytest

from tests.catalogi.main_types import BASE, codes, create, publish
from tests.catalogi.sub_types import concept_zaaktype, eigenschap_body, list_urls, statustype_body
from tests.zgw import ZGWClient, client_with
from zaakwerk.catalogi.models import Eigenschap

pytestmark = pytest.mark.django_db


def test_create_with_statustype(api: ZGWClient) -> None:
    zaaktype = concept_zaaktype(api)
    statustype = create(api, "statustypen", statustype_body(zaaktype["url"]))
    data = create(api, "eigenschappen", eigenschap_body(zaaktype["url"], statustype=statustype["url"]))
    assert data["statustype"] == statustype["url"]
    assert data["specificatie"]["lengte"] == "8" and data["catalogus"] == zaaktype["catalogus"]
    assert api.get(statustype["url"]).json_body["eigenschappen"] == [data["url"]]
    assert list_urls(api, "eigenschappen", status="concept", zaaktype=zaaktype["url"]) == [data["url"]]
    assert api.get(zaaktype["url"]).json_body["eigenschappen"] == [data["url"]]


@pytest.mark.parametrize(
    ("specificatie", "valid"),
    [
        ({"formaat": "datum", "lengte": "8", "kardinaliteit": "1"}, True),
        ({"formaat": "datum", "lengte": "10", "kardinaliteit": "1"}, False),
        ({"formaat": "datum_tijd", "lengte": "14", "kardinaliteit": "1"}, True),
        ({"formaat": "datum_tijd", "lengte": "19", "kardinaliteit": "1"}, False),
    ],
)
def test_ztc_015_date_lengths(api: ZGWClient, specificatie: dict[str, str], valid: bool) -> None:
    zaaktype = concept_zaaktype(api)
    response = api.post(f"{BASE}/eigenschappen", eigenschap_body(zaaktype["url"], specificatie=specificatie))
    if valid:
        assert response.status_code == 201, response.json_body
    else:
        assert response.status_code == 400
        assert codes(response) == [("specificatie.lengte", "invalid")]


def test_statustype_of_another_zaaktype_is_refused(api: ZGWClient) -> None:
    zaaktype = concept_zaaktype(api)
    other = concept_zaaktype(api, identificatie="ZT-2")
    statustype = create(api, "statustypen", statustype_body(other["url"]))
    response = api.post(
        f"{BASE}/eigenschappen", eigenschap_body(zaaktype["url"], statustype=statustype["url"])
    )
    assert response.status_code == 400
    assert codes(response) == [("statustype", "invalid-resource")]
    assert Eigenschap.objects.count() == 0


def test_ztc_010(db: None) -> None:
    writer = client_with(
        "schrijver", autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen", "catalogi.schrijven"]}]
    )
    zaaktype = concept_zaaktype(writer)
    eigenschap = create(writer, "eigenschappen", eigenschap_body(zaaktype["url"]))
    publish(writer, zaaktype["url"])
    for response in (
        writer.put(eigenschap["url"], eigenschap_body(zaaktype["url"], toelichting="aangepast")),
        writer.patch(eigenschap["url"], {"omschrijving": "ja"}),
        writer.delete(eigenschap["url"]),
    ):
        assert response.status_code == 400
        assert codes(response)[0] == ("nonFieldErrors", "non-concept-zaaktype")
