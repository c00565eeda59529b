"""Publishing the outbox: locally onto the delivery queue, or to an external Notificaties API."""

from __future__ import annotations

import time

import httpx
import jwt
import pytest
from django.test import override_settings

from tests.notificaties.reliability.helpers import abonnement, commit_change, running_subscriber, zaak_url
from zaakwerk.core.models import OutboxMessage
from zaakwerk.notificaties.delivery.config import DeliveryConfig
from zaakwerk.notificaties.delivery.publisher import ExternalPublisher, publish_local
from zaakwerk.notificaties.delivery.worker import Worker
from zaakwerk.notificaties.models import Delivery, Kanaal, Notificatie

pytestmark = pytest.mark.django_db


def test_outbox_rows_are_queued_once_in_order() -> None:
    # given an abonnement and three committed changes
    abonnement("http://sub.test/callback")
    for n in (3, 1, 2):
        commit_change(n)
    # when the publisher runs twice
    assert publish_local() == 3
    assert publish_local() == 0
    # then each change became one notificatie, in commit order, with one delivery each
    assert [n.hoofd_object for n in Notificatie.objects.order_by("id")] == [
        zaak_url(3),
        zaak_url(1),
        zaak_url(2),
    ]
    assert Delivery.objects.count() == 3
    assert not OutboxMessage.objects.filter(published_at__isnull=True).exists()
    assert {n.source for n in Notificatie.objects.all()} == {"outbox"}


def test_missing_kanalen_are_created_before_queueing() -> None:
    # given no kanalen at all
    Kanaal.objects.all().delete()
    commit_change(1)
    # when the outbox is published
    publish_local()
    # then the registers' kanaal exists with the kenmerken as its filters
    kanaal = Kanaal.objects.get(naam="zaken")
    assert set(kanaal.filters) >= {"bronorganisatie", "vertrouwelijkheidaanduiding"}


def test_external_notificaties_api_gets_every_message_in_order_with_retries() -> None:
    with running_subscriber(status=503) as nrc:
        root = nrc.url.rsplit("/", 1)[0] + "/notificaties/api/v1"
        # given an external Notificaties API that fails at first
        commit_change(1, actie="create")
        commit_change(1, actie="update")
        # (the settings stay as configured while the worker runs: they are read per request)
        with override_settings(
            NOTIFICATIES_API_URL=root, REMOTE_CREDENTIALS=[f"{root}|zaakwerk|geheim-van-zaakwerk"]
        ):
            worker = Worker(DeliveryConfig(backoff=0.05, backoff_max=0.1), client=httpx.Client())
            assert isinstance(worker.external, ExternalPublisher)
            # when publishing fails, nothing is marked published and nothing later overtakes it
            assert worker.publish() == 0
            assert len(nrc.authorizations) == 1
            assert OutboxMessage.objects.filter(published_at__isnull=True).count() == 2
            # when the API is back (and the back-off is over), both go out, in order
            nrc.status = 201
            deadline = time.monotonic() + 5
            waiting = OutboxMessage.objects.filter(published_at__isnull=True)
            while waiting.exists() and time.monotonic() < deadline:
                worker.publish()
                time.sleep(0.02)
            assert [b["actie"] for b in nrc.bodies()] == ["create", "update"]
            assert nrc.bodies()[0] == OutboxMessage.objects.order_by("id")[0].as_message()
            # and every request carried a ZGW JWT of this deployment's own client id
            scheme, token = nrc.authorizations[-1].split(" ")
            claims = jwt.decode(token, "geheim-van-zaakwerk", algorithms=["HS256"])
            assert (scheme, claims["client_id"]) == ("Bearer", "zaakwerk")
            # and nothing was queued locally
            assert not Notificatie.objects.exists()
