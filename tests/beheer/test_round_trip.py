"""Export → import into an empty deployment → export again gives the same content."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.beheer.conftest import EmptyDeployment, uuid_of, zaaktype_url
from zaakwerk.beheer.services import handling, transfer, versions
from zaakwerk.beheer.zgw import referentielijsten_root
from zaakwerk.client import ZGWClient
from zaakwerk.formulieren import demo as demo_forms
from zaakwerk.formulieren.models import Formulier
from zaakwerk.formulieren.services import definities
from zaakwerk.werkplek.handling import Actie
from zaakwerk.werkplek.models import HandlingParameters

if TYPE_CHECKING:
    from pytest_django import Settings

pytestmark = pytest.mark.django_db

EXPORT = Path(__file__).parent / "data" / "openzaak-export.zip"


def _round_trip(
    api: ZGWClient, user: User, catalogus: str, there: EmptyDeployment, settings: Settings
) -> bytes:
    here_root = referentielijsten_root()
    first = transfer.export_catalogus(api, catalogus)
    # the empty deployment's own tables are empty too: beheer there is this process, with the
    # forms and handling parameters of here removed
    Formulier.objects.all().delete()
    HandlingParameters.objects.all().delete()
    # the other deployment's selectielijst is its own built-in one
    settings.REFERENTIELIJSTEN_URL = there.referentielijsten
    other = there.client()
    plan = transfer.plan(other, transfer.read_archive(first))
    assert plan.ok, plan.problems
    result = transfer.import_archive(other, user, plan)
    second = transfer.export_catalogus(other, result.catalogus)
    assert transfer.canonical(second, there.referentielijsten) == transfer.canonical(first, here_root)
    return first


def test_the_demo_catalogus_with_a_concept_version_survives_a_round_trip(
    api: ZGWClient, user: User, demo: str, empty_deployment: EmptyDeployment, settings: Settings
) -> None:
    from datetime import date

    versions.new_version(api, user, zaaktype_url(api, demo, "PARKEERVERGUNNING"), date(2031, 1, 1))
    # with the demo forms (one with a concept beside its published version) and handling parameters
    demo_forms.load(demo)
    parkeren = Formulier.objects.get(slug="parkeervergunning")
    definitie = {**parkeren.versies.get().definitie, "titel": "Parkeervergunning (nieuw)"}
    definities.save_concept(parkeren, definitie)
    handling.save(
        user,
        "PARKEERVERGUNNING",
        {
            "default_group": "parkeren",
            "max_verlenging_dagen": 14,
            **{f"rechten_{actie.value}": ["behandelaar"] for actie in Actie},
        },
    )
    handling.add_task(
        user,
        "PARKEERVERGUNNING",
        {
            "statustype_omschrijving": "In behandeling",
            "kind": "advies",
            "title": "Advies handhaving",
            "group": "",
            "due_days": 3,
        },
    )
    handling.add_mail(user, "PARKEERVERGUNNING", {"name": "Vraag", "subject": "Uw aanvraag", "body": "Beste"})
    first = _round_trip(api, user, demo, empty_deployment, settings)
    # then: the forms and the parameters went along, and came back with their versions
    own = transfer.canonical(first)
    assert [item["slug"] for item in own["Zaakwerk-Formulieren.json"]] == [
        "melding-openbare-ruimte",
        "parkeervergunning",
    ]
    assert [v["staat"] for v in own["Zaakwerk-Formulieren.json"][1]["versies"]] == ["gepubliceerd", "concept"]
    assert own["Zaakwerk-Behandelparameters.json"][0]["status_tasks"][0]["title"] == "Advies handhaving"
    assert Formulier.objects.get(slug="parkeervergunning").versies.count() == 2
    assert (
        HandlingParameters.objects.get(zaaktype_identificatie="PARKEERVERGUNNING").default_group == "parkeren"
    )


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
