"""The worker: delivers what registers commit, retries with back-off, dead-letters, keeps order,
respects leases and circuits. One synchronous step at a time (``run_once``), no network."""

from __future__ import annotations

from datetime import timedelta

import httpx
import orjson
import pytest
from django.utils import timezone

from tests.notificaties.reliability.helpers import (
    Recorder,
    abonnement,
    commit_change,
    mock_client,
    zaak_url,
)
from tests.zaken.factories import zaaktype
from tests.zgw import ZGWClient
from zaakwerk.core.models import OutboxMessage
from zaakwerk.notificaties.delivery.claim import claim
from zaakwerk.notificaties.delivery.config import DeliveryConfig
from zaakwerk.notificaties.delivery.worker import Worker
from zaakwerk.notificaties.models import Delivery, DeliveryState, Notificatie, SubscriberCircuit

pytestmark = pytest.mark.django_db
CONFIG = DeliveryConfig(
    threads=8,
    per_abonnement=8,
    timeout=1,
    max_attempts=3,
    backoff=10,
    backoff_max=100,
    lease=30,
    poll=0.01,
    circuit_failures=5,
    circuit_cooldown=60,
)


def worker(recorders: dict[str, Recorder], config: DeliveryConfig = CONFIG, name: str = "w1") -> Worker:
    return Worker(config, client=mock_client(recorders), name=name)


def make_due() -> None:
    """Let every pending retry be due now (instead of waiting out the back-off)."""
    Delivery.objects.filter(state=DeliveryState.pending).update(next_attempt_at=timezone.now())


def test_a_committed_change_is_delivered_with_the_abonnement_auth() -> None:
    # given an abonnement on kanaal zaken and a change committed by a register
    sub = Recorder()
    abonnement("http://sub.test/callback", auth="Token abc")
    commit_change(1, actie="create")
    # when the worker runs once
    worker({"sub.test": sub}).run_once()
    # then the subscriber got the standard's message, with the abonnement's Authorization header
    (request,) = sub.requests
    assert request.headers["Authorization"] == "Token abc"
    assert request.headers["Content-Type"] == "application/json"
    body = orjson.loads(request.content)
    assert body == OutboxMessage.objects.get().as_message()
    assert body["actie"] == "create" and body["hoofdObject"] == zaak_url(1)
    # and the outbox row is published, the delivery delivered
    assert OutboxMessage.objects.get().published_at is not None
    delivery = Delivery.objects.get()
    assert (delivery.state, delivery.attempts, delivery.last_status) == (DeliveryState.delivered, 1, 204)


def test_a_rolled_back_change_never_produces_a_notification() -> None:
    # given an abonnement
    sub = Recorder()
    abonnement("http://sub.test/callback")
    # when a change fails after recording its notification
    with pytest.raises(RuntimeError):
        from django.db import transaction

        from tests.notificaties.reliability.helpers import change
        from zaakwerk.core.actor import Actor
        from zaakwerk.core.changes import record_change

        with transaction.atomic():
            record_change(change(1), Actor.system())
            raise RuntimeError("the change failed")
    worker({"sub.test": sub}).run_once()
    # then nothing reached the outbox, the queue or the subscriber
    assert not OutboxMessage.objects.exists()
    assert not Notificatie.objects.exists()
    assert sub.requests == []


def test_failures_back_off_then_the_delivery_becomes_a_dead_letter() -> None:
    # given a subscriber that answers 500
    sub = Recorder(answer=lambda request: 500)
    abonnement("http://sub.test/callback")
    commit_change(1)
    w = worker({"sub.test": sub})
    # when the first attempt fails
    before = timezone.now()
    w.run_once()
    delivery = Delivery.objects.get()
    # then it is retried later: between half and all of the first back-off
    assert (delivery.state, delivery.attempts, delivery.last_status) == (DeliveryState.pending, 1, 500)
    assert "HTTP 500" in delivery.last_error
    assert before + timedelta(seconds=5) <= delivery.next_attempt_at <= timezone.now() + timedelta(seconds=10)
    # and it is not tried again before then
    w.run_once()
    assert len(sub.requests) == 1
    # when the remaining attempts fail too
    for _ in range(2):
        make_due()
        w.run_once()
    # then it is dead after max_attempts, and never tried again
    delivery.refresh_from_db()
    assert (delivery.state, delivery.attempts) == (DeliveryState.dead, 3)
    make_due()
    w.run_once()
    assert len(sub.requests) == 3


def test_a_timeout_or_refused_connection_counts_as_a_failure() -> None:
    def refuse(request: httpx.Request) -> int:
        raise httpx.ConnectError("connection refused", request=request)

    abonnement("http://sub.test/callback")
    commit_change(1)
    worker({"sub.test": Recorder(answer=refuse)}).run_once()
    delivery = Delivery.objects.get()
    assert (delivery.state, delivery.attempts, delivery.last_status) == (DeliveryState.pending, 1, None)
    assert "ConnectError" in delivery.last_error


def test_per_object_order_holds_through_retries() -> None:
    # given a subscriber that fails the first message only, and three changes to zaak 1
    failed_once: set[str] = set()

    def answer(request: httpx.Request) -> int:
        body = orjson.loads(request.content)
        if body["actie"] == "create" and "create" not in failed_once:
            failed_once.add("create")
            return 503
        return 204

    sub = Recorder(answer=answer)
    abonnement("http://sub.test/callback")
    for actie in ("create", "update", "partial_update"):
        commit_change(1, actie=actie)
    commit_change(2, actie="create")  # another object is not held up
    w = worker({"sub.test": sub})
    # when the worker runs while the first message is waiting for its retry
    w.run_once()
    w.run_once()
    # then only the other object's message got through
    assert [(b["hoofdObject"], b["actie"]) for b in sub.bodies()] == [
        (zaak_url(1), "create"),
        (zaak_url(2), "create"),
    ]
    # when the retry is due, zaak 1's messages follow, in order
    make_due()
    for _ in range(4):
        w.run_once()
    assert [b["actie"] for b in sub.bodies() if b["hoofdObject"] == zaak_url(1)] == [
        "create",
        "create",
        "update",
        "partial_update",
    ]


def test_a_dead_letter_does_not_block_the_next_message_of_its_object() -> None:
    sub = Recorder(answer=lambda request: 400 if orjson.loads(request.content)["actie"] == "create" else 204)
    abonnement("http://sub.test/callback")
    commit_change(1, actie="create")
    commit_change(1, actie="update")
    w = worker({"sub.test": sub}, DeliveryConfig(max_attempts=1, circuit_failures=10, backoff=10))
    w.run_once()
    w.run_once()
    assert [b["actie"] for b in sub.bodies()] == ["create", "update"]
    assert Delivery.objects.get(notificatie__actie="create").state == DeliveryState.dead


def test_an_expired_lease_lets_another_worker_deliver() -> None:
    # given worker A claimed a delivery and died before sending it
    abonnement("http://sub.test/callback")
    commit_change(1)
    a = worker({}, name="a")
    a.publish()
    (claimed,) = a.claim(10)
    b_sub = Recorder()
    b = worker({"sub.test": b_sub}, name="b")
    # when worker B looks while the lease runs, it leaves the delivery alone
    b.run_once()
    assert b_sub.requests == []
    # when the lease has run out, B delivers it
    Delivery.objects.filter(id=claimed.delivery_id).update(
        claimed_until=timezone.now() - timedelta(seconds=1)
    )
    b.run_once()
    assert len(b_sub.requests) == 1
    assert Delivery.objects.get().state == DeliveryState.delivered


def test_a_late_result_of_a_lost_lease_is_ignored() -> None:
    # given A's lease expired and B re-claimed the delivery
    abonnement("http://sub.test/callback")
    commit_change(1)
    a = worker({"sub.test": Recorder(answer=lambda request: 500)}, name="a")
    a.publish()
    (claimed,) = a.claim(1)
    Delivery.objects.update(claimed_until=timezone.now() - timedelta(seconds=1))
    b = worker({}, name="b")
    assert [c.delivery_id for c in b.claim(1)] == [claimed.delivery_id]
    # when A finishes late with a failure
    assert a._deliver(claimed) is None
    # then B's lease stands: A wrote nothing
    delivery = Delivery.objects.get()
    assert (delivery.claimed_by, delivery.attempts) == ("b", 0)


def test_claims_are_capped_per_abonnement() -> None:
    # given two abonnementen with five changes to different objects
    slow = abonnement("http://slow.test/callback")
    fast = abonnement("http://fast.test/callback")
    for n in range(5):
        commit_change(n)
    w = worker({}, DeliveryConfig(per_abonnement=2))
    w.publish()
    # when a worker claims with room for eight
    claims = w.claim(8)
    # then each abonnement gets at most two, so neither can take all the threads
    per_abonnement = {a.id: sum(1 for c in claims if c.abonnement_id == a.id) for a in (slow, fast)}
    assert per_abonnement == {slow.id: 2, fast.id: 2}


def test_an_open_circuit_holds_its_deliveries_and_one_probe_closes_it() -> None:
    # given a subscriber that is down, and a healthy one
    down = Recorder(answer=lambda request: 503)
    healthy = Recorder()
    dead_one = abonnement("http://down.test/callback")
    abonnement("http://healthy.test/callback")
    config = DeliveryConfig(
        per_abonnement=8, circuit_failures=3, circuit_cooldown=60, max_attempts=50, backoff=10
    )
    w = worker({"down.test": down, "healthy.test": healthy}, config)
    for n in range(6):
        commit_change(n)
    # when three deliveries fail, the circuit opens
    w.run_once()
    circuit = SubscriberCircuit.objects.get(abonnement=dead_one)
    assert circuit.consecutive_failures >= 3 and circuit.open_until is not None
    attempts_so_far = len(down.requests)
    # then while it is open its deliveries are not claimed, even when due; the healthy one got all
    make_due()
    w.run_once()
    assert len(down.requests) == attempts_so_far
    assert len(healthy.requests) == 6
    # when the cool-down is over, exactly one probe goes out
    SubscriberCircuit.objects.update(open_until=timezone.now() - timedelta(seconds=1))
    down.answer = lambda request: 204
    claims = w.claim(8)
    assert len(claims) == 1
    assert w.claim(8) == []  # a second worker gets no probe of its own
    w._deliver(claims[0])
    # and a successful probe closes the circuit; the rest flows again
    closed = SubscriberCircuit.objects.get(abonnement=dead_one)
    assert (closed.consecutive_failures, closed.open_until) == (0, None)
    for _ in range(3):
        w.run_once()
    assert Delivery.objects.filter(abonnement=dead_one, state=DeliveryState.delivered).count() == 6


def test_filters_and_kanalen_decide_who_gets_a_message() -> None:
    everything = Recorder()
    only_other_org = Recorder()
    only_created = Recorder()
    abonnement("http://all.test/callback")
    abonnement("http://org.test/callback", filters={"bronorganisatie": "000000000"})
    abonnement("http://created.test/callback", filters={"#type": "nl.overheid.zaken.zaak-aangemaakt"})
    abonnement("http://besluiten.test/callback", kanaal="besluiten")
    commit_change(1, actie="create")
    commit_change(1, actie="update")
    recorders = {"all.test": everything, "org.test": only_other_org, "created.test": only_created}
    w = worker(recorders)
    w.run_once()
    w.run_once()  # the update waits for the create: same object
    assert [b["actie"] for b in everything.bodies()] == ["create", "update"]
    assert only_other_org.requests == []
    assert [b["actie"] for b in only_created.bodies()] == ["create"]


def test_cloudevents_abonnement_gets_a_cloudevent() -> None:
    sub = Recorder()
    abonnement("http://ce.test/callback", cloudevents=True)
    commit_change(1, actie="create")
    worker({"ce.test": sub}).run_once()
    (request,) = sub.requests
    assert request.headers["Content-Type"] == "application/cloudevents+json"
    event = orjson.loads(request.content)
    assert event["type"] == "nl.overheid.zaken.zaak-aangemaakt"
    assert event["dataref"] == zaak_url(1)
    assert event["data"] == OutboxMessage.objects.get().as_message()


def test_claiming_nothing_when_nothing_is_due() -> None:
    abonnement("http://sub.test/callback")
    assert claim(worker="w", now=timezone.now(), limit=5, cap=2, lease=30, circuit_failures=5) == []


def test_a_real_register_write_reaches_the_subscriber(api: ZGWClient) -> None:
    # given an abonnement on kanaal zaaktypen (created by the kanalen migration)
    sub = Recorder()
    abonnement("http://sub.test/callback", kanaal="zaaktypen")
    # when a zaaktype is created and published through the Catalogi API
    created = zaaktype(api)
    worker({"sub.test": sub}).run_once()
    worker({"sub.test": sub}).run_once()
    # then the subscriber heard of both, in order, about that zaaktype
    bodies = sub.bodies()
    assert [b["actie"] for b in bodies] == ["create", "publish"]
    assert {b["hoofdObject"] for b in bodies} == {created["url"]}
    assert bodies[0]["kanaal"] == "zaaktypen"
