"""A zaak another application registers (a form in the loket, a script on the Zaken API) lands in
the werkvoorraad of its zaaktype's default team; once, however often it is announced, and never
over a behandelaar it already has (docs/adr/0104)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from tests.werkplek import actions_support
from tests.werkplek.actions_support import werkplek_client, zaak
from tests.werkplek.read_model_support import deliver, subscribed
from zaakwerk.client import ZGWClient
from zaakwerk.web.roles import Role
from zaakwerk.werkplek.models import HandlingParameters, RoleGrant, ZaakIntake, ZaakRow
from zaakwerk.werkplek.services import assignment

pytestmark = pytest.mark.django_db


@pytest.fixture
def client() -> ZGWClient:
    found = werkplek_client()
    subscribed()
    HandlingParameters.objects.create(
        zaaktype_identificatie="PARKEERVERGUNNING", default_group="team-parkeren"
    )
    return found


def _teams(client: ZGWClient, zaak_url: str) -> list[str]:
    rollen = client.zaken.rollen.list(
        zaak=zaak_url, omschrijvingGeneriek="behandelaar", betrokkeneType="organisatorische_eenheid"
    )
    return [str((rol.betrokkene_identificatie or {}).get("identificatie")) for rol in rollen]


def test_a_zaak_made_elsewhere_goes_to_the_default_team_once(client: ZGWClient) -> None:
    # given a zaak registered through the Zaken API by another application, without a behandelaar
    found = zaak(client)
    # when its notifications arrive, twice
    deliver()
    deliver()
    # then it has the default team, once, with the reason in its audit trail
    assert _teams(client, found.url) == ["team-parkeren"]
    trail = client.zaken.audittrail(found.url)
    assert any("standaardteam" in (line.toelichting or "") for line in trail)
    # and a member of that team finds it in the zaken-werkvoorraad
    assert ZaakRow.objects.get(url=found.url).team == "team-parkeren"
    member = User.objects.create_user("bea")
    team = Group.objects.create(name="team-parkeren")
    RoleGrant.objects.create(group=team, role=Role.BEHANDELAAR, zaaktype_identificatie="PARKEERVERGUNNING")
    member.groups.add(team)
    browser = Client()
    browser.force_login(member)
    page = browser.get(reverse("werkplek:zaken-werkvoorraad")).content.decode()
    assert found.identificatie in page


def test_a_zaak_with_a_behandelaar_or_without_a_default_team_is_left_alone(client: ZGWClient) -> None:
    given = zaak(client)
    assignment.assign_to_medewerker(client, given, assignment.Medewerker("piet", "Jansen"), toelichting="")
    other = zaak(client, "MELDING-OPENBARE-RUIMTE")  # its zaaktype has no handling parameters
    deliver()
    assert _teams(client, given.url) == []
    assert _teams(client, other.url) == []
    # taken in all the same: a default team configured later does not reach back
    assert ZaakIntake.objects.filter(zaak_url__in=[given.url, other.url]).count() == 2


def test_a_zaak_the_werkplek_makes_gets_its_team_once(client: ZGWClient) -> None:
    user = User.objects.create_user("bea", first_name="Bea", last_name="de Vries")
    team = Group.objects.create(name="team-parkeren")
    RoleGrant.objects.create(group=team, role=Role.BEHANDELAAR, zaaktype_identificatie="PARKEERVERGUNNING")
    user.groups.add(team)
    browser = Client()
    browser.force_login(user)
    zaaktype = actions_support.zaaktype(client, "PARKEERVERGUNNING")
    answer = browser.post(
        reverse("werkplek:zaak-aanmaken"),
        {
            "zaaktype": zaaktype.url,
            "omschrijving": "Bewonersvergunning",
            "initiator": "bsn",
            "nummer": "111222333",
        },
    )
    assert answer.status_code == 302
    made = next(client.zaken.zaken.list(zaaktype=zaaktype.url))
    deliver()
    assert _teams(client, made.url) == ["team-parkeren"]
    assert ZaakIntake.objects.get(zaak_url=made.url).team == "team-parkeren"
