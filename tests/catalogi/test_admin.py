"""The catalogs in the admin: browsable by staff, read-only (changes go through the API and its
rules), every user-entered value escaped."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client

from tests.catalogi.main_types import besluittype_body, catalogus, create, iot_body, zaaktype_body
from tests.zgw import ZGWClient
from zaakwerk.catalogi.models import (
    BesluitType,
    Catalogus,
    Eigenschap,
    InformatieObjectType,
    ResultaatType,
    RolType,
    StatusType,
    ZaakType,
)

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.fixture
def admin_client(db: None) -> Client:
    user = User.objects.create_superuser("beheerder", "beheer@example.org", "wachtwoord")
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def catalog(api: ZGWClient) -> dict[str, Any]:
    """A catalogus with one zaaktype (and its parts), informatieobjecttype and besluittype."""
    catalogus_url = catalogus(api, naam="Catalogus Buitenruimte")
    zaaktype = create(api, "zaaktypen", zaaktype_body(catalogus_url, omschrijving="Melding openbare ruimte"))
    iot = create(api, "informatieobjecttypen", iot_body(catalogus_url, omschrijving="Foto van de melding"))
    besluittype = create(api, "besluittypen", besluittype_body(catalogus_url, omschrijving="Herstelbesluit"))
    row = ZaakType.objects.get(uuid=zaaktype["url"].rsplit("/", 1)[1])
    # The parts are set-up here; their own endpoints are tested elsewhere.
    StatusType.objects.create(zaaktype=row, volgnummer=1, omschrijving="Ontvangen")
    RolType.objects.create(zaaktype=row, omschrijving="Melder", omschrijving_generiek="initiator")
    ResultaatType.objects.create(
        zaaktype=row,
        omschrijving="Afgehandeld",
        resultaattypeomschrijving="http://testserver/referentielijsten/api/v1/resultaattypeomschrijvingen/x",
        selectielijstklasse="http://testserver/referentielijsten/api/v1/resultaten/x",
    )
    Eigenschap.objects.create(
        zaaktype=row,
        naam="Locatie",
        definitie="Waar het is",
        specificatie_formaat="tekst",
        specificatie_lengte="100",
        specificatie_kardinaliteit="1",
    )
    return {"zaaktype": row, "iot": iot, "besluittype": besluittype}


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("catalogus", "Catalogus Buitenruimte"),
        ("zaaktype", "Melding openbare ruimte"),
        ("informatieobjecttype", "Foto van de melding"),
        ("besluittype", "Herstelbesluit"),
    ],
)
def test_changelists_show_the_catalog(
    admin_client: Client, catalog: dict[str, Any], path: str, text: str
) -> None:
    response = admin_client.get(f"/admin/catalogi/{path}/")
    assert response.status_code == 200
    assert text in response.content.decode()


def test_zaaktype_page_shows_its_parts(admin_client: Client, catalog: dict[str, Any]) -> None:
    response = admin_client.get(f"/admin/catalogi/zaaktype/{catalog['zaaktype'].pk}/change/")
    assert response.status_code == 200
    page = response.content.decode()
    for text in ("Melding openbare ruimte", "Ontvangen", "Melder", "Afgehandeld", "Locatie"):
        assert text in page
    assert str(catalog["zaaktype"].uuid) in page
    # read-only: no form fields to edit and no save button
    assert 'name="omschrijving"' not in page
    assert 'name="_save"' not in page


@pytest.mark.parametrize("model", [Catalogus, InformatieObjectType, BesluitType])
def test_detail_pages_load(
    admin_client: Client, catalog: dict[str, Any], model: type[Catalogus | InformatieObjectType | BesluitType]
) -> None:
    row = model.objects.get()
    response = admin_client.get(f"/admin/catalogi/{model._meta.model_name}/{row.pk}/change/")
    assert response.status_code == 200
    assert str(row.uuid) in response.content.decode()


def test_filters_and_search(admin_client: Client, api: ZGWClient, catalog: dict[str, Any]) -> None:
    other = catalogus(api, domein="ANDER", rsin="123456782", naam="Andere catalogus")
    create(api, "zaaktypen", zaaktype_body(other, identificatie="ZT-ANDER", omschrijving="Parkeervergunning"))
    ZaakType.objects.filter(identificatie="ZT-ANDER").update(concept=False)
    base = "/admin/catalogi/zaaktype/"

    def shown(query: dict[str, str]) -> tuple[bool, bool]:
        page = admin_client.get(base, query).content.decode()
        return "Melding openbare ruimte" in page, "Parkeervergunning" in page

    assert shown({}) == (True, True)
    assert shown({"concept__exact": "0"}) == (False, True)
    assert shown({"concept__exact": "1"}) == (True, False)
    assert shown({"catalogus__id__exact": str(catalog["zaaktype"].catalogus_id)}) == (True, False)
    assert shown({"q": "ZT-ANDER"}) == (False, True)
    assert shown({"q": "melding"}) == (True, False)


def test_user_input_is_escaped(admin_client: Client, api: ZGWClient, catalog: dict[str, Any]) -> None:
    catalogus_url = catalogus(api, domein="XSS", rsin="111222333", naam=SCRIPT)
    create(api, "zaaktypen", zaaktype_body(catalogus_url, identificatie="ZT-XSS", omschrijving=SCRIPT))
    zaaktype = ZaakType.objects.get(identificatie="ZT-XSS")
    StatusType.objects.create(zaaktype=zaaktype, volgnummer=1, omschrijving=SCRIPT)
    pages = [
        admin_client.get("/admin/catalogi/zaaktype/").content.decode(),
        admin_client.get("/admin/catalogi/catalogus/").content.decode(),
        admin_client.get(f"/admin/catalogi/zaaktype/{zaaktype.pk}/change/").content.decode(),
    ]
    for page in pages:
        assert SCRIPT not in page
        assert ESCAPED in page


def test_no_add_change_or_delete(admin_client: Client, catalog: dict[str, Any]) -> None:
    zaaktype: ZaakType = catalog["zaaktype"]
    change_url = f"/admin/catalogi/zaaktype/{zaaktype.pk}/change/"
    # when / then
    assert admin_client.get("/admin/catalogi/zaaktype/add/").status_code == 403
    assert admin_client.post("/admin/catalogi/zaaktype/add/", {"omschrijving": "Nieuw"}).status_code == 403
    assert admin_client.post(change_url, {"omschrijving": "Gewijzigd"}).status_code == 403
    assert (
        admin_client.post(f"/admin/catalogi/zaaktype/{zaaktype.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    bulk = admin_client.post(
        "/admin/catalogi/zaaktype/", {"action": "delete_selected", "_selected_action": [str(zaaktype.pk)]}
    )
    assert bulk.status_code in (200, 302)
    stored = ZaakType.objects.get(pk=zaaktype.pk)
    assert stored.omschrijving == "Melding openbare ruimte"
    assert StatusType.objects.filter(zaaktype=zaaktype).count() == 1
    assert ZaakType.objects.count() == 1 and ZaakType.objects.filter(omschrijving="Nieuw").count() == 0
    assert (
        "/admin/catalogi/zaaktype/add/" not in admin_client.get("/admin/catalogi/zaaktype/").content.decode()
    )


def test_staff_without_view_permission_sees_nothing(catalog: dict[str, Any]) -> None:
    user = User.objects.create_user("medewerker", password="wachtwoord", is_staff=True)
    client = Client()
    client.force_login(user)
    assert client.get("/admin/catalogi/zaaktype/").status_code == 403
    user.user_permissions.add(Permission.objects.get(codename="view_zaaktype"))
    assert client.get("/admin/catalogi/zaaktype/").status_code == 200
