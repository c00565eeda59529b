"""Operators' view of delivery: /healthz/notificaties, /metrics, and `zaakwerk notificaties resend`."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings
from django.utils import timezone

from tests.notificaties.reliability.helpers import Recorder, abonnement, commit_change, mock_client
from zaakwerk.cli import main
from zaakwerk.notificaties.delivery.config import DeliveryConfig
from zaakwerk.notificaties.delivery.worker import Worker
from zaakwerk.notificaties.models import Delivery, DeliveryState, Notificatie

pytestmark = pytest.mark.django_db


def scenario() -> tuple[str, str]:
    """One healthy abonnement with two delivered, one failing one with an open circuit."""
    good = abonnement("http://good.test/callback")
    bad = abonnement("http://bad.test/callback")
    for n in range(2):
        commit_change(n)
    recorders = {"good.test": Recorder(), "bad.test": Recorder(answer=lambda request: 500)}
    Worker(DeliveryConfig(circuit_failures=2, backoff=60), client=mock_client(recorders)).run_once()
    Delivery.objects.filter(abonnement=bad, notificatie__hoofd_object__endswith="1").update(
        state=DeliveryState.dead
    )
    return str(good.uuid), str(bad.uuid)


def test_health_is_for_staff_or_the_metrics_token(client: Client) -> None:
    assert client.get("/healthz/notificaties").status_code == 403
    assert client.get("/metrics").status_code == 403
    with override_settings(METRICS_TOKEN="meet-token"):
        assert client.get("/healthz/notificaties", HTTP_AUTHORIZATION="Bearer fout").status_code == 403
        assert client.get("/healthz/notificaties", HTTP_AUTHORIZATION="Bearer meet-token").status_code == 200
    with override_settings(METRICS_TOKEN=""):
        assert client.get("/healthz/notificaties", HTTP_AUTHORIZATION="Bearer ").status_code == 403
    client.force_login(User.objects.create_user("beheerder", is_staff=True))
    assert client.get("/healthz/notificaties").status_code == 200


@override_settings(METRICS_TOKEN="meet-token", CIRCUIT_FAILURES=2)
def test_health_reports_backlog_dead_letters_circuits_and_latency(client: Client) -> None:
    good, bad = scenario()
    data = client.get("/healthz/notificaties", HTTP_AUTHORIZATION="Bearer meet-token").json()
    assert data["outbox"] == {"unpublished": 0}
    assert data["deliveries"] == {"pending": 1, "due": 0, "dead": 1}
    assert data["abonnementen"][bad] == {
        "pending": 1,
        "failing": 1,
        "dead": 1,
        "circuit": "open",
        "consecutiveFailures": 2,
    }
    assert good not in data["abonnementen"]  # nothing pending, nothing dead
    assert data["circuitsOpen"] == 1
    assert data["latency"]["sample"] == 2
    assert 0 <= data["latency"]["p50"] <= data["latency"]["p95"]

    text = client.get("/metrics", HTTP_AUTHORIZATION="Bearer meet-token").content.decode()
    assert 'zaakwerk_deliveries{state="dead"} 1' in text
    assert f'zaakwerk_abonnement_circuit_open{{abonnement="{bad}"}} 1' in text
    assert 'zaakwerk_delivery_latency_seconds{quantile="0.95"}' in text


def test_resend_command_queues_what_an_abonnement_had_since(capsys: pytest.CaptureFixture[str]) -> None:
    # given an abonnement that got two notificaties, one of them old
    sub = abonnement("http://sub.test/callback")
    commit_change(1)
    commit_change(2)
    Worker(DeliveryConfig(), client=mock_client({"sub.test": Recorder()})).run_once()
    old = Notificatie.objects.order_by("id").first()
    assert old is not None
    Notificatie.objects.filter(id=old.id).update(received_at=timezone.now() - timedelta(days=3))
    since = (timezone.now() - timedelta(days=1)).isoformat()
    # when the operator re-sends since yesterday
    assert main(["notificaties", "resend", "--abonnement", str(sub.uuid), "--since", since]) == 0
    # then only the recent one is queued again
    assert "1 notificatie(s) queued again" in capsys.readouterr().out
    again = Delivery.objects.get(state=DeliveryState.pending)
    assert again.notificatie_id != old.id


@pytest.mark.parametrize(
    ("abonnement_arg", "since", "code"),
    [
        ("geen-uuid", "2024-01-01T00:00:00Z", 2),
        (None, "gisteren", 2),
        ("00000000-0000-0000-0000-000000000000", "2024-01-01", 1),
    ],
)
def test_resend_command_refuses_bad_input(abonnement_arg: str | None, since: str, code: int) -> None:
    sub = abonnement("http://sub.test/callback")
    assert (
        main(["notificaties", "resend", "--abonnement", abonnement_arg or str(sub.uuid), "--since", since])
        == code
    )
