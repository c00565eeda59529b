"""The editor: who may use it, a concept zaaktype built tab by tab with the API's own reasons at the
field, statustypen reordered, and a published version that cannot be changed."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.beheer.conftest import beheerder, uuid_of, zaaktype_url
from zaakwerk.beheer.models import Wijziging
from zaakwerk.beheer.zgw import referentielijsten_root
from zaakwerk.client import ZGWClient
from zaakwerk.web.roles import Role

pytestmark = pytest.mark.django_db

PROCESTYPE = "035d5ce8-d4f8-4f23-a386-fe2ea136d9e3"  # Toestemming verlenen (2017), as the demo uses
RESULTAAT = "183352aa-26d1-4bc3-8bbf-aec3a180ebbb"
VERLEEND = "fb65d251-1518-4185-865f-b8bdcfad07b1"

GEGEVENS = {
    "identificatie": "BOOMKAP",
    "omschrijving": "Melding boomkap",
    "vertrouwelijkheidaanduiding": "openbaar",
    "doel": "Weten welke bomen worden gekapt.",
    "aanleiding": "Een inwoner meldt dat hij een boom kapt.",
    "indicatieInternOfExtern": "extern",
    "handelingInitiator": "melden",
    "onderwerp": "Boomkap",
    "handelingBehandelaar": "registreren",
    "doorlooptijd": "P2W",
    "productenOfDiensten": "https://producten.example/boomkap",
    "referentieproces__naam": "Melden",
    "verantwoordelijke": "Team Groen",
    "beginGeldigheid": "2026-01-01",
    "versiedatum": "2026-01-01",
}


def field_errors(html: str, field: str) -> str:
    """The error text shown in the form field of ``field`` (empty when there is none)."""
    match = re.search(
        rf'utrecht-form-field--invalid">.*?for="id_{field}".*?'
        r'utrecht-form-field__error-message" id="[^"]+">(.*?)</div>',
        html,
        re.S,
    )
    return re.sub(r"<[^>]+>", " ", match.group(1)).strip() if match else ""


def concept(web: Client, catalogus: str, **changes: str) -> str:
    data = {
        **GEGEVENS,
        "selectielijstProcestype": f"{referentielijsten_root()}/procestypen/{PROCESTYPE}",
        **changes,
    }
    response = web.post(f"/beheer/catalogi/{uuid_of(catalogus)}/zaaktype-toevoegen/", data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    return str(response["Location"]).split("/")[3]


def test_only_a_logged_in_beheerder_gets_in(user: User) -> None:
    anonymous = Client()
    response = anonymous.get("/beheer/")
    assert response.status_code == 302 and "/medewerker/" in response["Location"]
    behandelaar = Client()
    behandelaar.force_login(beheerder("b", Role.BEHANDELAAR))
    assert behandelaar.get("/beheer/").status_code == 403
    assert behandelaar.get("/beheer/wijzigingen/").status_code == 403
    mine = Client()
    mine.force_login(user)
    assert mine.get("/beheer/").status_code == 200


def test_browse_shows_each_type_with_its_versions(web: Client, demo: str) -> None:
    html = web.get(f"/beheer/catalogi/{uuid_of(demo)}/").content.decode()
    assert "PARKEERVERGUNNING" in html and "Aanvraag" in html
    assert "2024-01-01" in html and "geldig" in html


def test_the_api_reason_is_shown_next_to_the_field(web: Client, api: ZGWClient, demo: str) -> None:
    uuid = concept(web, demo)
    # when: a doorlooptijd that is no ISO 8601 duration, which only the API checks
    response = web.post(f"/beheer/zaaktypen/{uuid}/gegevens/", {**GEGEVENS, "doorlooptijd": "twee weken"})
    # then
    assert response.status_code == 200
    assert field_errors(response.content.decode(), "doorlooptijd")
    stored = api.catalogi.zaaktypen.get(f"{api.catalogi.zaaktypen.url}/{uuid}").as_json()
    assert stored["doorlooptijd"] == "P14D" or stored["doorlooptijd"] == "P2W"


def test_a_concept_is_built_tab_by_tab_and_every_change_recorded(
    web: Client, api: ZGWClient, demo: str
) -> None:
    uuid = concept(web, demo)
    base = f"/beheer/zaaktypen/{uuid}"
    url = f"{api.catalogi.zaaktypen.url}/{uuid}"
    # statustypen, in order of adding
    for name in ("Ontvangen", "In behandeling", "Afgehandeld"):
        response = web.post(f"{base}/statustypen/", {"omschrijving": name, "statustekst": f"{name}."})
        assert response.status_code == 302, response.content.decode()[-2000:]
    # a roltype, a resultaattype from the selectielijst, an eigenschap with its specificatie
    assert (
        web.post(
            f"{base}/roltypen/", {"omschrijving": "Melder", "omschrijvingGeneriek": "initiator"}
        ).status_code
        == 302
    )
    resultaat: dict[str, Any] = {
        "omschrijving": "Geregistreerd",
        "resultaattypeomschrijving": f"{referentielijsten_root()}/resultaattypeomschrijvingen/{VERLEEND}",
        "selectielijstklasse": f"{referentielijsten_root()}/resultaten/{RESULTAAT}",
        "brondatumArchiefprocedure__afleidingswijze": "afgehandeld",
    }
    response = web.post(f"{base}/resultaattypen/", resultaat)
    assert response.status_code == 302, response.content.decode()[-3000:]
    eigenschap = {
        "naam": "aantal",
        "definitie": "Aantal bomen",
        "specificatie__formaat": "getal",
        "specificatie__lengte": "3",
        "specificatie__kardinaliteit": "1",
    }
    assert web.post(f"{base}/eigenschappen/", eigenschap).status_code == 302
    # a document relation and a besluittype-less relations form
    relatie = {
        "wat": "document",
        "informatieobjecttype": "Melding",
        "volgnummer": "1",
        "richting": "inkomend",
    }
    response = web.post(f"{base}/documenten/", relatie)
    assert response.status_code == 302, response.content.decode()[-3000:]
    # then
    statussen = sorted(
        api.catalogi.statustypen.list(zaaktype=url, status="alles"), key=lambda s: s.volgnummer
    )
    assert [(s.volgnummer, s.omschrijving) for s in statussen] == [
        (1, "Ontvangen"),
        (2, "In behandeling"),
        (3, "Afgehandeld"),
    ]
    assert len(list(api.catalogi.eigenschappen.list(zaaktype=url, status="alles"))) == 1
    assert len(list(api.catalogi.zaaktype_informatieobjecttypen.list(zaaktype=url, status="alles"))) == 1
    html = web.get(f"{base}/documenten/").content.decode()
    assert "Melding" in html
    assert Wijziging.objects.filter(zaaktype_identificatie="BOOMKAP").count() == 8
    assert Wijziging.objects.filter(samenvatting__contains="Melding (inkomend)").exists()
    assert "Wijzig Ontvangen" in web.get(f"{base}/statustypen/").content.decode()


def test_an_eigenschap_refused_by_the_api_shows_its_reason_at_the_field(web: Client, demo: str) -> None:
    uuid = concept(web, demo)
    eigenschap = {
        "naam": "aantal",
        "definitie": "Aantal bomen",
        "specificatie__formaat": "datum",
        "specificatie__lengte": "3",
        "specificatie__kardinaliteit": "1",
    }
    response = web.post(f"/beheer/zaaktypen/{uuid}/eigenschappen/", eigenschap)
    assert response.status_code == 200
    assert field_errors(response.content.decode(), "specificatie__lengte")
    assert not Wijziging.objects.filter(soort="eigenschap").exists()


def test_statustypen_move_up_and_down(web: Client, api: ZGWClient, demo: str) -> None:
    uuid = concept(web, demo)
    base = f"/beheer/zaaktypen/{uuid}"
    for name in ("A", "B", "C"):
        web.post(f"{base}/statustypen/", {"omschrijving": name})
    url = f"{api.catalogi.zaaktypen.url}/{uuid}"

    def order() -> list[str]:
        return [
            s.omschrijving
            for s in sorted(
                api.catalogi.statustypen.list(zaaktype=url, status="alles"), key=lambda s: s.volgnummer
            )
        ]

    by_name = {
        s.omschrijving: uuid_of(s.url) for s in api.catalogi.statustypen.list(zaaktype=url, status="alles")
    }
    # when
    assert (
        web.post(f"{base}/statustypen/{by_name['C']}/verplaatsen/", {"richting": "omhoog"}).status_code == 302
    )
    # then
    assert order() == ["A", "C", "B"]
    web.post(f"{base}/statustypen/{by_name['A']}/verplaatsen/", {"richting": "omlaag"})
    assert order() == ["C", "A", "B"]
    # the first cannot move further up: nothing changes
    web.post(f"{base}/statustypen/{by_name['C']}/verplaatsen/", {"richting": "omhoog"})
    assert order() == ["C", "A", "B"]
    assert sorted(s.volgnummer for s in api.catalogi.statustypen.list(zaaktype=url, status="alles")) == [
        1,
        2,
        3,
    ]


def test_a_sub_type_is_changed_and_deleted_on_its_own_page(web: Client, api: ZGWClient, demo: str) -> None:
    uuid = concept(web, demo)
    base = f"/beheer/zaaktypen/{uuid}"
    web.post(f"{base}/roltypen/", {"omschrijving": "Melder", "omschrijvingGeneriek": "initiator"})
    roltype = next(
        api.catalogi.roltypen.list(zaaktype=f"{api.catalogi.zaaktypen.url}/{uuid}", status="alles")
    )
    page = f"{base}/roltypen/{uuid_of(roltype.url)}/"
    assert 'value="Melder"' in web.get(page).content.decode()
    assert (
        web.post(page, {"omschrijving": "Aanvrager", "omschrijvingGeneriek": "initiator"}).status_code == 302
    )
    assert api.catalogi.roltypen.get(roltype.url).omschrijving == "Aanvrager"
    assert web.post(page, {"actie": "verwijderen"}).status_code == 302
    assert not list(
        api.catalogi.roltypen.list(zaaktype=f"{api.catalogi.zaaktypen.url}/{uuid}", status="alles")
    )


def test_a_published_zaaktype_shows_no_forms_and_refuses_changes(
    web: Client, api: ZGWClient, demo: str
) -> None:
    uuid = uuid_of(zaaktype_url(api, demo, "PARKEERVERGUNNING"))
    html = web.get(f"/beheer/zaaktypen/{uuid}/statustypen/").content.decode()
    assert "Wijzig Ontvangen" not in html and "Toevoegen" not in html
    response = web.post(f"/beheer/zaaktypen/{uuid}/statustypen/", {"omschrijving": "Extra"})
    assert response.status_code == 200
    assert "nieuwe versie" in response.content.decode()


def test_the_handling_parameters_are_saved_for_the_identificatie(
    web: Client, api: ZGWClient, demo: str
) -> None:
    from zaakwerk.werkplek.handling import parameters_for

    uuid = uuid_of(zaaktype_url(api, demo, "PARKEERVERGUNNING"))
    data: dict[str, Any] = {
        "wat": "parameters",
        "default_group": "team-parkeren",
        "max_verlenging_dagen": "14",
    }
    response = web.post(f"/beheer/zaaktypen/{uuid}/behandeling/", data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert parameters_for("PARKEERVERGUNNING").default_group == "team-parkeren"
    response = web.post(
        f"/beheer/zaaktypen/{uuid}/behandeling/",
        {
            "wat": "taak",
            "taak-statustype_omschrijving": "Ontvangen",
            "taak-kind": "advies",
            "taak-title": "Advies",
            "taak-due_days": "5",
        },
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert parameters_for("PARKEERVERGUNNING").status_tasks.count() == 1
    html = web.get("/beheer/wijzigingen/").content.decode()
    assert "Behandelparameters van PARKEERVERGUNNING gewijzigd" in html
    assert "Bea Heer" in html
