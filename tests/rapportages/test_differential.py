"""The report computed from histograms of the doorlooptijd (docs/adr/0099) against the report as
it was computed before (``reference``: ``PERCENTILE_CONT`` per group on PostgreSQL, every duration
in Python on SQLite), on the same random read model, for every kind of selection. Run with
``DATABASE_URL`` set to compare on PostgreSQL as well."""

from __future__ import annotations

import random
from dataclasses import asdict
from datetime import date, timedelta
from typing import Any

import pytest

from tests.rapportages import reference
from tests.rapportages.support import MELDING, PARKEREN, row, task
from zaakwerk.rapportages.services.figures import Selection, report
from zaakwerk.rapportages.services.histogram import Histogram
from zaakwerk.rapportages.services.norms import Norm
from zaakwerk.web.roles import Role
from zaakwerk.werkplek.access import Access
from zaakwerk.werkplek.models import Task

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 3)
BEZWAAR = "BEZWAAR"
NORMS = {
    PARKEREN: Norm(PARKEREN, "Aanvraag parkeervergunning", 14, 10),
    MELDING: Norm(MELDING, "Melding openbare ruimte", 30, None),
}
EVERYWHERE = Access(frozenset({Role.COORDINATOR}))


@pytest.fixture
def random_read_model() -> None:
    rng = random.Random(99)
    for _ in range(700):
        start = TODAY - timedelta(days=rng.randrange(0, 500))
        end: date | None = start + timedelta(days=int(rng.triangular(0, 90, 12)))
        if end is not None and (end > TODAY or rng.random() < 0.1):
            end = None
        zaak = row(
            zaaktype_identificatie=rng.choice([PARKEREN, PARKEREN, MELDING, BEZWAAR]),
            team=rng.choice(["team-a", "team-b"]),
            # now and then a row without a startdatum (a zaak the read model could not read whole)
            startdatum=None if rng.random() < 0.02 else start,
            einddatum=end,
            uiterlijke_einddatum_afdoening=rng.choice([None, start + timedelta(days=rng.randrange(5, 60))]),
            status_omschrijving="Afgehandeld" if end else rng.choice(["Ontvangen", "In behandeling"]),
        )
        if end is None and rng.random() < 0.2:
            task(zaak, Task.Kind.ADVIES, due=TODAY + timedelta(days=rng.randrange(-10, 10)))


def _plain(value: Any) -> Any:
    """A report as plain data, floats approximate (the interpolation may round differently)."""
    if isinstance(value, float):
        return pytest.approx(value, abs=1e-9)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


SELECTIONS = {
    "12 weeks": Selection.default(TODAY),
    "52 weeks": Selection.of(TODAY - timedelta(weeks=51), TODAY, today=TODAY),
    "104 weeks": Selection.of(TODAY - timedelta(weeks=103), TODAY, today=TODAY),
    "an earlier period": Selection.of(date(2026, 3, 2), date(2026, 6, 28), today=TODAY),
    "one zaaktype": Selection.of(TODAY - timedelta(weeks=25), TODAY, today=TODAY, zaaktype=PARKEREN),
    "one team": Selection.of(TODAY - timedelta(weeks=25), TODAY, today=TODAY, team="team-b"),
}


@pytest.mark.usefixtures("random_read_model")
@pytest.mark.parametrize("name", list(SELECTIONS))
def test_the_optimised_report_equals_the_reference(name: str) -> None:
    selection = SELECTIONS[name]
    for access in (EVERYWHERE, Access(per_zaaktype={MELDING: frozenset({Role.BEHANDELAAR})})):
        found = report(access, selection, NORMS, today=TODAY)
        expected = reference.report(access, selection, NORMS, today=TODAY)
        if access is EVERYWHERE:
            assert found.doorlooptijden, "the period holds afgehandelde zaken"
        assert asdict(found) == _plain(asdict(expected))


@pytest.mark.parametrize(
    "values",
    [[7], [1, 2], [9, 15, 16, 29], [3, 3, 3, 8], [0, 0, 1, 1, 1, 5, 40, 40], list(range(1, 101))],
)
@pytest.mark.parametrize("fraction", [0.0, 0.1, 0.5, 0.9, 1.0])
def test_a_histograms_percentile_is_percentile_cont(values: list[int], fraction: float) -> None:
    histogram = Histogram()
    for value in values:
        histogram.add(value, 1, 0)
    assert histogram.percentile(fraction) == pytest.approx(
        reference.percentile_cont(sorted(values), fraction)
    )
    assert Histogram().percentile(fraction) is None
