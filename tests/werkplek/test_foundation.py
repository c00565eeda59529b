"""The werkplek's foundation: who may see which zaaktype, its client acting for a person, and
assignment through the zaak's behandelaar rollen with the reason in the audit trail."""

from __future__ import annotations

import uuid

import pytest
from django.contrib.auth.models import Group, User

from zaakwerk.client import ZGWClient, models
from zaakwerk.client.api import audit_header
from zaakwerk.core.caller import audit_toelichting
from zaakwerk.ops.demo import load_demo
from zaakwerk.ops.webapps import authorise_werkplek
from zaakwerk.web.roles import Role
from zaakwerk.werkplek import access, zgw
from zaakwerk.werkplek.models import RoleGrant
from zaakwerk.werkplek.services import assignment

pytestmark = pytest.mark.django_db


def _user(name: str, *groups: str) -> User:
    user = User.objects.create_user(name, password="x" * 16, first_name="Anna", last_name="de Vries")
    for group in groups:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def test_a_group_named_after_a_role_has_it_on_every_zaaktype() -> None:
    found = access.access_for(_user("b", "behandelaar"))
    assert found.may(Role.BEHANDELAAR, "ANY-ZAAKTYPE")
    assert not found.may(Role.COORDINATOR, "ANY-ZAAKTYPE")
    assert found.zaaktypen(Role.BEHANDELAAR) is None  # every zaaktype


def test_grants_give_roles_per_zaaktype_only() -> None:
    team = Group.objects.create(name="team-vergunningen")
    RoleGrant.objects.create(group=team, role=Role.BEHANDELAAR, zaaktype_identificatie="VERGUNNING")
    RoleGrant.objects.create(group=team, role=Role.RAADPLEGER, zaaktype_identificatie="MELDING")
    found = access.access_for(_user("v", "team-vergunningen"))
    assert found.may(Role.BEHANDELAAR, "VERGUNNING")
    assert not found.may(Role.BEHANDELAAR, "MELDING")
    assert found.may_see("MELDING") and not found.may_see("BEZWAAR")
    assert found.zaaktypen(Role.BEHANDELAAR) == frozenset({"VERGUNNING"})
    assert found.zaaktypen() == frozenset({"VERGUNNING", "MELDING"})
    assert access.team_names(User.objects.get(username="v")) == ["team-vergunningen"]


def test_an_inactive_user_has_no_roles() -> None:
    user = _user("weg", "behandelaar")
    user.is_active = False
    assert not access.access_for(user).any_role


@pytest.mark.parametrize(
    "text", ["Toegekend wegens ziekte van de coördinator", "10% klaar, %41 blijft", "regel\neen"]
)
def test_a_reason_travels_in_a_header_and_arrives_as_written(text: str) -> None:
    header = audit_header(text)
    assert header.isascii() and "\n" not in header
    assert audit_toelichting(header) == " ".join(text.split())


@pytest.fixture
def werkplek() -> ZGWClient:
    authorise_werkplek()
    return zgw.service_client()


def _zaak(client: ZGWClient) -> models.Zaak:
    catalogus = load_demo(client, referentielijsten=f"{zgw.base_url()}/referentielijsten/api/v1").catalogus
    melding = client.catalogi.zaaktypen.list(catalogus=catalogus, identificatie="MELDING-OPENBARE-RUIMTE")
    zaaktype = next(melding)
    return client.zaken.zaken.create(
        {
            "bronorganisatie": "002220647",
            "verantwoordelijkeOrganisatie": "002220647",
            "zaaktype": zaaktype.url,
            "startdatum": "2026-11-02",
            "omschrijving": f"losse stoeptegel {uuid.uuid4().hex[:6]}",
        }
    )


def test_assigning_to_a_team_and_a_person_and_releasing(werkplek: ZGWClient) -> None:
    zaak = _zaak(werkplek)
    person = zgw.client_for(_user("coordinator", "coördinator"))
    # when the coördinator gives the zaak to a team, then to a behandelaar, then to another
    assignment.assign_to_team(person, zaak, "team-buitendienst", toelichting="Hoort bij de buitendienst")
    assignment.assign_to_medewerker(
        person, zaak, assignment.Medewerker("jan", "Jansen"), toelichting="Jan heeft tijd"
    )
    assignment.assign_to_medewerker(
        person, zaak, assignment.Medewerker("piet", "Pietersen"), toelichting="Jan is ziek, zaak naar Piet"
    )
    found = assignment.assignment_of(werkplek, zaak.url)
    # then the zaak has one team and one behandelaar: the latest
    assert (found.team_name, found.username) == ("team-buitendienst", "piet")
    behandelaars = list(werkplek.zaken.rollen.list(zaak=zaak.url, omschrijvingGeneriek="behandelaar"))
    assert len(behandelaars) == 2
    # when released, the team keeps it
    assert assignment.release(person, zaak, toelichting="Piet met verlof") == 1
    found = assignment.assignment_of(werkplek, zaak.url)
    assert (found.team_name, found.username) == ("team-buitendienst", "")
    # and the zaak's audit trail names who did it, and why, as written
    trail = werkplek.http.request("GET", f"{zaak.url}/audittrail")
    reasons = [entry["toelichting"] for entry in trail if entry["resource"] == "rol"]
    assert "Jan is ziek, zaak naar Piet" in reasons and "Piet met verlof" in reasons
    by = {entry["gebruikersId"] for entry in trail if entry["resource"] == "rol"}
    assert by == {"coordinator"}
    assert {entry["gebruikersWeergave"] for entry in trail if entry["resource"] == "rol"} == {"Anna de Vries"}
