"""Zaaktype-informatieobjecttypen through the API: names or URLs, the publication rule of
Catalogi 1.3.2+ (ztc-010) and relations within one catalogus."""

from __future__ import annotations

import pytest

from tests.catalogi.main_types import BASE, codes, create, iot_body, publish
from tests.catalogi.sub_types import concept_zaaktype, list_urls, statustype_body, ziot_body
from tests.zgw import ZGWClient, client_with

pytestmark = pytest.mark.django_db


def test_create_by_url_or_name(api: ZGWClient) -> None:
    zaaktype = concept_zaaktype(api)
    iot = create(api, "informatieobjecttypen", iot_body(zaaktype["catalogus"]))
    statustype = create(api, "statustypen", statustype_body(zaaktype["url"]))
    by_url = create(api, "zaaktype-informatieobjecttypen", ziot_body(zaaktype["url"], iot["url"]))
    assert by_url["informatieobjecttype"] == iot["url"]
    by_name = create(
        api,
        "zaaktype-informatieobjecttypen",
        ziot_body(
            zaaktype["url"], "Melding", volgnummer=2, richting="uitgaand", statustype=statustype["url"]
        ),
    )
    assert by_name["informatieobjecttype"] == iot["url"] and by_name["statustype"] == statustype["url"]
    assert api.get(zaaktype["url"]).json_body["informatieobjecttypen"] == [iot["url"]]
    assert list_urls(api, "zaaktype-informatieobjecttypen", status="alles", richting="uitgaand") == [
        by_name["url"]
    ]
    both = [by_url["url"], by_name["url"]]
    assert (
        list_urls(api, "zaaktype-informatieobjecttypen", status="concept", informatieobjecttype=iot["url"])
        == both
    )
    assert (
        list_urls(api, "zaaktype-informatieobjecttypen", status="concept", informatieobjecttype="Melding")
        == both
    )
    unknown = api.post(f"{BASE}/zaaktype-informatieobjecttypen", ziot_body(zaaktype["url"], "Onbekend"))
    assert codes(unknown) == [("informatieobjecttype", "does_not_exist")]


def test_informatieobjecttype_of_another_catalogus(api: ZGWClient) -> None:
    zaaktype = concept_zaaktype(api)
    other = api.post(
        f"{BASE}/catalogussen", {"domein": "ANDER", "rsin": "002220647", "contactpersoonBeheerNaam": "X"}
    ).json_body["url"]
    iot = create(api, "informatieobjecttypen", iot_body(other))
    response = api.post(f"{BASE}/zaaktype-informatieobjecttypen", ziot_body(zaaktype["url"], iot["url"]))
    assert response.status_code == 400
    assert codes(response) == [("nonFieldErrors", "relations-incorrect-catalogus")]


def test_publication_rules(db: None) -> None:
    writer = client_with(
        "schrijver", autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen", "catalogi.schrijven"]}]
    )
    zaaktype = concept_zaaktype(writer)
    iot = create(writer, "informatieobjecttypen", iot_body(zaaktype["catalogus"]))
    ziot = create(writer, "zaaktype-informatieobjecttypen", ziot_body(zaaktype["url"], iot["url"]))
    publish(writer, zaaktype["url"])
    # a published zaaktype's relations are fixed, whether or not the informatieobjecttype is
    for iot_published in (False, True):
        if iot_published:
            publish(writer, iot["url"])
        for response in (
            writer.put(ziot["url"], ziot_body(zaaktype["url"], iot["url"], richting="intern")),
            writer.patch(ziot["url"], {"volgnummer": 3}),
            writer.delete(ziot["url"]),
            writer.post(f"{BASE}/zaaktype-informatieobjecttypen", ziot_body(zaaktype["url"], iot["url"])),
        ):
            assert response.status_code == 400
            assert codes(response) == [("nonFieldErrors", "non-concept-zaaktype")]
    assert writer.get(ziot["url"]).json_body["volgnummer"] == 1
    # moving a relation of a concept zaaktype to the published one
    draft = concept_zaaktype(writer, identificatie="ZT-2")
    moved = create(writer, "zaaktype-informatieobjecttypen", ziot_body(draft["url"], iot["url"]))
    refused = writer.patch(moved["url"], {"zaaktype": zaaktype["url"]})
    assert codes(refused) == [("nonFieldErrors", "non-concept-zaaktype")]
    forcer = client_with(
        "corrector", autorisaties=[{"component": "ztc", "scopes": ["catalogi.geforceerd-verwijderen"]}]
    )
    assert forcer.delete(ziot["url"]).status_code == 204
