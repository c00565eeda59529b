"""The reports' figures on a read model with known zaken: counts per week, the werkvoorraad over
time, median and 90th percentile against the norm, overdue counts, open tasks, and the roles."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import Group

from tests.rapportages.reference import percentile_cont
from tests.rapportages.support import MELDING, PARKEREN, row, task
from tests.werkplek.actions_support import staff
from zaakwerk.rapportages.services.figures import Report, Selection, report
from zaakwerk.rapportages.services.norms import Norm
from zaakwerk.web.roles import Role
from zaakwerk.werkplek.access import Access, access_for
from zaakwerk.werkplek.models import RoleGrant, Task

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 3)  # a Thursday
NORMS = {PARKEREN: Norm(PARKEREN, "Aanvraag parkeervergunning", 14, 10)}
EVERYWHERE = Access(frozenset({Role.COORDINATOR}))
ONLY_PARKEREN = Access(per_zaaktype={PARKEREN: frozenset({Role.BEHANDELAAR})})
PERIOD = Selection.of(date(2026, 11, 18), TODAY, today=TODAY)  # weeks of 16, 23 and 30 November
W16, W23, W30 = date(2026, 11, 16), date(2026, 11, 23), date(2026, 11, 30)


@pytest.fixture
def known() -> None:
    """Seven zaken of parkeren (team A) and two meldingen (team B)."""
    row(
        startdatum=date(2026, 11, 2),
        einddatum=date(2026, 11, 18),
        uiterlijke_einddatum_afdoening=date(2026, 11, 30),
    )
    row(
        startdatum=date(2026, 11, 10),
        einddatum=date(2026, 11, 25),
        uiterlijke_einddatum_afdoening=date(2026, 11, 20),
    )
    row(
        startdatum=date(2026, 11, 17),
        einddatum=date(2026, 11, 26),
        uiterlijke_einddatum_afdoening=date(2026, 12, 10),
    )
    overdue = row(
        startdatum=date(2026, 11, 18),
        status_omschrijving="In behandeling",
        uiterlijke_einddatum_afdoening=date(2026, 12, 1),
    )
    row(startdatum=date(2026, 11, 24), uiterlijke_einddatum_afdoening=date(2026, 12, 20))
    row(startdatum=date(2026, 12, 1))
    row(
        startdatum=date(2026, 11, 3),
        einddatum=date(2026, 12, 2),
        uiterlijke_einddatum_afdoening=date(2026, 12, 1),
    )
    melding = row(
        zaaktype_identificatie=MELDING,
        zaaktype_omschrijving="Melding",
        team="team-b",
        startdatum=date(2026, 11, 16),
        einddatum=date(2026, 11, 19),
    )
    row(
        zaaktype_identificatie=MELDING,
        zaaktype_omschrijving="Melding",
        team="team-b",
        startdatum=date(2026, 11, 20),
    )
    task(overdue, Task.Kind.ADVIES, due=date(2026, 12, 1))
    task(overdue, Task.Kind.GOEDKEUREN, due=date(2026, 12, 10))
    task(overdue, Task.Kind.ADVIES, due=date(2026, 11, 1), state=Task.State.AFGEROND)
    task(melding, Task.Kind.ADVIES, due=date(2026, 11, 1), team="team-b")


def weeks(found: Report, name: str) -> list[object]:
    return [getattr(week, name) for week in found.weeks]


def test_a_period_is_whole_weeks_and_ends_today() -> None:
    assert (PERIOD.van, PERIOD.tot) == (W16, TODAY)
    assert PERIOD.weeks == [W16, W23, W30]
    assert (
        Selection.default(TODAY).weeks[0] == date(2026, 9, 14) and len(Selection.default(TODAY).weeks) == 12
    )


@pytest.mark.usefixtures("known")
def test_instroom_uitstroom_and_werkvoorraad_per_week() -> None:
    found = report(ONLY_PARKEREN, PERIOD, NORMS, today=TODAY)
    assert [week.start for week in found.weeks] == [W16, W23, W30]
    assert weeks(found, "instroom") == [2, 1, 1]
    assert weeks(found, "uitstroom") == [1, 2, 1]
    # open at the end of each week (the last one: today)
    assert weeks(found, "werkvoorraad") == [4, 3, 3]


@pytest.mark.usefixtures("known")
def test_the_werkvoorraad_of_an_earlier_period_counts_what_happened_since() -> None:
    found = report(ONLY_PARKEREN, Selection.of(W16, date(2026, 11, 22), today=TODAY), NORMS, today=TODAY)
    assert weeks(found, "werkvoorraad") == [4]
    assert weeks(found, "instroom") == [2]


@pytest.mark.usefixtures("known")
def test_doorlooptijd_median_and_p90_against_the_norm() -> None:
    found = report(ONLY_PARKEREN, PERIOD, NORMS, today=TODAY)
    [parkeren] = found.doorlooptijden
    # afgehandeld in the period after 16, 15, 9 and 29 days
    assert (parkeren.afgehandeld, parkeren.mediaan) == (4, 15.5)
    assert parkeren.p90 == pytest.approx(25.1)
    assert (parkeren.norm, parkeren.servicenorm) == (14, 10)
    assert parkeren.boven_norm == 3  # longer than 14 days
    assert parkeren.te_laat == 2  # after the uiterlijke einddatum afdoening
    assert weeks(found, "mediaan") == [16, 12, 29]
    assert weeks(found, "p90") == pytest.approx([16, 14.4, 29])


@pytest.mark.usefixtures("known")
def test_termijnoverschrijdingen_and_zaken_per_status() -> None:
    found = report(ONLY_PARKEREN, PERIOD, NORMS, today=TODAY)
    assert weeks(found, "te_laat") == [0, 1, 1]
    assert [(item.status, item.open, item.te_laat) for item in found.statussen] == [
        ("Ontvangen", 2, 0),
        ("In behandeling", 1, 1),
    ]
    assert (found.open, found.open_te_laat) == (3, 1)


@pytest.mark.usefixtures("known")
def test_open_tasks_per_kind() -> None:
    found = report(ONLY_PARKEREN, PERIOD, NORMS, today=TODAY)
    assert [(item.kind, item.open, item.te_laat) for item in found.taken] == [
        ("Advies", 1, 1),
        ("Goedkeuren", 1, 0),
    ]
    everything = report(EVERYWHERE, PERIOD, NORMS, today=TODAY)
    assert [(item.kind, item.open, item.te_laat) for item in everything.taken] == [
        ("Advies", 2, 2),
        ("Goedkeuren", 1, 0),
    ]


@pytest.mark.usefixtures("known")
def test_zaaktype_and_team_filters() -> None:
    everything = report(EVERYWHERE, PERIOD, NORMS, today=TODAY)
    assert weeks(everything, "instroom") == [4, 1, 1]
    meldingen = report(
        EVERYWHERE, Selection.of(W16, TODAY, today=TODAY, zaaktype=MELDING), NORMS, today=TODAY
    )
    assert weeks(meldingen, "instroom") == [2, 0, 0]
    assert [(item.zaaktype, item.mediaan, item.norm) for item in meldingen.doorlooptijden] == [
        (MELDING, 3, None)
    ]
    team_b = report(EVERYWHERE, Selection.of(W16, TODAY, today=TODAY, team="team-b"), NORMS, today=TODAY)
    assert weeks(team_b, "instroom") == [2, 0, 0]
    assert [(item.kind, item.open) for item in team_b.taken] == [("Advies", 1)]


@pytest.mark.usefixtures("known")
def test_a_user_counts_only_the_zaaktypen_of_their_roles() -> None:
    # given a behandelaar of parkeren only (a grant), a coördinator of every zaaktype, and a
    # user in a team without any role
    parkeren = staff("bram", "team-a")
    grant = Group.objects.create(name="grant-bram")
    RoleGrant.objects.create(group=grant, role=Role.BEHANDELAAR.value, zaaktype_identificatie=PARKEREN)
    parkeren.groups.add(grant)
    coordinator = staff("cora", Role.COORDINATOR.value)
    nobody = staff("nina", "team-a")
    # then
    assert weeks(report(access_for(parkeren), PERIOD, NORMS, today=TODAY), "instroom") == [2, 1, 1]
    assert weeks(report(access_for(coordinator), PERIOD, NORMS, today=TODAY), "instroom") == [4, 1, 1]
    found = report(
        access_for(parkeren), Selection.of(W16, TODAY, today=TODAY, zaaktype=MELDING), NORMS, today=TODAY
    )
    assert weeks(found, "instroom") == [0, 0, 0] and found.taken == [] and found.doorlooptijden == []
    assert not access_for(nobody).any_role


@pytest.mark.parametrize(
    ("values", "fraction", "expected"),
    [
        ([], 0.5, None),
        ([7], 0.9, 7),
        ([1, 2], 0.5, 1.5),
        ([9, 15, 16, 29], 0.5, 15.5),
        ([9, 15, 16, 29], 0.9, 25.1),
        ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9.1),
        ([1, 2, 3], 1.0, 3),
        ([1, 2, 3], 0.0, 1),
    ],
)
def test_percentile_cont_as_postgresql_computes_it(
    values: list[int], fraction: float, expected: float | None
) -> None:
    assert percentile_cont(values, fraction) == (pytest.approx(expected) if expected is not None else None)
