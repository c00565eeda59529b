"""Statustypen through the API, validated against catalogi-1.3.3.yaml."""

from __future__ import annotations

import pytest

from tests.catalogi.main_types import BASE, codes, create, publish
from tests.catalogi.sub_types import concept_zaaktype, list_urls, statustype_body
from tests.zgw import ZGWClient, client_with
from zaakwerk.catalogi.models import StatusType
from zaakwerk.core.models import AuditTrail, OutboxMessage

pytestmark = pytest.mark.django_db


def test_create_read_and_eindstatus(api: ZGWClient) -> None:
    zaaktype = concept_zaaktype(api)
    created = api.post(
        f"{BASE}/statustypen",
        statustype_body(
            zaaktype["url"],
            doorlooptijd="P2D",
            checklistitemStatustype=[{"itemnaam": "Foto", "vraagstelling": "Is er een foto?"}],
        ),
    )
    assert created.status_code == 201, created.json_body
    begin = created.json_body
    assert created["Location"] == begin["url"]
    assert begin["isEindstatus"] is True
    assert begin["catalogus"] == zaaktype["catalogus"]
    assert begin["zaaktypeIdentificatie"] == "ZT-1"
    assert begin["beginGeldigheid"] == zaaktype["beginGeldigheid"]
    assert begin["checklistitemStatustype"][0]["itemnaam"] == "Foto"
    eind = create(api, "statustypen", statustype_body(zaaktype["url"], omschrijving="Klaar", volgnummer=2))
    assert eind["isEindstatus"] is True
    assert api.get(begin["url"]).json_body["isEindstatus"] is False
    assert api.get(zaaktype["url"]).json_body["statustypen"] == [begin["url"], eind["url"]]


def test_volgnummer_unique_within_zaaktype(api: ZGWClient) -> None:
    zaaktype = concept_zaaktype(api)
    create(api, "statustypen", statustype_body(zaaktype["url"]))
    response = api.post(f"{BASE}/statustypen", statustype_body(zaaktype["url"], omschrijving="Dubbel"))
    assert response.status_code == 400
    assert codes(response) == [("nonFieldErrors", "unique")]
    assert StatusType.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "name", "code"),
    [
        ({"zaaktype": "https://elders.example/zaaktypen/1"}, "zaaktype", "bad-url"),
        ({"volgnummer": 0}, "volgnummer", "min_value"),
        ({"doorlooptijd": "twee dagen"}, "doorlooptijd", "invalid"),
        ({"beginGeldigheid": "2001-01-01"}, "beginGeldigheid", "invalid"),
    ],
)
def test_invalid_input(api: ZGWClient, overrides: dict[str, object], name: str, code: str) -> None:
    zaaktype = concept_zaaktype(api)
    OutboxMessage.objects.all().delete()
    response = api.post(f"{BASE}/statustypen", {**statustype_body(zaaktype["url"]), **overrides})
    assert response.status_code == 400
    assert (name, code) in codes(response)
    assert StatusType.objects.count() == 0
    assert OutboxMessage.objects.count() == 0


def test_list_filters(api: ZGWClient) -> None:
    concept = concept_zaaktype(api)
    published = concept_zaaktype(api, identificatie="ZT-2")
    in_concept = create(api, "statustypen", statustype_body(concept["url"]))
    in_published = create(api, "statustypen", statustype_body(published["url"]))
    publish(api, published["url"])
    assert list_urls(api, "statustypen") == [in_published["url"]]
    assert list_urls(api, "statustypen", status="concept") == [in_concept["url"]]
    assert list_urls(api, "statustypen", status="alles", zaaktype=concept["url"]) == [in_concept["url"]]
    assert list_urls(api, "statustypen", status="alles", zaaktypeIdentificatie="ZT-2") == [
        in_published["url"]
    ]
    assert list_urls(api, "statustypen", datumGeldigheid="2000-01-01") == []
    assert list_urls(api, "statustypen", datumGeldigheid="2024-06-01") == [in_published["url"]]
    assert api.get(f"{BASE}/statustypen", zaaktype="geen-url").status_code == 400
    assert api.get(f"{BASE}/statustypen", onbekend="x").status_code == 400


def test_update_delete_and_changes(api: ZGWClient) -> None:
    zaaktype = concept_zaaktype(api)
    statustype = create(api, "statustypen", statustype_body(zaaktype["url"]))
    put = api.put(statustype["url"], statustype_body(zaaktype["url"], omschrijving="Nieuw"))
    assert put.status_code == 200 and put.json_body["omschrijving"] == "Nieuw"
    patch = api.patch(statustype["url"], {"informeren": True})
    assert patch.status_code == 200 and patch.json_body["informeren"] is True
    assert patch.json_body["omschrijving"] == "Nieuw"
    assert api.delete(statustype["url"]).status_code == 204
    assert api.get(statustype["url"]).status_code == 404
    messages = OutboxMessage.objects.filter(resource="statustype").order_by("id")
    assert [(m.kanaal, m.actie, m.hoofd_object) for m in messages] == [
        ("zaaktypen", actie, zaaktype["url"]) for actie in ("create", "update", "partial_update", "destroy")
    ]
    assert AuditTrail.objects.filter(resource="statustype", hoofd_object=zaaktype["url"]).count() == 4


def test_etag_head_and_scopes(api: ZGWClient) -> None:
    zaaktype = concept_zaaktype(api)
    statustype = create(api, "statustypen", statustype_body(zaaktype["url"]))
    etag = api.get(statustype["url"])["ETag"]
    assert api.head(statustype["url"])["ETag"] == etag
    assert api.get(statustype["url"], headers={"If-None-Match": etag}).status_code == 304
    reader = client_with("lezer", autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen"]}])
    assert reader.get(statustype["url"]).status_code == 200
    assert reader.post(f"{BASE}/statustypen", statustype_body(zaaktype["url"])).status_code == 403
    assert reader.patch(statustype["url"], {"omschrijving": "x"}).status_code == 403
    assert reader.delete(statustype["url"]).status_code == 403
    nobody = client_with("niemand", autorisaties=[{"component": "zrc", "scopes": ["zaken.aanmaken"]}])
    assert nobody.get(f"{BASE}/statustypen").status_code == 403


def test_ztc_010_published_zaaktype(db: None) -> None:
    writer = client_with(
        "schrijver", autorisaties=[{"component": "ztc", "scopes": ["catalogi.lezen", "catalogi.schrijven"]}]
    )
    zaaktype = concept_zaaktype(writer)
    other = concept_zaaktype(writer, identificatie="ZT-2")
    statustype = create(writer, "statustypen", statustype_body(zaaktype["url"]))
    moved = create(writer, "statustypen", statustype_body(other["url"]))
    publish(writer, zaaktype["url"])
    for response in (
        writer.post(f"{BASE}/statustypen", statustype_body(zaaktype["url"], volgnummer=2)),
        writer.put(statustype["url"], statustype_body(zaaktype["url"], omschrijving="Anders")),
        writer.patch(statustype["url"], {"omschrijving": "Anders"}),
        writer.delete(statustype["url"]),
        # moving a statustype of a concept zaaktype to the published one
        writer.patch(moved["url"], {"zaaktype": zaaktype["url"]}),
    ):
        assert response.status_code == 400
        assert codes(response)[0] == ("nonFieldErrors", "non-concept-zaaktype")
    assert StatusType.objects.count() == 2


def test_correctie_with_forced_scopes(db: None) -> None:
    forcer = client_with(
        "corrector",
        autorisaties=[
            {
                "component": "ztc",
                "scopes": [
                    "catalogi.lezen",
                    "catalogi.geforceerd-schrijven",
                    "catalogi.geforceerd-verwijderen",
                ],
            }
        ],
    )
    writer = client_with("schrijver", all_authorizations=True)
    zaaktype = concept_zaaktype(writer)
    publish(writer, zaaktype["url"])
    appended = forcer.post(f"{BASE}/statustypen", statustype_body(zaaktype["url"], volgnummer=9))
    assert appended.status_code == 201, appended.json_body
    assert forcer.patch(appended.json_body["url"], {"statustekst": "Uw zaak is af"}).status_code == 200
    assert forcer.delete(appended.json_body["url"]).status_code == 204
