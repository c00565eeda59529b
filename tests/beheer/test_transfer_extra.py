"""Our own files in the catalogus ZIP: the handling parameters and forms of the exported zaaktypen
go along, an import restores them, and a bad one gets a clear report and imports nothing."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.beheer.conftest import zaaktype_url
from tests.beheer.test_transfer import EXPORT, catalogue_size, members, upload, zipped
from zaakwerk.beheer.models import Wijziging
from zaakwerk.beheer.services import handling, transfer
from zaakwerk.client import ZGWClient
from zaakwerk.formulieren import demo as demo_forms
from zaakwerk.formulieren.models import Formulier
from zaakwerk.formulieren.services import definities
from zaakwerk.werkplek.handling import Actie
from zaakwerk.werkplek.models import HandlingParameters

pytestmark = pytest.mark.django_db

FORM: dict[str, Any] = {
    "slug": "kapvergunning",
    "zaaktype_identificatie": "KAPVERGUNNING",
    "versies": [
        {"nummer": 1, "staat": "ingetrokken", "definitie": demo_forms.definition("parkeervergunning")},
        {
            "nummer": 2,
            "staat": "gepubliceerd",
            "definitie": {
                "titel": "Kapvergunning",
                "steps": [
                    {
                        "key": "boom",
                        "titel": "De boom",
                        "fields": [{"key": "soort", "type": "text", "label": "Soort"}],
                    }
                ],
            },
        },
    ],
}
PARAMETERS: dict[str, Any] = {
    "zaaktype_identificatie": "KAPVERGUNNING",
    "default_group": "groen",
    "max_verlenging_dagen": None,
    "permissions": {"heropenen": ["coördinator"]},
    "status_tasks": [
        {
            "statustype_omschrijving": "In behandeling",
            "kind": "advies",
            "title": "Advies",
            "group": "",
            "due_days": 5,
        }
    ],
    "mail_templates": [{"name": "Vraag", "subject": "Uw aanvraag", "body": "Beste aanvrager"}],
}


def with_own(forms: Any = None, parameters: Any = None) -> bytes:
    files = members(EXPORT.read_bytes())
    files["Zaakwerk-Formulieren.json"] = [FORM] if forms is None else forms
    files["Zaakwerk-Behandelparameters.json"] = [PARAMETERS] if parameters is None else parameters
    return zipped(files)


def test_the_export_of_a_zaaktype_carries_its_form_and_parameters(
    api: ZGWClient, demo: str, user: User
) -> None:
    demo_forms.load(demo)
    handling.save(
        user,
        "PARKEERVERGUNNING",
        {
            "default_group": "parkeren",
            "max_verlenging_dagen": None,
            **{f"rechten_{actie.value}": ["behandelaar"] for actie in Actie},
        },
    )
    data = transfer.export_zaaktype(api, zaaktype_url(api, demo, "PARKEERVERGUNNING"))
    files = members(data)
    assert [item["slug"] for item in files["Zaakwerk-Formulieren.json"]] == ["parkeervergunning"]
    assert files["Zaakwerk-Formulieren.json"][0]["versies"][0]["definitie"] == demo_forms.definition(
        "parkeervergunning"
    )
    assert [item["default_group"] for item in files["Zaakwerk-Behandelparameters.json"]] == ["parkeren"]
    # the same content gives the same bytes
    assert transfer.export_zaaktype(api, zaaktype_url(api, demo, "PARKEERVERGUNNING")) == data


def test_an_import_restores_the_forms_and_parameters(web: Client, api: ZGWClient) -> None:
    response = upload(web, with_own())
    assert response.status_code == 200
    assert (
        "1 formulieren" in response.content.decode() and "1 behandelparameters" in response.content.decode()
    )
    catalogus = next(api.catalogi.catalogussen.list(domein="VRBLD")).url
    formulier = Formulier.objects.get(slug="kapvergunning")
    assert (formulier.zaaktype_identificatie, formulier.catalogus) == ("KAPVERGUNNING", catalogus)
    assert list(formulier.versies.order_by("nummer").values_list("staat", flat=True)) == [
        "ingetrokken",
        "gepubliceerd",
    ]
    assert definities.published(formulier) is not None
    parameters = HandlingParameters.objects.get(zaaktype_identificatie="KAPVERGUNNING")
    assert parameters.default_group == "groen" and parameters.permissions == {"heropenen": ["coördinator"]}
    assert [task.title for task in parameters.status_tasks.all()] == ["Advies"]
    assert [mail.name for mail in parameters.mail_templates.all()] == ["Vraag"]


def _changed(change: Callable[[dict[str, Any]], None], which: str = "form") -> bytes:
    item = copy.deepcopy(FORM if which == "form" else PARAMETERS)
    change(item)
    return with_own(forms=[item]) if which == "form" else with_own(parameters=[item])


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: _changed(lambda item: item["versies"][1]["definitie"].pop("steps")), "versie 2"),
        (
            lambda: _changed(lambda item: item.update(zaaktype_identificatie="ANDERS")),
            "staat niet in ZaakType.json",
        ),
        (lambda: _changed(lambda item: item.update(slug="Geen Slug")), "geen geldig adres"),
        (
            lambda: _changed(lambda item: item["versies"][0].update(staat="gepubliceerd")),
            "meer dan één gepubliceerde versie",
        ),
        (
            lambda: _changed(lambda item: item.update(permissions={"heropenen": ["baas"]}), "parameters"),
            "onbekende actie of rol",
        ),
        (
            lambda: _changed(lambda item: item["status_tasks"][0].update(kind="koffie"), "parameters"),
            "onbekende soort taak",
        ),
        (lambda: with_own(forms={"slug": "x"}), "Zaakwerk-Formulieren.json moet een lijst zijn"),
    ],
)
def test_a_bad_own_file_gets_a_clear_report_and_imports_nothing(
    web: Client, api: ZGWClient, make: Callable[[], bytes], message: str
) -> None:
    response = upload(web, make())
    assert response.status_code == 200
    text = response.content.decode()
    assert "Er is niets geïmporteerd" in text and message in text
    assert catalogue_size(api) == 0
    assert not Formulier.objects.exists() and not HandlingParameters.objects.exists()
    assert not Wijziging.objects.exists()


def test_a_form_address_in_use_here_imports_nothing(web: Client, api: ZGWClient, user: User) -> None:
    definities.create_formulier(
        "kapvergunning", "IETS", "http://testserver/elders", FORM["versies"][1]["definitie"]
    )
    response = upload(web, with_own())
    assert "al een formulier met adres kapvergunning" in response.content.decode()
    assert catalogue_size(api) == 0
    assert Formulier.objects.count() == 1 and not HandlingParameters.objects.exists()
