"""The notification admin: pages render for staff, actions re-send, subscriber text is escaped,
secrets are masked."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from tests.notificaties.reliability.helpers import abonnement, commit_change
from zaakwerk.notificaties.delivery.publisher import publish_local
from zaakwerk.notificaties.models import Delivery, DeliveryState

pytestmark = pytest.mark.django_db
HOSTILE = "<script>alert('x')</script>"


@pytest.fixture
def staff() -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser("beheerder", "beheer@example.com", "wachtwoord"))
    return client


def queued(states: list[DeliveryState], *, callback: str = "http://sub.test/callback") -> list[Delivery]:
    abonnement(callback, auth="Bearer 0123456789abcdef-very-secret")
    for n in range(len(states)):
        commit_change(n)
    publish_local()
    deliveries = list(Delivery.objects.order_by("id"))
    for delivery, state in zip(deliveries, states, strict=True):
        delivery.state = state
        delivery.attempts = 3 if state == DeliveryState.dead else 1
        delivery.last_error = f"HTTP 500 {HOSTILE}" if state == DeliveryState.dead else ""
        delivery.save()
    return deliveries


@pytest.mark.parametrize(
    "path",
    [
        "/admin/notificaties/kanaal/",
        "/admin/notificaties/abonnement/",
        "/admin/notificaties/delivery/",
        "/admin/notificaties/delivery/?state__exact=dead",
        "/admin/notificaties/deadletter/",
    ],
)
def test_pages_render_with_subscriber_text_escaped(staff: Client, path: str) -> None:
    queued([DeliveryState.delivered, DeliveryState.dead], callback=f"http://sub.test/{HOSTILE}")
    response = staff.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert HOSTILE not in html
    assert "very-secret" not in html


def test_delivery_page_shows_the_error_escaped(staff: Client) -> None:
    dead = queued([DeliveryState.dead])[0]
    response = staff.get(f"/admin/notificaties/delivery/{dead.id}/change/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert HOSTILE not in html


def test_abonnement_page_masks_auth(staff: Client) -> None:
    queued([DeliveryState.delivered])
    sub = Delivery.objects.get().abonnement
    html = staff.get(f"/admin/notificaties/abonnement/{sub.id}/change/").content.decode()
    assert "Bearer ****" in html
    assert "0123456789abcdef" not in html


def test_requeue_dead_letters(staff: Client) -> None:
    delivered, dead = queued([DeliveryState.delivered, DeliveryState.dead])
    response = staff.post(
        "/admin/notificaties/deadletter/",
        {"action": "requeue_dead", "_selected_action": [dead.id]},
    )
    assert response.status_code == 302
    dead.refresh_from_db()
    assert (dead.state, dead.attempts) == (DeliveryState.pending, 0)
    assert dead.next_attempt_at <= timezone.now()
    delivered.refresh_from_db()
    assert delivered.state == DeliveryState.delivered


def test_resend_selected_deliveries(staff: Client) -> None:
    delivered, dead = queued([DeliveryState.delivered, DeliveryState.dead])
    staff.post(
        "/admin/notificaties/delivery/",
        {"action": "send_again", "_selected_action": [delivered.id, dead.id]},
    )
    # the delivered one goes out again as a new delivery; the dead one gets fresh attempts
    assert (
        Delivery.objects.filter(notificatie=delivered.notificatie, state=DeliveryState.pending).count() == 1
    )
    dead.refresh_from_db()
    assert dead.state == DeliveryState.pending


def test_resend_since_asks_for_the_moment_then_queues(staff: Client) -> None:
    delivered, _ = queued([DeliveryState.delivered, DeliveryState.delivered])
    sub = delivered.abonnement
    # first the action asks for the moment
    page = staff.post(
        "/admin/notificaties/abonnement/", {"action": "resend_since", "_selected_action": [sub.id]}
    )
    assert page.status_code == 200
    assert "Sinds / Since" in page.content.decode()
    assert Delivery.objects.count() == 2
    # then, applied, every notificatie since then is queued again for this abonnement
    since = (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M:%S")
    response = staff.post(
        "/admin/notificaties/abonnement/",
        {"action": "resend_since", "_selected_action": [sub.id], "apply": "1", "since": since},
    )
    assert response.status_code == 302
    assert Delivery.objects.filter(state=DeliveryState.pending, abonnement=sub).count() == 2


def test_anonymous_users_are_sent_to_the_login(client: Client) -> None:
    assert client.get("/admin/notificaties/delivery/").status_code == 302
