"""New versions, the difference between two versions, and publishing after the check list."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from tests.beheer.conftest import uuid_of, zaaktype_url
from tests.beheer.test_editor import concept
from zaakwerk.beheer.models import Wijziging
from zaakwerk.beheer.services import catalogus, diff
from zaakwerk.client import ZGWClient

pytestmark = pytest.mark.django_db


def _versions(api: ZGWClient, demo: str, identificatie: str) -> list[dict[str, object]]:
    found = api.catalogi.zaaktypen.list(catalogus=demo, identificatie=identificatie, status="alles")
    return sorted((item.as_json() for item in found), key=lambda item: str(item["beginGeldigheid"]))


def new_version(web: Client, api: ZGWClient, demo: str, begin: str = "2030-01-01") -> str:
    published = zaaktype_url(api, demo, "PARKEERVERGUNNING")
    response = web.post(f"/beheer/zaaktypen/{uuid_of(published)}/versies/", {"beginGeldigheid": begin})
    assert response.status_code == 302, response.content.decode()[-2000:]
    return str(response["Location"]).split("/")[3]


def test_a_new_version_copies_the_zaaktype_and_its_sub_types_into_a_concept(
    web: Client, api: ZGWClient, demo: str
) -> None:
    published = zaaktype_url(api, demo, "PARKEERVERGUNNING")
    # when
    uuid = new_version(web, api, demo)
    # then
    copy = catalogus.bundle(api, f"{api.catalogi.zaaktypen.url}/{uuid}")
    original = catalogus.bundle(api, published)
    assert copy.concept and copy.zaaktype["beginGeldigheid"] == "2030-01-01"
    assert diff.diff(original, copy).zaaktype == [
        diff.FieldChange("beginGeldigheid", "2024-01-01", "2030-01-01"),
        diff.FieldChange("concept", False, True),
        diff.FieldChange("versiedatum", "2024-01-01", "2030-01-01"),
    ]
    assert [part for part in diff.diff(original, copy).subtypes if not part.empty] == []
    # the published version keeps serving
    current = api.catalogi.zaaktypen.get(published)
    assert current.concept is False and current.as_json()["eindeGeldigheid"] is None
    assert Wijziging.objects.filter(
        actie="nieuwe versie", zaaktype_identificatie="PARKEERVERGUNNING"
    ).exists()


@pytest.mark.parametrize("begin", ["2024-01-01", "2023-06-01"])
def test_a_new_version_must_begin_later(web: Client, api: ZGWClient, demo: str, begin: str) -> None:
    published = zaaktype_url(api, demo, "PARKEERVERGUNNING")
    response = web.post(f"/beheer/zaaktypen/{uuid_of(published)}/versies/", {"beginGeldigheid": begin})
    assert response.status_code == 200
    assert "Kies een datum na 2024-01-01" in response.content.decode()
    assert len(_versions(api, demo, "PARKEERVERGUNNING")) == 1


def test_the_diff_shows_fields_and_sub_types_that_changed(web: Client, api: ZGWClient, demo: str) -> None:
    published = zaaktype_url(api, demo, "PARKEERVERGUNNING")
    uuid = new_version(web, api, demo)
    url = f"{api.catalogi.zaaktypen.url}/{uuid}"
    # given: a changed statustekst, a new statustype and a removed roltype
    ontvangen = next(
        s
        for s in api.catalogi.statustypen.list(zaaktype=url, status="alles")
        if s.omschrijving == "Ontvangen"
    )
    api.catalogi.statustypen.partial_update(ontvangen.url, {"statustekst": "Uw aanvraag is binnen."})
    api.catalogi.statustypen.create({"zaaktype": url, "omschrijving": "Gecontroleerd", "volgnummer": 4})
    beslisser = next(
        r for r in api.catalogi.roltypen.list(zaaktype=url, status="alles") if r.omschrijving == "Beslisser"
    )
    api.catalogi.roltypen.delete(beslisser.url)
    # when
    response = web.get(f"/beheer/zaaktypen/{uuid}/verschil/{uuid_of(published)}/")
    # then
    html = response.content.decode()
    assert response.status_code == 200
    assert "Gewijzigd: Ontvangen" in html
    assert "Wij hebben uw aanvraag ontvangen." in html and "Uw aanvraag is binnen." in html
    assert "Toegevoegd: Gecontroleerd" in html
    assert "Verwijderd: Beslisser" in html
    assert "beginGeldigheid" in html


def test_publish_waits_for_the_check_list_then_publishes(web: Client, api: ZGWClient, demo: str) -> None:
    uuid = concept(web, demo)
    base = f"/beheer/zaaktypen/{uuid}"
    # given: a concept without statustypen, roltypen and resultaattypen
    html = web.get(f"{base}/publiceren/").content.decode()
    assert "Ontbreekt:" in html and "Minstens twee statustypen" in html
    # when it is published anyway, beheer refuses before trying
    response = web.post(f"{base}/publiceren/")
    assert response.status_code == 200
    assert api.catalogi.zaaktypen.get(f"{api.catalogi.zaaktypen.url}/{uuid}").concept is True
    # given: what was missing
    for name in ("Ontvangen", "Afgehandeld"):
        web.post(f"{base}/statustypen/", {"omschrijving": name, "statustekst": f"{name}."})
    web.post(f"{base}/roltypen/", {"omschrijving": "Melder", "omschrijvingGeneriek": "initiator"})
    from tests.beheer.test_editor import RESULTAAT, VERLEEND
    from zaakwerk.beheer.zgw import referentielijsten_root

    web.post(
        f"{base}/resultaattypen/",
        {
            "omschrijving": "Geregistreerd",
            "resultaattypeomschrijving": f"{referentielijsten_root()}/resultaattypeomschrijvingen/{VERLEEND}",
            "selectielijstklasse": f"{referentielijsten_root()}/resultaten/{RESULTAAT}",
            "brondatumArchiefprocedure__afleidingswijze": "afgehandeld",
        },
    )
    assert "Ontbreekt:" not in web.get(f"{base}/publiceren/").content.decode()
    # when
    response = web.post(f"{base}/publiceren/")
    # then
    assert response.status_code == 302
    assert api.catalogi.zaaktypen.get(f"{api.catalogi.zaaktypen.url}/{uuid}").concept is False
    assert Wijziging.objects.filter(actie="gepubliceerd", zaaktype_identificatie="BOOMKAP").exists()


def test_a_concept_relation_is_on_the_check_list(web: Client, api: ZGWClient, demo: str) -> None:
    uuid = new_version(web, api, demo)
    api.catalogi.besluittypen.create(
        {
            "catalogus": demo,
            "omschrijving": "Parkeervergunning verleend",
            "publicatieIndicatie": False,
            "informatieobjecttypen": [],
            "beginGeldigheid": date.today().isoformat(),
        }
    )
    data = {"wat": "relaties", "besluittypen": ["Parkeervergunning verleend"]}
    assert web.post(f"/beheer/zaaktypen/{uuid}/relaties/", data).status_code == 302
    html = web.get(f"/beheer/zaaktypen/{uuid}/publiceren/").content.decode()
    assert "Ontbreekt:" in html and "Alle besluittypen zijn gepubliceerd" in html
    assert web.post(f"/beheer/zaaktypen/{uuid}/publiceren/").status_code == 200
