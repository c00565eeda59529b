"""The action pages over HTTP (Django's test client): access per zaaktype and role, each action
performed through the APIs, bad input shown on the page with nothing changed."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from tests.werkplek.actions_support import resultaattype, staff, statustype, werkplek_client, zaak
from zaakwerk.client import ZGWClient, models
from zaakwerk.web.roles import Role
from zaakwerk.werkplek.acties_views import available_actions
from zaakwerk.werkplek.handling import Actie
from zaakwerk.werkplek.models import HandlingParameters, RoleGrant, Task
from zaakwerk.werkplek.services import acties

pytestmark = pytest.mark.django_db


@pytest.fixture
def client() -> ZGWClient:
    return werkplek_client()


def _browser(*groups: str, name: str = "medewerker") -> Client:
    browser = Client()
    browser.force_login(staff(name, *groups))
    return browser


def _url(found: models.Zaak, actie: str) -> str:
    return f"/werkplek/zaken/{found.uuid}/acties/{actie}/"


def test_no_role_on_the_zaaktype_is_404_and_a_role_that_may_not_is_403(client: ZGWClient) -> None:
    found = zaak(client)
    team = Group.objects.create(name="team-meldingen")
    RoleGrant.objects.create(
        group=team, role=Role.BEHANDELAAR, zaaktype_identificatie="MELDING-OPENBARE-RUIMTE"
    )
    outsider = _browser("team-meldingen", name="buiten")
    assert outsider.get(_url(found, "status")).status_code == 404
    assert outsider.post(_url(found, "opschorten"), {"reden": "x"}).status_code == 404
    raadpleger = _browser("raadpleger", name="kijker")
    assert raadpleger.get(_url(found, "status")).status_code == 403
    behandelaar = _browser("behandelaar", name="doener")
    assert behandelaar.get(_url(found, "toekennen")).status_code == 403  # coördinator assigns
    assert behandelaar.get(_url(found, "heropenen")).status_code == 403  # recordmanager reopens
    assert behandelaar.get(_url(found, "onbekend")).status_code == 404
    assert (
        behandelaar.get("/werkplek/zaken/7b0c3b0e-4b8a-4d3e-9d6e-1b5a1f1e2c3d/acties/status/").status_code
        == 404
    )
    # nothing was written by any of them
    assert client.zaken.zaken.get(found.url).opschorting == {"indicatie": False, "reden": ""}


def test_handling_parameters_change_who_may_do_what(client: ZGWClient) -> None:
    found = zaak(client)
    behandelaar = _browser("behandelaar")
    assert behandelaar.get(_url(found, "verlengen")).status_code == 200
    HandlingParameters.objects.create(
        zaaktype_identificatie="PARKEERVERGUNNING", permissions={"verlengen": [Role.COORDINATOR.value]}
    )
    assert behandelaar.get(_url(found, "verlengen")).status_code == 403


def test_setting_the_next_status_over_http(client: ZGWClient) -> None:
    found = zaak(client)
    behandelaar = _browser("behandelaar")
    page = behandelaar.get(_url(found, "status"))
    text = page.content.decode()
    assert page.status_code == 200 and found.identificatie in text and found.omschrijving in text
    assert "Ontvangen" in text  # the current status
    # a status that may not follow: a clear message, nothing changed
    ontvangen = statustype(client, found, "Ontvangen")
    refused = behandelaar.post(_url(found, "status"), {"statustype": ontvangen.url, "toelichting": "terug"})
    assert refused.status_code == 200 and "geldige keuze" in refused.content.decode()
    behandeling = statustype(client, found, "In behandeling")
    done = behandelaar.post(_url(found, "status"), {"statustype": behandeling.url, "toelichting": "Compleet"})
    assert done.status_code == 302 and done["Location"] == f"/werkplek/zaken/{found.uuid}/"
    assert acties.load(client, found.url).status == behandeling


def test_verlengen_beyond_the_maximum_shows_a_message(client: ZGWClient) -> None:
    found = zaak(client)
    HandlingParameters.objects.create(zaaktype_identificatie="PARKEERVERGUNNING", max_verlenging_dagen=10)
    behandelaar = _browser("behandelaar")
    assert "Ten hoogste 10 dagen" in behandelaar.get(_url(found, "verlengen")).content.decode()
    refused = behandelaar.post(_url(found, "verlengen"), {"dagen": "11", "reden": "Advies"})
    assert refused.status_code == 200 and "1 tot en met 10 dagen" in refused.content.decode()
    assert not acties.load(client, found.url).extended
    assert behandelaar.post(_url(found, "verlengen"), {"dagen": "10", "reden": "Advies"}).status_code == 302
    assert client.zaken.zaken.get(found.url).verlenging == {"reden": "Advies", "duur": "P10D"}


def test_a_zaak_closed_meanwhile_by_someone_else(client: ZGWClient) -> None:
    found = zaak(client)
    behandelaar = _browser("behandelaar")
    assert behandelaar.get(_url(found, "opschorten")).status_code == 200
    # someone else closes it while the form is open
    acties.afsluiten(
        client, found.url, resultaattype_url=resultaattype(client, found, "Verleend").url, toelichting=""
    )
    refused = behandelaar.post(_url(found, "opschorten"), {"reden": "Wacht op stukken"})
    assert refused.status_code == 200 and "inmiddels afgesloten" in refused.content.decode()
    assert client.zaken.zaken.get(found.url).opschorting == {"indicatie": False, "reden": ""}


def test_toekennen_vrijgeven_afsluiten_heropenen(client: ZGWClient) -> None:
    found = zaak(client)
    Group.objects.create(name="team-parkeren")
    staff("piet", "behandelaar")
    coordinator = _browser("coördinator", name="coordinator")
    done = coordinator.post(
        _url(found, "toekennen"),
        {"team": "team-parkeren", "medewerker": "piet", "toelichting": "Piet heeft tijd"},
    )
    assert done.status_code == 302
    rollen = list(client.zaken.rollen.list(zaak=found.url, omschrijvingGeneriek="behandelaar"))
    assert sorted(str((rol.betrokkene_identificatie or {}).get("identificatie")) for rol in rollen) == [
        "piet",
        "team-parkeren",
    ]
    assert coordinator.post(_url(found, "vrijgeven"), {"reden": "Piet met verlof"}).status_code == 302
    assert len(list(client.zaken.rollen.list(zaak=found.url, omschrijvingGeneriek="behandelaar"))) == 1
    verleend = resultaattype(client, found, "Verleend")
    assert coordinator.post(_url(found, "afsluiten"), {"resultaattype": verleend.url}).status_code == 302
    assert acties.load(client, found.url).closed
    assert [link.actie for link in available_actions(_user(coordinator), found)] == []
    recordmanager = _browser("recordmanager", name="archivaris")
    assert [link.actie for link in available_actions(_user(recordmanager), found)] == [Actie.HEROPENEN]
    refused = recordmanager.post(_url(found, "heropenen"), {"reden": ""})
    assert refused.status_code == 200 and "Dit veld is verplicht" in refused.content.decode()
    assert recordmanager.post(_url(found, "heropenen"), {"reden": "Bezwaar gegrond"}).status_code == 302
    assert not acties.load(client, found.url).closed


def _user(browser: Client) -> User:
    return User.objects.get(pk=browser.session["_auth_user_id"])


def test_available_actions_follow_the_zaak_and_the_roles(client: ZGWClient) -> None:
    found = zaak(client)
    behandelaar = _browser("behandelaar")
    offered = [link.actie for link in available_actions(_user(behandelaar), found)]
    assert offered == [
        Actie.STATUS,
        Actie.OPSCHORTEN,
        Actie.VERLENGEN,
        Actie.VRIJGEVEN,
        Actie.AFSLUITEN,
        Actie.TAAK,
    ]
    links = available_actions(_user(behandelaar), found)
    assert links[0].url == _url(found, "status") and links[0].label == "Volgende status zetten"
    assert available_actions(_user(_browser("team-x", name="niemand")), found) == []


def test_a_task_of_aanvullende_informatie_suspends_until_answered(client: ZGWClient) -> None:
    found = zaak(client)
    behandelaar = _browser("behandelaar")
    team = Group.objects.create(name="team-parkeren")
    done = behandelaar.post(
        _url(found, "taak"),
        {
            "kind": "aanvullende_informatie",
            "title": "Kenteken opvragen",
            "team": str(team.pk),
            "due_date": "2026-12-20",
        },
    )
    assert done.status_code == 302
    assert acties.load(client, found.url).suspended
    task = Task.objects.get(zaak_url=found.url)
    # the team member sees it in the werkvoorraad, takes it and completes it
    member = _browser("behandelaar", "team-parkeren", name="lid")
    assert "Kenteken opvragen" in member.get("/werkplek/taken/werkvoorraad/").content.decode()
    assert member.post(f"/werkplek/taken/{task.pk}/", {"what": "take"}).status_code == 302
    assert "Kenteken opvragen" in member.get("/werkplek/taken/").content.decode()
    assert (
        member.post(f"/werkplek/taken/{task.pk}/", {"what": "comment", "text": "Gebeld"}).status_code == 302
    )
    assert (
        member.post(f"/werkplek/taken/{task.pk}/", {"what": "complete", "outcome": "ontvangen"}).status_code
        == 302
    )
    task.refresh_from_db()
    assert (task.state, task.outcome, task.completed_by) == ("afgerond", "ontvangen", "lid")
    assert not acties.load(client, found.url).suspended
    assert "Gebeld" in member.get(f"/werkplek/taken/{task.pk}/").content.decode()
    assert "Kenteken opvragen" in member.get(f"/werkplek/zaken/{found.uuid}/taken/").content.decode()
    # a raadpleger sees the task but may not work on it
    kijker = _browser("raadpleger", name="kijker")
    assert kijker.get(f"/werkplek/taken/{task.pk}/").status_code == 200
    assert kijker.post(f"/werkplek/taken/{task.pk}/", {"what": "comment", "text": "x"}).status_code == 403
    # someone without a role on the zaaktype does not see the task
    assert _browser("team-x", name="vreemde").get(f"/werkplek/taken/{task.pk}/").status_code == 404


def test_tasks_start_with_a_status_as_the_handling_parameters_say(client: ZGWClient) -> None:
    found = zaak(client)
    parameters = HandlingParameters.objects.create(
        zaaktype_identificatie="PARKEERVERGUNNING", default_group="team-parkeren"
    )
    parameters.status_tasks.create(
        statustype_omschrijving="In behandeling", kind="advies", title="Advies handhaving", due_days=7
    )
    behandelaar = _browser("behandelaar")
    behandeling = statustype(client, found, "In behandeling")
    assert behandelaar.post(_url(found, "status"), {"statustype": behandeling.url}).status_code == 302
    task = Task.objects.get(zaak_url=found.url)
    assert (task.kind, task.title, task.assignee_group and task.assignee_group.name) == (
        "advies",
        "Advies handhaving",
        "team-parkeren",
    )


def test_the_beheerder_edits_the_handling_parameters(client: ZGWClient) -> None:
    zaak(client)
    beheerder = _browser("beheerder", name="beheer")
    assert "PARKEERVERGUNNING" in beheerder.get("/werkplek/behandelparameters/").content.decode()
    url = "/werkplek/behandelparameters/PARKEERVERGUNNING/"
    page = beheerder.get(url)
    assert page.status_code == 200 and "In behandeling" in page.content.decode()
    data: dict[str, str | list[str]] = {
        "what": "parameters",
        "default_group": "team-parkeren",
        "max_verlenging_dagen": "14",
    }
    for actie in Actie:
        data[f"rechten_{actie.value}"] = (
            [Role.COORDINATOR.value] if actie is Actie.VERLENGEN else ["behandelaar"]
        )
    assert beheerder.post(url, data).status_code == 302
    saved = HandlingParameters.objects.get(zaaktype_identificatie="PARKEERVERGUNNING")
    assert (saved.default_group, saved.max_verlenging_dagen, saved.permissions["verlengen"]) == (
        "team-parkeren",
        14,
        ["coördinator"],
    )
    assert beheerder.post(url, {"what": "parameters", "max_verlenging_dagen": "-1"}).status_code == 200
    added = beheerder.post(
        url,
        {
            "what": "taak",
            "taak-statustype_omschrijving": "In behandeling",
            "taak-kind": "goedkeuren",
            "taak-title": "Akkoord",
            "taak-due_days": "3",
        },
    )
    assert added.status_code == 302 and saved.status_tasks.get().title == "Akkoord"
    added = beheerder.post(
        url,
        {
            "what": "mail",
            "mail-name": "Ontvangst",
            "mail-subject": "Zaak {{ identificatie }}",
            "mail-body": "Beste {{ initiator }}",
        },
    )
    assert added.status_code == 302 and saved.mail_templates.get().name == "Ontvangst"
    # a behandelaar may not
    assert _browser("behandelaar").get(url).status_code == 403
    assert _browser("team-x", name="vreemde").get(url).status_code == 404
