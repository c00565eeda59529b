"""Zaakobjecttypen through the API, validated against catalogi-1.3.3.yaml."""

from __future__ import annotations

import pytest

from tests.catalogi.main_types import BASE, codes, create, publish
from tests.catalogi.sub_types import concept_zaaktype, list_urls, zaakobjecttype_body
from tests.zgw import ZGWClient

pytestmark = pytest.mark.django_db


def test_create_filter_and_geldigheid(api: ZGWClient) -> None:
    zaaktype = concept_zaaktype(api)
    data = create(api, "zaakobjecttypen", zaakobjecttype_body(zaaktype["url"], zaaktype["catalogus"]))
    assert data["beginGeldigheid"] == "2024-01-01" and data["catalogus"] == zaaktype["catalogus"]
    assert data["statustypen"] == [] and data["resultaattypen"] == []
    other = create(
        api,
        "zaakobjecttypen",
        zaakobjecttype_body(
            zaaktype["url"], zaaktype["catalogus"], anderObjecttype=True, relatieOmschrijving="Pand"
        ),
    )
    assert list_urls(api, "zaakobjecttypen") == [data["url"], other["url"]]
    assert list_urls(api, "zaakobjecttypen", anderObjecttype="true") == [other["url"]]
    assert list_urls(api, "zaakobjecttypen", relatieOmschrijving="Betreft") == [data["url"]]
    assert list_urls(
        api, "zaakobjecttypen", catalogus=zaaktype["catalogus"], datumBeginGeldigheid="2024-01-01"
    ) == [
        data["url"],
        other["url"],
    ]
    assert list_urls(api, "zaakobjecttypen", datumGeldigheid="2023-12-31") == []
    assert api.get(f"{BASE}/zaakobjecttypen", anderObjecttype="misschien").status_code == 400
    assert api.get(zaaktype["url"]).json_body["zaakobjecttypen"] == [data["url"], other["url"]]


def test_invalid_and_published(api: ZGWClient) -> None:
    zaaktype = concept_zaaktype(api)
    missing = api.post(f"{BASE}/zaakobjecttypen", {"zaaktype": zaaktype["url"]})
    assert {("objecttype", "required"), ("catalogus", "required")} <= set(codes(missing))
    data = create(api, "zaakobjecttypen", zaakobjecttype_body(zaaktype["url"], zaaktype["catalogus"]))
    publish(api, zaaktype["url"])
    # heeftAlleAutorisaties includes the correctie scopes: the change is allowed as a correctie
    assert api.patch(data["url"], {"relatieOmschrijving": "Over"}).status_code == 200
