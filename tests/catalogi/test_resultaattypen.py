"""Resultaattypen through the API: ztc-002..008 against the built-in Referentielijsten."""

from __future__ import annotations

from typing import Any

import pytest

from tests.catalogi.main_types import BASE, besluittype_body, codes, create, iot_body, publish
from tests.catalogi.sub_types import (
    RESULTAAT_BEWAREN,
    RESULTAAT_INGESCHAT,
    RESULTAAT_NIHIL,
    TOEGEKEND,
    brondatum,
    concept_zaaktype,
    list_urls,
    resultaattype_body,
)
from tests.zgw import ZGWClient, client_with
from zaakwerk.catalogi.models import ResultaatType
from zaakwerk.core.references import build_url

pytestmark = pytest.mark.django_db


def test_create_derives_from_referentielijsten(api: ZGWClient) -> None:
    zaaktype = concept_zaaktype(api)
    response = api.post(f"{BASE}/resultaattypen", resultaattype_body(zaaktype["url"]))
    assert response.status_code == 201, response.json_body
    data = response.json_body
    # ztc-002: omschrijvingGeneriek from the ResultaatTypeOmschrijving, archive values from the Resultaat
    assert data["omschrijvingGeneriek"] == "Toegekend"
    assert data["archiefnominatie"] == "vernietigen"
    assert data["archiefactietermijn"] == "P10Y"
    assert data["brondatumArchiefprocedure"]["afleidingswijze"] == "afgehandeld"
    assert api.get(zaaktype["url"]).json_body["resultaattypen"] == [data["url"]]


def test_given_archive_values_are_kept(api: ZGWClient) -> None:
    zaaktype = concept_zaaktype(api)
    data = create(
        api,
        "resultaattypen",
        resultaattype_body(zaaktype["url"], archiefnominatie="blijvend_bewaren", archiefactietermijn="P1Y"),
    )
    assert (data["archiefnominatie"], data["archiefactietermijn"]) == ("blijvend_bewaren", "P1Y")


def test_besluittypen_and_informatieobjecttypen_by_name_or_url(api: ZGWClient) -> None:
    zaaktype = concept_zaaktype(api)
    besluittype = create(api, "besluittypen", besluittype_body(zaaktype["catalogus"]))
    iot = create(api, "informatieobjecttypen", iot_body(zaaktype["catalogus"]))
    data = create(
        api,
        "resultaattypen",
        resultaattype_body(
            zaaktype["url"], besluittypen=[besluittype["url"]], informatieobjecttypen=["Melding"]
        ),
    )
    assert data["besluittypen"] == [besluittype["url"]]
    assert data["besluittypeOmschrijving"] == ["Vergunning"]
    assert data["informatieobjecttypen"] == [iot["url"]]
    assert api.get(besluittype["url"]).json_body["resultaattypen"] == [data["url"]]


RESULTAATTYPEOMSCHRIJVING_UNKNOWN = build_url(
    "referentielijsten", "resultaattypeomschrijvingen", "00000000-0000-0000-0000-000000000000"
)


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        # ztc-002
        (
            {"resultaattypeomschrijving": RESULTAATTYPEOMSCHRIJVING_UNKNOWN},
            ("resultaattypeomschrijving", "bad-url"),
        ),
        ({"resultaattypeomschrijving": RESULTAAT_NIHIL}, ("resultaattypeomschrijving", "invalid-resource")),
        ({"selectielijstklasse": TOEGEKEND}, ("selectielijstklasse", "invalid-resource")),
        (
            {
                "selectielijstklasse": RESULTAAT_INGESCHAT,
                "brondatumArchiefprocedure": brondatum("termijn", procestermijn="P5M"),
            },
            ("nonFieldErrors", "procestype-mismatch"),
        ),
        # ztc-003: procestermijn nihil demands afgehandeld
        (
            {"brondatumArchiefprocedure": brondatum("termijn", procestermijn="P5M")},
            ("nonFieldErrors", "invalid-afleidingswijze-for-procestermijn"),
        ),
        # ztc-004..008
        (
            {"selectielijstklasse": RESULTAAT_BEWAREN, "brondatumArchiefprocedure": brondatum("eigenschap")},
            ("brondatumArchiefprocedure.datumkenmerk", "required"),
        ),
        (
            {"brondatumArchiefprocedure": brondatum(datumkenmerk="identificatie")},
            ("brondatumArchiefprocedure.datumkenmerk", "must-be-empty"),
        ),
        (
            {"brondatumArchiefprocedure": brondatum(einddatumBekend=True)},
            ("brondatumArchiefprocedure.einddatumBekend", "must-be-empty"),
        ),
        (
            {
                "selectielijstklasse": RESULTAAT_BEWAREN,
                "brondatumArchiefprocedure": brondatum("zaakobject", datumkenmerk="x"),
            },
            ("brondatumArchiefprocedure.objecttype", "required"),
        ),
        (
            {
                "selectielijstklasse": RESULTAAT_BEWAREN,
                "brondatumArchiefprocedure": brondatum(
                    "ander_datumkenmerk", datumkenmerk="x", objecttype="pand"
                ),
            },
            ("brondatumArchiefprocedure.registratie", "required"),
        ),
        (
            {"selectielijstklasse": RESULTAAT_BEWAREN, "brondatumArchiefprocedure": brondatum("termijn")},
            ("brondatumArchiefprocedure.procestermijn", "required"),
        ),
        (
            {"brondatumArchiefprocedure": brondatum(procestermijn="P5M")},
            ("brondatumArchiefprocedure.procestermijn", "must-be-empty"),
        ),
    ],
)
def test_ztc_002_to_008(api: ZGWClient, overrides: dict[str, Any], expected: tuple[str, str]) -> None:
    zaaktype = concept_zaaktype(api)
    response = api.post(f"{BASE}/resultaattypen", {**resultaattype_body(zaaktype["url"]), **overrides})
    assert response.status_code == 400
    # the VNG suite reads the first error
    assert codes(response)[0] == expected
    assert ResultaatType.objects.count() == 0


@pytest.mark.parametrize(
    ("selectielijstklasse", "group"),
    [
        (
            RESULTAAT_BEWAREN,
            brondatum("ander_datumkenmerk", datumkenmerk="x", objecttype="pand", registratie="BRP"),
        ),
        (
            RESULTAAT_BEWAREN,
            brondatum("zaakobject", datumkenmerk="x", objecttype="pand", einddatumBekend=True),
        ),
        (RESULTAAT_BEWAREN, brondatum("hoofdzaak", einddatumBekend=True)),
    ],
)
def test_valid_brondatum(api: ZGWClient, selectielijstklasse: str, group: dict[str, Any]) -> None:
    zaaktype = concept_zaaktype(api)
    body = resultaattype_body(
        zaaktype["url"], selectielijstklasse=selectielijstklasse, brondatumArchiefprocedure=group
    )
    response = api.post(f"{BASE}/resultaattypen", body)
    assert response.status_code == 201, response.json_body
    assert response.json_body["brondatumArchiefprocedure"] == group


def test_catalogus_must_be_that_of_the_zaaktype(api: ZGWClient) -> None:
    zaaktype = concept_zaaktype(api)
    other = api.post(
        f"{BASE}/catalogussen", {"domein": "ANDER", "rsin": "002220647", "contactpersoonBeheerNaam": "X"}
    ).json_body["url"]
    response = api.post(f"{BASE}/resultaattypen", resultaattype_body(zaaktype["url"], catalogus=other))
    assert response.status_code == 400
    assert ("catalogus", "relations-incorrect-catalogus") in codes(response)


def test_patch_checks_brondatum_against_stored_selectielijstklasse(api: ZGWClient) -> None:
    zaaktype = concept_zaaktype(api)
    data = create(api, "resultaattypen", resultaattype_body(zaaktype["url"]))
    response = api.patch(data["url"], {"brondatumArchiefprocedure": brondatum("hoofdzaak")})
    assert response.status_code == 400
    assert codes(response) == [("nonFieldErrors", "invalid-afleidingswijze-for-procestermijn")]
    assert (
        api.patch(data["url"], {"toelichting": "Zaak afgerond"}).json_body["toelichting"] == "Zaak afgerond"
    )


def test_filters_and_ztc_010(db: None) -> None:
    writer = client_with(
        "schrijver", autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen", "catalogi.schrijven"]}]
    )
    zaaktype = concept_zaaktype(writer)
    data = create(writer, "resultaattypen", resultaattype_body(zaaktype["url"]))
    assert list_urls(writer, "resultaattypen", status="concept", zaaktype_identificatie="ZT-1") == [
        data["url"]
    ]
    assert list_urls(writer, "resultaattypen", status="alles", zaaktypeIdentificatie="ZT-9") == []
    publish(writer, zaaktype["url"])
    assert list_urls(writer, "resultaattypen", datum_geldigheid="2024-02-01") == [data["url"]]
    for response in (
        writer.put(data["url"], resultaattype_body(zaaktype["url"], toelichting="x")),
        writer.patch(data["url"], {"toelichting": "x"}),
        writer.delete(data["url"]),
        writer.post(f"{BASE}/resultaattypen", resultaattype_body(zaaktype["url"])),
    ):
        assert response.status_code == 400
        assert codes(response)[0] == ("nonFieldErrors", "non-concept-zaaktype")
