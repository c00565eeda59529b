"""Export → import into an empty deployment → export again gives the same content."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.beheer.conftest import EmptyDeployment, uuid_of, zaaktype_url
from zaakwerk.beheer.services import transfer, versions
from zaakwerk.beheer.zgw import referentielijsten_root
from zaakwerk.client import ZGWClient

if TYPE_CHECKING:
    from pytest_django import Settings

pytestmark = pytest.mark.django_db

EXPORT = Path(__file__).parent / "data" / "openzaak-export.zip"


def _round_trip(
    api: ZGWClient, user: User, catalogus: str, there: EmptyDeployment, settings: Settings
) -> None:
    here_root = referentielijsten_root()
    first = transfer.export_catalogus(api, catalogus)
    # the other deployment's selectielijst is its own built-in one
    settings.REFERENTIELIJSTEN_URL = there.referentielijsten
    other = there.client()
    plan = transfer.plan(other, transfer.read_archive(first))
    assert plan.ok, plan.problems
    result = transfer.import_archive(other, user, plan)
    second = transfer.export_catalogus(other, result.catalogus)
    assert transfer.canonical(second, there.referentielijsten) == transfer.canonical(first, here_root)


def test_the_demo_catalogus_with_a_concept_version_survives_a_round_trip(
    api: ZGWClient, user: User, demo: str, empty_deployment: EmptyDeployment, settings: Settings
) -> None:
    from datetime import date

    versions.new_version(api, user, zaaktype_url(api, demo, "PARKEERVERGUNNING"), date(2031, 1, 1))
    _round_trip(api, user, demo, empty_deployment, settings)


def test_the_open_zaak_export_survives_a_round_trip(
    api: ZGWClient, user: User, empty_deployment: EmptyDeployment, settings: Settings
) -> None:
    from django.test import Client

    web = Client()
    web.force_login(user)
    upload = SimpleUploadedFile("export.zip", EXPORT.read_bytes(), "application/zip")
    assert web.post("/beheer/import/", {"bestand": upload}).status_code == 200
    catalogus = next(api.catalogi.catalogussen.list(domein="VRBLD")).url
    assert uuid_of(catalogus)
    _round_trip(api, user, catalogus, empty_deployment, settings)
