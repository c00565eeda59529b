"""expand on a list of objects that carry a URL: relevanteAndereZaken (the OAS suite's expand test 3)."""

from __future__ import annotations

import pytest

from tests.zaken.factories import CRS, create_zaak, zaaktype, zaken_client
from tests.zgw import ZGWClient

pytestmark = pytest.mark.django_db


def test_relevante_andere_zaken_expand_to_zaken_the_caller_may_see(api: ZGWClient) -> None:
    type_a, type_b = zaaktype(api, identificatie="A"), zaaktype(api, identificatie="B", domein="ZAKB")
    andere = create_zaak(api, type_a["url"])
    geheim = create_zaak(api, type_b["url"])
    relaties = [{"url": andere["url"], "aardRelatie": "vervolg"}]
    zaak = create_zaak(api, type_a["url"], relevanteAndereZaken=relaties)
    # when
    response = api.get(zaak["url"], headers=CRS, expand="relevanteAndereZaken.zaaktype")
    # then (the response is checked against the spec by the client)
    assert response.status_code == 200, response.json_body
    embedded = response.json_body["_expand"]["relevanteAndereZaken"]
    assert [z["url"] for z in embedded] == [andere["url"]]
    assert embedded[0]["_expand"]["zaaktype"]["url"] == type_a["url"]
    # a zaak the caller may not read is never embedded
    verbonden = create_zaak(
        api, type_a["url"], relevanteAndereZaken=[{"url": geheim["url"], "aardRelatie": "bijdrage"}]
    )
    reader = zaken_client("alleen-a", (type_a["url"], "zeer_geheim", ["zaken.lezen"]))
    assert reader.get(verbonden["url"], headers=CRS, expand="relevanteAndereZaken").status_code == 404
