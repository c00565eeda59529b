"""The work lists: what each list holds, filters, sort, keyset pages, columns, saved searches, and
that no door (list, search, count, dashboard, bulk) shows a zaak of a zaaktype outside one's roles."""

from __future__ import annotations

import re
import uuid
from datetime import date, timedelta
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone

from tests.werkplek.actions_support import staff, werkplek_client, zaak
from zaakwerk.client import ZGWClient
from zaakwerk.web.roles import Role
from zaakwerk.werkplek.access import access_for
from zaakwerk.werkplek.models import RoleGrant, SavedSearch, ZaakRow
from zaakwerk.werkplek.read_model import choices, queries
from zaakwerk.werkplek.read_model.refresh import refresh_zaak
from zaakwerk.werkplek.services import assignment

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 3)


@pytest.fixture(autouse=True)
def fresh_choices() -> None:
    werkplek_client()  # the werkplek is registered, so it reads the catalogue for the filters
    choices.clear()


def row(**values: Any) -> ZaakRow:
    """A row as the read model holds it (most tests of the lists need no register behind it)."""
    key = uuid.uuid4()
    defaults: dict[str, Any] = {
        "url": f"http://testserver/zaken/api/v1/zaken/{key}",
        "uuid": key,
        "identificatie": f"ZAAK-{key.hex[:8]}",
        "omschrijving": "losse stoeptegel",
        "zaaktype_identificatie": "PARKEERVERGUNNING",
        "zaaktype_omschrijving": "Aanvraag parkeervergunning",
        "status_omschrijving": "Ontvangen",
        "startdatum": date(2026, 11, 2),
        "gewijzigd_op": timezone.now(),
        "fetched_at": timezone.now(),
    }
    defaults.update(values)
    made = ZaakRow(**defaults)
    made.zoektekst = " ".join(
        part
        for part in (made.identificatie, made.omschrijving, made.initiator, made.initiator_identificatie)
        if part
    ).lower()
    made.save()
    return made


def only_parkeren(name: str, *teams: str) -> User:
    """A behandelaar of PARKEERVERGUNNING only (a grant on a team group), in ``teams``."""
    user = staff(name, *teams)
    group = Group.objects.create(name=f"grant-{name}")
    RoleGrant.objects.create(
        group=group, role=Role.BEHANDELAAR.value, zaaktype_identificatie="PARKEERVERGUNNING"
    )
    user.groups.add(group)
    return user


def browser(user: User) -> Client:
    found = Client()
    found.force_login(user)
    return found


def identificaties(html: str) -> list[str]:
    return re.findall(r'href="/werkplek/zaken/[0-9a-f-]{36}/">([^<]+)</a>', html)


# --- what each list holds ---------------------------------------------------------------------


def test_each_list_holds_its_zaken() -> None:
    user = staff("anna", "behandelaar", "team-a")
    pool = row(identificatie="POOL", team="team-a")
    row(identificatie="OTHER-TEAM", team="team-b")
    row(identificatie="TAKEN", team="team-a", behandelaar="piet")
    mine = row(identificatie="MINE", team="team-a", behandelaar="anna")
    closed = row(identificatie="CLOSED", team="team-a", behandelaar="anna", einddatum=date(2026, 11, 20))
    client = browser(user)
    assert identificaties(client.get("/werkplek/zaken/werkvoorraad/").content.decode()) == [
        pool.identificatie
    ]
    assert identificaties(client.get("/werkplek/zaken/mijn/").content.decode()) == [mine.identificatie]
    assert identificaties(client.get("/werkplek/zaken/afgehandeld/").content.decode()) == [
        closed.identificatie
    ]
    assert len(identificaties(client.get("/werkplek/zaken/alle/").content.decode())) == 5
    assert client.get("/werkplek/zaken/onbekend/").status_code == 404


def test_a_visitor_who_is_not_logged_in_is_sent_to_the_login_page() -> None:
    answer = Client().get("/werkplek/zaken/werkvoorraad/")
    assert answer.status_code == 302 and "inloggen" in answer["Location"]


# --- every door applies the roles ----------------------------------------------------------------


def test_no_door_shows_a_zaak_of_a_zaaktype_outside_ones_roles() -> None:
    user = only_parkeren("bram", "team-a")
    seen = row(
        identificatie="PARK-1",
        omschrijving="vergunning",
        team="team-a",
        behandelaar="bram",
        uiterlijke_einddatum_afdoening=TODAY,
        behandelaar_sinds=timezone.now(),
        laatste_document_op=timezone.now(),
    )
    hidden = row(
        identificatie="MELD-1",
        omschrijving="vergunning",
        zaaktype_identificatie="MELDING-OPENBARE-RUIMTE",
        team="team-a",
        behandelaar="bram",
        uiterlijke_einddatum_afdoening=TODAY,
        behandelaar_sinds=timezone.now(),
        laatste_document_op=timezone.now(),
    )
    row(identificatie="MELD-2", zaaktype_identificatie="MELDING-OPENBARE-RUIMTE", team="team-a")
    client = browser(user)
    for path in ("werkvoorraad", "mijn", "afgehandeld", "alle"):
        html = client.get(f"/werkplek/zaken/{path}/?tekst=vergunning").content.decode()
        assert "MELD-" not in html
    # the count says one zaak, not two
    html = client.get("/werkplek/zaken/alle/?tekst=vergunning").content.decode()
    assert "1 zaak." in html
    # filtering on the zaaktype one has no role on finds nothing (and is not offered)
    html = client.get("/werkplek/zaken/alle/?zaaktype=MELDING-OPENBARE-RUIMTE").content.decode()
    assert "MELD-" not in html
    # the dashboard's cards
    html = client.get("/werkplek/").content.decode()
    assert seen.identificatie in html and hidden.identificatie not in html
    # and the queries themselves
    access_rows = queries.visible(access_for(user))
    assert set(access_rows.values_list("identificatie", flat=True)) == {"PARK-1"}


def test_a_user_without_a_role_sees_no_zaken() -> None:
    row(identificatie="PARK-1")
    client = browser(staff("niemand"))
    html = client.get("/werkplek/zaken/alle/").content.decode()
    assert identificaties(html) == [] and "0 zaken." in html


# --- filters, search, sort, columns, pages -------------------------------------------------------


def test_filters_each_narrow_the_list() -> None:
    client = browser(staff("coord", "coördinator"))
    row(identificatie="A", status_omschrijving="Ontvangen", team="team-a", startdatum=date(2026, 1, 5))
    row(
        identificatie="B",
        status_omschrijving="In behandeling",
        team="team-b",
        behandelaar="piet",
        startdatum=date(2026, 6, 1),
        einddatum_gepland=date(2026, 11, 1),
    )
    row(
        identificatie="C",
        zaaktype_identificatie="BEZWAAR",
        zaaktype_omschrijving="Bezwaar",
        uiterlijke_einddatum_afdoening=date(2026, 12, 24),
        initiator="Jan Jansen",
        initiator_identificatie="111222333",
    )
    cases = {
        "status=In+behandeling": ["B"],
        "team=team-a": ["A"],
        "team=-": ["C"],
        "behandelaar=piet": ["B"],
        "behandelaar=-": ["A", "C"],
        "zaaktype=BEZWAAR": ["C"],
        "start_van=2026-02-01&start_tot=2026-07-01": ["B"],
        "fataal_van=2026-12-20": ["C"],
        "te_laat=on": ["B"],
        "tekst=jansen": ["C"],
        "tekst=1112": ["C"],
        "tekst=b": ["B"],
    }
    for query, expected in cases.items():
        html = client.get(f"/werkplek/zaken/alle/?{query}&sorteer=identificatie").content.decode()
        assert identificaties(html) == expected, query


def test_a_date_range_the_wrong_way_round_is_said_on_the_page() -> None:
    client = browser(staff("coord", "coördinator"))
    html = client.get("/werkplek/zaken/alle/?start_van=2026-05-01&start_tot=2026-01-01").content.decode()
    assert "Deze datum ligt voor de datum" in html


def test_sort_both_ways_and_keyset_pages_cover_every_row_once() -> None:
    client = browser(staff("coord", "coördinator"))
    made = [
        row(
            identificatie=f"Z{index:02}",
            startdatum=date(2026, 1, 1) + timedelta(days=index % 4),
            einddatum_gepland=None if index % 3 == 0 else date(2026, 2, 1) + timedelta(days=index % 5),
        )
        for index in range(23)
    ]
    for sort in ("startdatum", "-startdatum", "streefdatum", "-streefdatum", "identificatie"):
        seen: list[str] = []
        url = f"/werkplek/zaken/alle/?sorteer={sort}&per_pagina=10"
        pages: list[str] = []
        while url:
            html = client.get(url).content.decode()
            seen += identificaties(html)
            pages.append(url)
            found = re.search(r'rel="next" href="([^"]+)"', html)
            url = "/werkplek/zaken/alle/" + found[1].replace("&amp;", "&") if found else ""
        assert sorted(seen) == sorted(item.identificatie for item in made), sort
        assert len(pages) == 3
        # and back from the last page: the previous page is the second one again
        html = client.get(pages[-1]).content.decode()
        back = re.search(r'rel="prev" href="([^"]+)"', html)
        assert back is not None
        second = identificaties(
            client.get("/werkplek/zaken/alle/" + back[1].replace("&amp;", "&")).content.decode()
        )
        assert second == identificaties(client.get(pages[1]).content.decode())
    # sorted by startdatum going up: the dates do not go down
    rows = queries.page(ZaakRow.objects.all(), queries.Sort("startdatum", False), size=50).rows
    days = [item.startdatum or date.min for item in rows]
    assert days == sorted(days)


def test_a_cursor_that_is_not_one_shows_the_first_page() -> None:
    client = browser(staff("coord", "coördinator"))
    row(identificatie="A")
    for bad in ("xyz", "W10", "WyJhIiwgImIiXQ"):
        answer = client.get(f"/werkplek/zaken/alle/?na={bad}&sorteer=startdatum")
        assert answer.status_code == 200 and identificaties(answer.content.decode()) == ["A"]


def test_chosen_columns_and_page_size() -> None:
    client = browser(staff("coord", "coördinator"))
    for index in range(12):
        row(identificatie=f"Z{index:02}", initiator="Jan Jansen")
    html = client.get(
        "/werkplek/zaken/alle/?kolommen=identificatie&kolommen=initiator&per_pagina=10"
    ).content.decode()
    headers = re.findall(r'scope="col"[^>]*>\s*(?:<a[^>]*>)?([^<]+)', html)
    assert [header.strip() for header in headers] == ["Kiezen", "Zaak", "Initiator"]
    assert "Jan Jansen" in html
    assert len(identificaties(html)) == 10


def test_counts_stop_at_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(queries, "COUNT_LIMIT", 3)
    for _ in range(5):
        row()
    found = queries.page(ZaakRow.objects.all(), queries.Sort("startdatum", True), size=2)
    assert found.more and found.count == 3


# --- saved searches -------------------------------------------------------------------------------


def test_a_saved_search_is_the_users_own() -> None:
    user = staff("coord", "coördinator")
    client = browser(user)
    answer = client.post(
        "/werkplek/zaken/alle/zoekopdracht/", {"naam": "Bezwaren", "zoekopdracht": "zaaktype=BEZWAAR&na=abc"}
    )
    assert answer.status_code == 302 and "zaaktype=BEZWAAR" in answer["Location"]
    saved = SavedSearch.objects.get(user=user)
    assert saved.query == "zaaktype=BEZWAAR" and saved.lijst == "alle"
    assert "Bezwaren" in client.get("/werkplek/zaken/alle/").content.decode()
    # someone else neither sees nor removes it
    other = browser(staff("ander", "coördinator"))
    assert "Bezwaren" not in other.get("/werkplek/zaken/alle/").content.decode()
    assert other.post(f"/werkplek/zoekopdrachten/{saved.pk}/verwijderen/").status_code == 404
    # a search without a name is refused with a message, nothing saved
    client.post("/werkplek/zaken/alle/zoekopdracht/", {"naam": "", "zoekopdracht": "team=x"})
    assert SavedSearch.objects.count() == 1
    assert client.post(f"/werkplek/zoekopdrachten/{saved.pk}/verwijderen/").status_code == 302
    assert not SavedSearch.objects.exists()


# --- bulk toekennen and vrijgeven -----------------------------------------------------------------


@pytest.fixture
def client() -> ZGWClient:
    return werkplek_client()


def test_a_coordinator_assigns_many_zaken_with_a_reason_in_each_audit_trail(client: ZGWClient) -> None:
    Group.objects.get_or_create(name="team-parkeren")
    made = [zaak(client) for _ in range(2)]
    for item in made:
        refresh_zaak(client, item.url)
    coordinator = staff("coord", "coördinator")
    web = browser(coordinator)
    answer = web.post(
        "/werkplek/zaken/toekennen/",
        {
            "zaak": [item.uuid for item in made],
            "wat": "team",
            "team": "team-parkeren",
            "toelichting": "Verdeling maandag",
            "terug": "/werkplek/zaken/alle/",
        },
    )
    assert answer.status_code == 302 and answer["Location"] == "/werkplek/zaken/alle/"
    for item in made:
        assert assignment.assignment_of(client, item.url).team_name == "team-parkeren"
        trail = client.zaken.audittrail(item.url)
        assert "Verdeling maandag" in [line.toelichting for line in trail]
        assert ZaakRow.objects.get(url=item.url).team == "team-parkeren"  # the list shows it at once
    # to a behandelaar, then released again
    staff("piet", "behandelaar")
    web.post(
        "/werkplek/zaken/toekennen/",
        {"zaak": [made[0].uuid], "wat": "medewerker", "medewerker": "piet", "toelichting": "Voor Piet"},
    )
    assert ZaakRow.objects.get(url=made[0].url).behandelaar == "piet"
    web.post(
        "/werkplek/zaken/toekennen/",
        {"zaak": [made[0].uuid], "wat": "vrijgeven", "toelichting": "Piet is ziek"},
    )
    assert ZaakRow.objects.get(url=made[0].url).behandelaar == ""


def test_bulk_refuses_bad_input_and_changes_nothing(client: ZGWClient) -> None:
    found = zaak(client)
    refresh_zaak(client, found.url)
    web = browser(staff("coord", "coördinator"))
    for data in (
        {"wat": "team", "team": "team-parkeren", "toelichting": "x"},  # no zaak chosen
        {"zaak": [found.uuid], "wat": "team", "team": "", "toelichting": "x"},  # no team
        {"zaak": [found.uuid], "wat": "team", "team": "team-parkeren", "toelichting": ""},  # no reason
    ):
        Group.objects.get_or_create(name="team-parkeren")
        answer = web.post("/werkplek/zaken/toekennen/", data, follow=True)
        assert "er is niets veranderd" in answer.content.decode().lower()
    assert assignment.assignment_of(client, found.url).team is None


def test_bulk_is_the_coordinators_and_only_on_zaken_they_may_see(client: ZGWClient) -> None:
    Group.objects.get_or_create(name="team-parkeren")
    melding = zaak(client, "MELDING-OPENBARE-RUIMTE")
    refresh_zaak(client, melding.url)
    # a behandelaar has no bulk form and may not post it
    assert (
        browser(staff("beh", "behandelaar"))
        .post(
            "/werkplek/zaken/toekennen/",
            {"zaak": [melding.uuid], "wat": "team", "team": "team-parkeren", "toelichting": "x"},
        )
        .status_code
        == 404
    )
    # a coördinator of PARKEERVERGUNNING only cannot reach a melding through it
    user = staff("coord-park")
    group = Group.objects.create(name="grant-coord")
    RoleGrant.objects.create(
        group=group, role=Role.COORDINATOR.value, zaaktype_identificatie="PARKEERVERGUNNING"
    )
    user.groups.add(group)
    answer = browser(user).post(
        "/werkplek/zaken/toekennen/",
        {"zaak": [melding.uuid], "wat": "team", "team": "team-parkeren", "toelichting": "x"},
        follow=True,
    )
    assert "bestaat niet of u mag haar niet zien" in answer.content.decode()
    assert assignment.assignment_of(client, melding.url).team is None


def test_the_start_pages_cards() -> None:
    from zaakwerk.werkplek.services.dashboard import dashboard

    user = staff("anna", "behandelaar", "team-a")
    now = timezone.now()
    today = timezone.localdate()
    recent = row(identificatie="RECENT", behandelaar="anna", behandelaar_sinds=now - timedelta(days=1))
    row(identificatie="OLD", behandelaar="anna", behandelaar_sinds=now - timedelta(days=30))
    soon = row(
        identificatie="SOON", behandelaar="anna", uiterlijke_einddatum_afdoening=today + timedelta(days=3)
    )
    late = row(identificatie="LATE", behandelaar="anna", einddatum_gepland=today - timedelta(days=2))
    row(identificatie="LATER", behandelaar="anna", uiterlijke_einddatum_afdoening=today + timedelta(days=30))
    document = row(identificatie="DOC", behandelaar="anna", laatste_document_op=now - timedelta(hours=2))
    row(identificatie="DOC-OLD", behandelaar="anna", laatste_document_op=now - timedelta(days=20))
    row(identificatie="CLOSED", behandelaar="anna", einddatum=today, laatste_document_op=now)
    row(identificatie="PIET", behandelaar="piet", laatste_document_op=now)
    cards = dashboard(user, access_for(user), teams=["team-a"], today=today, now=now)
    assert cards.mijn_zaken.count == 7
    assert [item.identificatie for item in cards.recent_toegekend.rows] == [recent.identificatie]
    assert {item.identificatie for item in cards.bijna_te_laat.rows} == {
        soon.identificatie,
        late.identificatie,
    }
    assert [item.identificatie for item in cards.nieuwe_documenten.rows] == [document.identificatie]
    html = browser(user).get("/werkplek/").content.decode()
    assert "Recent aan mij toegekend" in html and "RECENT" in html and "PIET" not in html


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_lists_dates_read_as_djangos_date_format(language: str) -> None:
    """The lists format their dates without Django's format lookups; what they show is the same."""
    from datetime import UTC, datetime

    from django.utils import translation
    from django.utils.formats import date_format

    from zaakwerk.werkplek.views.lijsten import _day, _moment

    with translation.override(language):
        for month in range(1, 13):
            day = date(2026, month, 1 + month * 2)
            moment = datetime(2026, month, 28, 23, 5, tzinfo=UTC)  # another day in Amsterdam
            assert _day(day) == date_format(day, "j M Y")
            assert _moment(moment) == date_format(timezone.localtime(moment), "j M Y H:i")
    assert _day(None) == _moment(None) == ""


def test_the_lists_select_box_is_djangos_select_to_the_character() -> None:
    from django import forms

    from zaakwerk.web.widgets import ListSelect

    choices = [("", "(alle)"), ("a&b", 'Team "A" & <B>'), ("c", "Café"), (3, "drie")]
    attrs = {"class": "utrecht-select", "aria-describedby": "x-error", "required": True, "disabled": False}
    for value in ("", "a&b", "3", None):
        plain = forms.Select(choices=choices).render("team", value, attrs=attrs)
        ours = ListSelect(choices=choices).render("team", value, attrs=attrs)
        assert ours == plain
    grouped = [("Groep <1>", [("x", "X")]), ("y", "Y")]
    assert ListSelect(choices=grouped).render("g", "x") == forms.Select(choices=grouped).render("g", "x")
