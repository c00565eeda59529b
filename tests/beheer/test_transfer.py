"""Import and export in Open Zaak's catalogus export format: the checked-in export, bad ZIPs that
import nothing, and an API refusal midway that leaves nothing behind."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.beheer.conftest import uuid_of
from zaakwerk.beheer.models import Wijziging
from zaakwerk.beheer.services import transfer
from zaakwerk.client import ZGWClient

pytestmark = pytest.mark.django_db

EXPORT = Path(__file__).parent / "data" / "openzaak-export.zip"


def members(data: bytes) -> dict[str, Any]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: json.loads(archive.read(name)) for name in archive.namelist()}


def zipped(files: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content if isinstance(content, bytes) else json.dumps(content))
    return buffer.getvalue()


def upload(web: Client, data: bytes) -> Any:
    return web.post("/beheer/import/", {"bestand": SimpleUploadedFile("export.zip", data, "application/zip")})


def catalogue_size(api: ZGWClient) -> int:
    params = {"status": "alles"}
    return (
        len(list(api.catalogi.zaaktypen.list(**params)))
        + len(list(api.catalogi.informatieobjecttypen.list(**params)))
        + len(list(api.catalogi.besluittypen.list(**params)))
    )


def test_the_open_zaak_export_is_imported_with_every_relation(web: Client, api: ZGWClient) -> None:
    # when
    response = upload(web, EXPORT.read_bytes())
    # then
    assert response.status_code == 200, response.content.decode()[-3000:]
    catalogus = next(api.catalogi.catalogussen.list(domein="VRBLD"))
    zaaktype = next(api.catalogi.zaaktypen.list(catalogus=catalogus.url, identificatie="KAPVERGUNNING"))
    assert zaaktype.concept is False
    assert zaaktype.as_json()["besluittypeOmschrijving"] == ["Kapvergunning verleend"]
    statussen = sorted(api.catalogi.statustypen.list(zaaktype=zaaktype.url), key=lambda s: s.volgnummer)
    assert [s.omschrijving for s in statussen] == ["Ontvangen", "In behandeling", "Afgehandeld"]
    relaties = list(api.catalogi.zaaktype_informatieobjecttypen.list(zaaktype=zaaktype.url))
    eerste = next(item for item in relaties if item.volgnummer == 1)
    assert eerste.as_json()["statustype"] == statussen[0].url
    resultaten = {
        item.omschrijving: item.as_json() for item in api.catalogi.resultaattypen.list(zaaktype=zaaktype.url)
    }
    # the selectielijst of another deployment is the same entry in this deployment's referentielijsten
    assert resultaten["Verleend"]["selectielijstklasse"].startswith("http://testserver/referentielijsten/")
    assert resultaten["Verleend"]["besluittypeOmschrijving"] == ["Kapvergunning verleend"]
    assert Wijziging.objects.filter(actie="geïmporteerd").count() == 1


def test_an_export_imported_again_is_refused_and_changes_nothing(web: Client, api: ZGWClient) -> None:
    assert upload(web, EXPORT.read_bytes()).status_code == 200
    before = catalogue_size(api)
    # when
    response = upload(web, EXPORT.read_bytes())
    # then
    assert response.status_code == 200
    assert "Zaaktype KAPVERGUNNING bestaat al" in response.content.decode()
    assert catalogue_size(api) == before


def _without(name: str) -> bytes:
    files = members(EXPORT.read_bytes())
    del files[name]
    return zipped(files)


def _wrong_reference() -> bytes:
    files = members(EXPORT.read_bytes())
    files["ZaakTypeInformatieObjectType.json"][0]["informatieobjecttype"] = (
        "https://openzaak.gemeente-voorbeeld.example/catalogi/api/v1/informatieobjecttypen/bestaat-niet"
    )
    return zipped(files)


def _huge() -> bytes:
    files: dict[str, Any] = members(EXPORT.read_bytes())
    files["ZaakType.json"] = b"[" + b" " * (transfer.MAX_FILE_BYTES + 10) + b"]"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content if isinstance(content, bytes) else json.dumps(content))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: b"dit is geen zip", "geen ZIP-bestand"),
        (lambda: _without("Catalogus.json"), "Catalogus.json ontbreekt"),
        (
            lambda: _without("StatusType.json"),
            "StatusType.json ontbreekt, maar zaaktype KAPVERGUNNING heeft 3",
        ),
        (_wrong_reference, "staat niet in InformatieObjectType.json"),
        (_huge, "ZaakType.json is te groot"),
        (
            lambda: zipped({**members(EXPORT.read_bytes()), "ZaakType.json": b"{niet json"}),
            "ZaakType.json is geen geldige JSON",
        ),
    ],
)
def test_a_bad_zip_gets_a_clear_report_and_imports_nothing(
    web: Client, api: ZGWClient, make: Any, message: str
) -> None:
    # when
    response = upload(web, make())
    # then
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "Er is niets geïmporteerd" in response.content.decode()
    assert catalogue_size(api) == 0
    assert not Wijziging.objects.exists()


def test_a_refusal_midway_deletes_what_was_created(web: Client, api: ZGWClient, user: User) -> None:
    # given: an eigenschap the API refuses (a formaat it does not know), found only when written
    files = members(EXPORT.read_bytes())
    files["Eigenschap.json"][0]["specificatie"]["formaat"] = "kleur"
    # when
    response = upload(web, zipped(files))
    # then
    assert response.status_code == 200
    text = response.content.decode()
    assert "wat al was aangemaakt is weer verwijderd" in text
    catalogus = next(api.catalogi.catalogussen.list(domein="VRBLD"))
    params = {"catalogus": catalogus.url, "status": "alles"}
    assert not list(api.catalogi.zaaktypen.list(**params))
    assert not list(api.catalogi.informatieobjecttypen.list(**params))
    assert not list(api.catalogi.besluittypen.list(**params))


def test_export_of_one_zaaktype_holds_its_sub_types_and_related_types(web: Client, api: ZGWClient) -> None:
    assert upload(web, EXPORT.read_bytes()).status_code == 200
    zaaktype = next(api.catalogi.zaaktypen.list(identificatie="KAPVERGUNNING"))
    # when
    response = web.get(f"/beheer/zaaktypen/{uuid_of(zaaktype.url)}/export/")
    # then
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    found = members(response.content)
    assert {name: len(items) for name, items in found.items()} == {
        "Catalogus.json": 1,
        "InformatieObjectType.json": 2,
        "BesluitType.json": 1,
        "ZaakType.json": 1,
        "StatusType.json": 3,
        "RolType.json": 2,
        "ResultaatType.json": 2,
        "Eigenschap.json": 1,
        "ZaakTypeInformatieObjectType.json": 2,
        # our own files (docs/adr/0097), empty: the imported zaaktype has no form or parameters
        "Zaakwerk-Behandelparameters.json": 0,
        "Zaakwerk-Formulieren.json": 0,
    }
