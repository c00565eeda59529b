"""Roltypen through the API, validated against catalogi-1.3.3.yaml."""

from __future__ import annotations

import pytest

from tests.catalogi.main_types import BASE, codes, create, publish
from tests.catalogi.sub_types import concept_zaaktype, list_urls, roltype_body
from tests.zgw import ZGWClient, client_with

pytestmark = pytest.mark.django_db


def test_create_filter_update(api: ZGWClient) -> None:
    zaaktype = concept_zaaktype(api)
    melder = create(api, "roltypen", roltype_body(zaaktype["url"], catalogus=zaaktype["catalogus"]))
    behandelaar = create(
        api,
        "roltypen",
        roltype_body(zaaktype["url"], omschrijving="Behandelaar", omschrijvingGeneriek="behandelaar"),
    )
    assert melder["omschrijvingGeneriek"] == "initiator" and melder["zaaktype"] == zaaktype["url"]
    assert list_urls(api, "roltypen", status="alles", omschrijvingGeneriek="behandelaar") == [
        behandelaar["url"]
    ]
    assert api.get(f"{BASE}/roltypen", omschrijvingGeneriek="baas").status_code == 400
    assert api.get(zaaktype["url"]).json_body["roltypen"] == [melder["url"], behandelaar["url"]]
    patched = api.patch(melder["url"], {"omschrijving": "Aanvrager"})
    assert patched.status_code == 200 and patched.json_body["omschrijving"] == "Aanvrager"


@pytest.mark.parametrize(
    ("overrides", "name", "code"),
    [
        ({"omschrijvingGeneriek": "baas"}, "omschrijvingGeneriek", "invalid_choice"),
        ({"omschrijving": ""}, "omschrijving", "blank"),
        ({"catalogus": "http://testserver/elders"}, "catalogus", "relations-incorrect-catalogus"),
    ],
)
def test_invalid_input(api: ZGWClient, overrides: dict[str, object], name: str, code: str) -> None:
    zaaktype = concept_zaaktype(api)
    response = api.post(f"{BASE}/roltypen", {**roltype_body(zaaktype["url"]), **overrides})
    assert response.status_code == 400
    assert (name, code) in codes(response)


def test_ztc_010_and_scopes(db: None) -> None:
    writer = client_with(
        "schrijver", autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen", "catalogi.schrijven"]}]
    )
    zaaktype = concept_zaaktype(writer)
    roltype = create(writer, "roltypen", roltype_body(zaaktype["url"]))
    etag = writer.get(roltype["url"])["ETag"]
    assert writer.get(roltype["url"], headers={"If-None-Match": etag}).status_code == 304
    publish(writer, zaaktype["url"])
    for response in (
        writer.put(roltype["url"], roltype_body(zaaktype["url"], omschrijving="x")),
        writer.patch(roltype["url"], {"omschrijving": "x"}),
        writer.delete(roltype["url"]),
    ):
        assert codes(response) == [("nonFieldErrors", "non-concept-zaaktype")]
    anonymous_like = client_with(
        "geen-ztc", autorisaties=[{"component": "zrc", "scopes": ["zaken.aanmaken"]}]
    )
    assert anonymous_like.get(roltype["url"]).status_code == 403
