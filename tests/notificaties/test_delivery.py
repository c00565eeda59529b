"""Rule functions of delivery: back-off bounds, circuit transitions, filters, the CloudEvent."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from tests.notificaties.reliability.helpers import zaak_url
from zaakwerk.notificaties.delivery.backoff import retry_delay
from zaakwerk.notificaties.delivery.circuit import (
    Circuit,
    CircuitState,
    after_failure,
    after_success,
    state_of,
)
from zaakwerk.notificaties.delivery.cloudevents import CONTENT_TYPE, event_type, to_cloudevent
from zaakwerk.notificaties.delivery.metrics import percentile
from zaakwerk.notificaties.delivery.queue import matches

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("attempts", "low", "high"),
    [
        (1, 1.0, 2.0),
        (2, 2.0, 4.0),
        (3, 4.0, 8.0),
        (6, 32.0, 64.0),
        (7, 50.0, 100.0),  # capped at 100
        (500, 50.0, 100.0),  # a runaway count stays at the cap
    ],
)
def test_retry_delay_doubles_within_jitter_bounds(attempts: int, low: float, high: float) -> None:
    rng = random.Random(attempts)
    delays = [retry_delay(attempts, base=2.0, cap=100.0, rng=rng) for _ in range(200)]
    assert all(low <= d <= high for d in delays)
    # jitter: subscribers that failed together do not retry at one moment
    assert len({round(d, 6) for d in delays}) > 100


def test_retry_delay_counts_failures_from_one() -> None:
    with pytest.raises(ValueError):
        retry_delay(0, base=1.0, cap=10.0)


def test_circuit_opens_after_threshold_then_half_opens_and_closes() -> None:
    # given a closed circuit and a threshold of 3
    circuit = Circuit()
    for _ in range(2):
        circuit = after_failure(circuit, now=NOW, threshold=3, cooldown=60)
    assert state_of(circuit, now=NOW, threshold=3) is CircuitState.closed
    # when the third failure comes in, the circuit opens for the cool-down
    circuit = after_failure(circuit, now=NOW, threshold=3, cooldown=60)
    assert circuit.open_until == NOW + timedelta(seconds=60)
    assert state_of(circuit, now=NOW + timedelta(seconds=59), threshold=3) is CircuitState.open
    # then after the cool-down it is half-open (one probe)
    later = NOW + timedelta(seconds=61)
    assert state_of(circuit, now=later, threshold=3) is CircuitState.half_open
    # a failed probe opens it again for a full cool-down
    reopened = after_failure(circuit, now=later, threshold=3, cooldown=60)
    assert state_of(reopened, now=later + timedelta(seconds=59), threshold=3) is CircuitState.open
    # a successful probe closes it
    assert state_of(after_success(reopened), now=later, threshold=3) is CircuitState.closed


MESSAGE = {
    "kanaal": "zaken",
    "hoofdObject": zaak_url(1),
    "resource": "zaak",
    "resourceUrl": zaak_url(1),
    "actie": "create",
    "aanmaakdatum": "2024-05-01T12:00:00Z",
    "kenmerken": {"bronorganisatie": "517439943", "vertrouwelijkheidaanduiding": "openbaar"},
}


@pytest.mark.parametrize(
    ("filters", "admitted"),
    [
        ({}, True),
        ({"bronorganisatie": "*"}, True),
        ({"bronorganisatie": "517439943"}, True),
        ({"bronorganisatie": "000000000"}, False),
        ({"zaaktype": "https://example.com/zt/1"}, False),  # a kenmerk the message lacks
        ({"#type": "nl.overheid.zaken.zaak-aangemaakt"}, True),
        ({"#type": "nl.overheid.zaken.zaak-verwijderd"}, False),
        ({"#type": "nl.overheid.zaken.zaak-aangemaakt", "bronorganisatie": "000000000"}, False),
    ],
)
def test_filters(filters: dict[str, str], admitted: bool) -> None:
    assert matches(filters, MESSAGE) is admitted


@pytest.mark.parametrize(
    ("resource", "actie", "expected"),
    [
        ("zaak", "create", "nl.overheid.zaken.zaak-aangemaakt"),
        ("status", "create", "nl.overheid.zaken.status-aangemaakt"),
        ("zaak", "partial_update", "nl.overheid.zaken.zaak-gewijzigd"),
        ("zaak", "destroy", "nl.overheid.zaken.zaak-verwijderd"),
        ("zaak", "opschorten", "nl.overheid.zaken.zaak-opschorten"),
    ],
)
def test_event_type(resource: str, actie: str, expected: str) -> None:
    assert event_type({**MESSAGE, "resource": resource, "actie": actie}) == expected


def test_cloudevent_wraps_the_message() -> None:
    event = to_cloudevent(MESSAGE, notificatie_id=7, default_source="http://testserver")
    assert event == {
        "specversion": "1.0",
        "id": event["id"],
        "source": "http://testserver/zaken/api/v1",
        "type": "nl.overheid.zaken.zaak-aangemaakt",
        "subject": "00000000-0000-0000-0000-000000000001",
        "time": "2024-05-01T12:00:00Z",
        "datacontenttype": "application/json",
        "dataref": zaak_url(1),
        "data": MESSAGE,
    }
    # the same notificatie keeps its id on every retry; another one gets another id
    assert to_cloudevent(MESSAGE, notificatie_id=7, default_source="http://testserver")["id"] == event["id"]
    assert to_cloudevent(MESSAGE, notificatie_id=8, default_source="http://testserver")["id"] != event["id"]
    assert CONTENT_TYPE == "application/cloudevents+json"


@pytest.mark.parametrize(
    ("values", "fraction", "expected"),
    [
        ([], 0.5, None),
        ([3.0], 0.95, 3.0),
        ([1.0, 2.0, 3.0, 4.0], 0.5, 2.0),
        ([float(i) for i in range(1, 101)], 0.95, 95.0),
    ],
)
def test_percentile_nearest_rank(values: list[float], fraction: float, expected: float | None) -> None:
    assert percentile(values, fraction) == expected
