"""The tasks of a status start once for that status: when the werkplek sets it, and when another
application does (the werkplek learns of it from its abonnement) — never twice."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tests.werkplek.actions_support import statustype, werkplek_client, zaak
from tests.werkplek.read_model_support import deliver, subscribed
from zaakwerk.client import ZGWClient
from zaakwerk.werkplek.models import HandlingParameters, Task
from zaakwerk.werkplek.services import acties

pytestmark = pytest.mark.django_db


@pytest.fixture
def client() -> ZGWClient:
    found = werkplek_client()
    subscribed()
    parameters = HandlingParameters.objects.create(
        zaaktype_identificatie="PARKEERVERGUNNING", default_group="team-parkeren"
    )
    parameters.status_tasks.create(
        statustype_omschrijving="In behandeling", kind="advies", title="Advies handhaving", due_days=7
    )
    return found


def test_a_status_set_by_another_application_starts_its_tasks_once(client: ZGWClient) -> None:
    # given a zaak, and another application that sets its status through the Zaken API
    found = zaak(client)
    deliver()
    behandeling = statustype(client, found, "In behandeling")
    client.zaken.statussen.create(
        {"zaak": found.url, "statustype": behandeling.url, "datumStatusGezet": timezone.now().isoformat()}
    )
    # when the notifications arrive (and the same ones once more)
    deliver()
    deliver()
    # then the task of that status started, once, for the default team
    tasks = list(Task.objects.filter(zaak_url=found.url))
    assert [(task.title, task.assignee_group and task.assignee_group.name) for task in tasks] == [
        ("Advies handhaving", "team-parkeren")
    ]


def test_a_status_the_werkplek_sets_does_not_start_its_tasks_again_on_its_notification(
    client: ZGWClient,
) -> None:
    found = zaak(client)
    deliver()
    behandeling = statustype(client, found, "In behandeling")
    from zaakwerk.werkplek import tasks

    def start(state: acties.ZaakState, type_: object, status: object) -> None:
        tasks.start_status_tasks(client, state, behandeling, by="bea", status_url=status.url)  # type: ignore[attr-defined]

    acties.set_status(client, found.url, behandeling.url, toelichting="", on_status=start)
    assert Task.objects.filter(zaak_url=found.url).count() == 1
    deliver()
    assert Task.objects.filter(zaak_url=found.url).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_werkplek_instances_given_a_status_at_the_same_moment_start_its_tasks_once(
    client: ZGWClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two werkplek instances (threads with their own database connections) are given the same
    status notification at the same moment, as with one abonnement per instance or a redelivery
    to the other instance: one reads the zaak and starts the status's task, the other skips it."""
    import threading
    import time

    from tests.werkplek.actions_support import werkplek_client
    from zaakwerk.werkplek.read_model import notifications, refresh

    found = zaak(client)
    behandeling = statustype(client, found, "In behandeling")
    status = client.zaken.statussen.create(
        {"zaak": found.url, "statustype": behandeling.url, "datumStatusGezet": timezone.now().isoformat()}
    )
    message = {
        "kanaal": "zaken",
        "hoofdObject": found.url,
        "resource": "status",
        "resourceUrl": status.url,
        "actie": "create",
        "aanmaakdatum": timezone.now().isoformat(),
        "kenmerken": {},
    }
    refreshed: list[str] = []
    real = refresh.refresh_zaak

    def slow(client_: ZGWClient, url: str, **kwargs: object) -> bool:
        refreshed.append(url)
        time.sleep(0.3)  # the first instance is still busy when the second one is given it
        return real(client_, url, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(notifications, "refresh_zaak", slow)
    barrier = threading.Barrier(2)
    outcomes: list[notifications.Outcome] = []

    def instance() -> None:
        from django.db import connection

        try:
            barrier.wait()
            outcomes.append(notifications.receive(werkplek_client(), message))
        finally:
            connection.close()

    threads = [threading.Thread(target=instance) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert refreshed == [found.url]
    assert sorted(outcome.duplicate for outcome in outcomes) == [False, True]
    assert [task.title for task in Task.objects.filter(zaak_url=found.url)] == ["Advies handhaving"]
