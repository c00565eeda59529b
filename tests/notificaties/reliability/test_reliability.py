"""Nothing lost, nothing out of order: real worker processes, real PostgreSQL, real subscribers
on loopback. Each scenario takes a few seconds."""

from __future__ import annotations

import signal
import time
from typing import Any

import pytest
from django.db import transaction

from tests.notificaties.reliability.conftest import StartWorker, wait_for
from tests.notificaties.reliability.helpers import (
    abonnement,
    change,
    commit_change,
    running_subscriber,
    status_url,
    zaak_url,
)
from zaakwerk.core.actor import Actor
from zaakwerk.core.changes import record_change
from zaakwerk.notificaties.models import Delivery, DeliveryState

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def commit_changes(objects: int, per_object: int) -> list[tuple[str, str]]:
    """Commit ``per_object`` numbered changes to each of ``objects`` zaken, interleaved; return
    (hoofdObject, resourceUrl) in commit order."""
    committed = []
    seq = 0
    for _ in range(per_object):
        for number in range(objects):
            seq += 1
            commit_change(number, seq=seq)
            committed.append((zaak_url(number), status_url(seq)))
    return committed


def first_arrivals(bodies: list[Any]) -> list[tuple[str, str]]:
    """Messages in the order they first arrived (at-least-once: a repeat is allowed)."""
    seen: dict[tuple[str, str], None] = {}
    for body in bodies:
        seen.setdefault((body["hoofdObject"], body["resourceUrl"]), None)
    return list(seen)


def per_object(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    for hoofd_object, resource_url in pairs:
        result.setdefault(hoofd_object, []).append(resource_url)
    return result


def delivered() -> int:
    return Delivery.objects.filter(state=DeliveryState.delivered).count()


def test_sigkill_of_a_worker_mid_deliveries_loses_nothing(start_worker: StartWorker) -> None:
    with running_subscriber(delay=0.02) as subscriber:
        # given two workers delivering 150 changes to a slowish subscriber
        abonnement(subscriber.url)
        first = start_worker()
        start_worker()
        committed = commit_changes(objects=10, per_object=15)
        # when one worker is killed outright halfway
        wait_for(lambda: len(subscriber.received) >= 40, timeout=30, what="the first deliveries")
        first.send_signal(signal.SIGKILL)
        first.wait()
        # then the other one delivers everything, each object's messages in order
        wait_for(lambda: delivered() == len(committed), timeout=30, what="every delivery")
        arrivals = first_arrivals(subscriber.bodies())
        assert sorted(arrivals) == sorted(committed)
        assert per_object(arrivals) == per_object(committed)


def test_a_subscriber_down_for_a_while_receives_everything_in_order(start_worker: StartWorker) -> None:
    with running_subscriber(down=True) as subscriber:
        # given a subscriber that is down while changes are committed
        abonnement(subscriber.url)
        start_worker()
        committed = commit_changes(objects=5, per_object=8)
        wait_for(lambda: Delivery.objects.filter(attempts__gt=0).exists(), timeout=15, what="failed attempts")
        time.sleep(1.5)  # a few failures: back-off and an open circuit
        assert delivered() == 0
        # when it comes back
        subscriber.down = False
        # then it receives every message, per object in commit order
        wait_for(lambda: delivered() == len(committed), timeout=30, what="every delivery")
        arrivals = first_arrivals(subscriber.bodies())
        assert sorted(arrivals) == sorted(committed)
        assert per_object(arrivals) == per_object(committed)


def test_a_rolled_back_change_yields_no_notification(start_worker: StartWorker) -> None:
    with running_subscriber() as subscriber:
        abonnement(subscriber.url)
        start_worker()
        # given a change that fails after recording its notification, then one that commits
        with pytest.raises(RuntimeError), transaction.atomic():
            record_change(change(1, seq=1), Actor.system())
            raise RuntimeError("rolled back")
        commit_change(2, seq=2)
        # when the committed one has been delivered
        wait_for(lambda: delivered() == 1, timeout=15, what="the committed change")
        time.sleep(0.5)
        # then the rolled back one never arrived
        assert [b["resourceUrl"] for b in subscriber.bodies()] == [status_url(2)]


def test_a_dead_subscriber_does_not_delay_a_healthy_one(start_worker: StartWorker) -> None:
    with running_subscriber(delay=5) as hanging, running_subscriber() as healthy:
        # given a subscriber that never answers in time (1 s timeout) and a healthy one
        abonnement(hanging.url)
        abonnement(healthy.url)
        start_worker()
        # when 40 changes are committed
        committed = commit_changes(objects=40, per_object=1)
        # then the healthy subscriber gets all of them while the hanging one has had at most a
        # few attempts (sequentially, 40 timeouts would take 40 s)
        wait_for(lambda: len(healthy.received) >= len(committed), timeout=15, what="the healthy subscriber")
        assert sorted(first_arrivals(healthy.bodies())) == sorted(committed)
        assert Delivery.objects.filter(abonnement__callback_url=hanging.url, state="delivered").count() == 0
