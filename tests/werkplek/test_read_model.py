"""The work lists' read model: fed by the werkplek's abonnement, idempotent, never older than it
was, repaired by sync."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests.werkplek.actions_support import staff, werkplek_client, zaak
from tests.werkplek.read_model_support import deliver, subscribed
from zaakwerk.client import ZGWClient
from zaakwerk.werkplek.models import ReceivedNotification, SyncState, ZaakRow
from zaakwerk.werkplek.read_model import notifications, refresh, rows, sync
from zaakwerk.werkplek.read_model.subscribe import callback_auth, notificaties_root
from zaakwerk.werkplek.services import assignment

pytestmark = pytest.mark.django_db


@pytest.fixture
def client() -> ZGWClient:
    return werkplek_client()


def _message(zaak_url: str, **extra: str) -> dict[str, object]:
    return {
        "kanaal": "zaken",
        "hoofdObject": zaak_url,
        "resource": "zaak",
        "resourceUrl": zaak_url,
        "actie": "partial_update",
        "aanmaakdatum": timezone.now().isoformat(),
        "kenmerken": {},
        **extra,
    }


def _post(message: dict[str, object], auth: str | None = None) -> int:
    headers = {} if auth == "" else {"Authorization": auth if auth is not None else callback_auth()}
    answer = Client().post(
        "/werkplek/notificaties/", message, content_type="application/json", headers=headers
    )
    return answer.status_code


def test_subscribe_makes_one_abonnement_however_often_it_runs(client: ZGWClient) -> None:
    subscribed()
    subscribed()
    found = client.http.request("GET", f"{notificaties_root()}/abonnement")
    ours = [item for item in found if item["callbackUrl"].endswith("/werkplek/notificaties/")]
    assert len(ours) == 1
    assert {kanaal["naam"] for kanaal in ours[0]["kanalen"]} == {"zaken", "documenten", "besluiten"}


def test_a_new_zaak_is_in_the_read_model_after_its_notifications(client: ZGWClient) -> None:
    # given the werkplek's abonnement
    subscribed()
    # when a zaak is made, assigned to a team, and the notifications are delivered
    found = zaak(client)
    assignment.assign_to_team(client, found, "team-parkeren", toelichting="intake")
    assert deliver() > 0
    # then its row has what the lists show
    row = ZaakRow.objects.get(url=found.url)
    assert row.identificatie == found.identificatie
    assert row.zaaktype_identificatie == "PARKEERVERGUNNING"
    assert row.zaaktype_omschrijving == "Aanvraag parkeervergunning"
    assert row.status_omschrijving == "Ontvangen"
    assert row.team == "team-parkeren"
    assert row.behandelaar == ""
    assert str(row.uiterlijke_einddatum_afdoening) == "2027-01-11"
    # and a staff member of the team sees it in the zaken-werkvoorraad
    browser = Client()
    browser.force_login(staff("lid", "behandelaar", "team-parkeren"))
    page = browser.get("/werkplek/zaken/werkvoorraad/")
    assert found.identificatie in page.content.decode()


def test_the_callback_checks_the_abonnements_auth(client: ZGWClient) -> None:
    found = zaak(client)
    assert _post(_message(found.url), auth="") == 401
    assert _post(_message(found.url), auth="Bearer iets-anders") == 403
    assert not ZaakRow.objects.exists()
    assert _post({"kanaal": "zaken"}) == 400
    assert _post(_message(found.url)) == 204
    assert ZaakRow.objects.filter(url=found.url).exists()


def test_the_same_notification_twice_is_handled_once(
    client: ZGWClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = zaak(client)
    calls: list[str] = []
    real = refresh.refresh_zaak

    def counting(client_: ZGWClient, url: str, **kwargs: object) -> bool:
        calls.append(url)
        return real(client_, url, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(notifications, "refresh_zaak", counting)
    message = _message(found.url)
    assert _post(message) == 204
    assert _post(dict(reversed(list(message.items())))) == 204  # the same message, keys in another order
    assert calls == [found.url]
    assert ReceivedNotification.objects.count() == 1


def test_a_refresh_that_fails_is_not_recorded_so_the_next_delivery_does_it(
    client: ZGWClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zaakwerk.client import Unreachable

    found = zaak(client)

    def unreachable(*args: object, **kwargs: object) -> bool:
        raise Unreachable("GET", found.url, "weg")

    monkeypatch.setattr(notifications, "refresh_zaak", unreachable)
    assert _post(_message(found.url)) == 503
    assert not ReceivedNotification.objects.exists()
    monkeypatch.undo()
    assert _post(_message(found.url)) == 204
    assert ZaakRow.objects.filter(url=found.url).exists()


def test_an_older_refresh_never_overwrites_a_newer_one(client: ZGWClient) -> None:
    found = client.zaken.zaken.get(zaak(client).url, expand=rows.EXPAND)
    now = timezone.now()
    newer = rows.row_values(found, gewijzigd_op=now, fetched_at=now)
    rows.upsert([{**newer, "omschrijving": "nieuw"}])
    older = rows.row_values(
        found, gewijzigd_op=now - timedelta(seconds=5), fetched_at=now - timedelta(seconds=1)
    )
    rows.upsert([{**older, "omschrijving": "oud"}])
    row = ZaakRow.objects.get(url=found.url)
    assert row.omschrijving == "nieuw"
    assert row.gewijzigd_op == now


def test_a_destroyed_zaak_leaves_the_read_model(client: ZGWClient) -> None:
    subscribed()
    found = zaak(client)
    deliver()
    assert ZaakRow.objects.filter(url=found.url).exists()
    for rol in client.zaken.rollen.list(zaak=found.url):
        client.zaken.rollen.delete(rol.url)
    client.zaken.zaken.delete(found.url)
    deliver()
    assert not ZaakRow.objects.filter(url=found.url).exists()


def test_a_document_and_an_assignment_reach_the_row(client: ZGWClient) -> None:
    from tests.werkplek.zaken import document

    subscribed()
    found = zaak(client)
    zaaktype = client.catalogi.zaaktypen.get(found.zaaktype)
    document(client, found, zaaktype, "kenteken")
    assignment.assign_to_medewerker(
        client, found, assignment.Medewerker("anna", "de Vries", "A"), toelichting="voor Anna"
    )
    deliver()
    row = ZaakRow.objects.get(url=found.url)
    assert row.documenten == 1 and row.laatste_document_op is not None
    assert row.behandelaar == "anna" and row.behandelaar_naam == "A de Vries"
    assert row.behandelaar_sinds is not None


def test_sync_fills_resumes_and_removes_what_is_gone(client: ZGWClient, settings: object) -> None:
    made = [zaak(client, first_status=False) for _ in range(3)]
    # a row of a zaak that no longer exists, from before
    gone = f"{made[0].url.rsplit('/', 1)[0]}/00000000-0000-4000-8000-000000000000"
    values = rows.row_values(
        made[0], gewijzigd_op=timezone.now(), fetched_at=timezone.now() - timedelta(days=1)
    )
    rows.upsert([{**values, "url": gone, "uuid": "00000000-0000-4000-8000-000000000000"}])
    report = sync.sync(client)
    assert report.zaken == 3 and report.removed == 1
    assert set(ZaakRow.objects.values_list("url", flat=True)) == {item.url for item in made}
    # run again: an update, nothing removed; rows stay the same ones (never delete-all)
    ids = set(ZaakRow.objects.values_list("id", flat=True))
    again = sync.sync(client)
    assert again.removed == 0 and set(ZaakRow.objects.values_list("id", flat=True)) == ids


def test_sync_writes_the_same_rows_as_a_refresh(client: ZGWClient) -> None:
    """Sync reads the types once per run instead of expanding them on every page: the rows must
    be what a notification's refresh (which expands them) writes."""
    parkeren = zaak(client)
    melding = zaak(client, "MELDING-OPENBARE-RUIMTE")
    resultaattype = next(client.catalogi.resultaattypen.list(zaaktype=parkeren.zaaktype))
    client.zaken.resultaten.create({"zaak": parkeren.url, "resultaattype": resultaattype.url})
    shown = [
        "zaaktype_identificatie",
        "zaaktype_omschrijving",
        "statustype_url",
        "status_omschrijving",
        "resultaat",
        "identificatie",
        "initiator",
        "documenten",
    ]
    for item in (parkeren, melding):
        refresh.refresh_zaak(client, item.url)
    refreshed = {row["url"]: row for row in ZaakRow.objects.values("url", *shown)}
    ZaakRow.objects.all().delete()
    sync.sync(client)
    synced = {row["url"]: row for row in ZaakRow.objects.values("url", *shown)}
    assert synced == refreshed
    assert synced[parkeren.url]["resultaat"] == resultaattype.omschrijving != ""
    assert synced[melding.url]["zaaktype_identificatie"] == "MELDING-OPENBARE-RUIMTE"
    assert synced[melding.url]["status_omschrijving"] != ""


def test_sync_goes_on_past_a_zaaktype_it_may_not_read(client: ZGWClient) -> None:
    """A zaak whose zaaktype is on a host the outgoing-request policy does not allow (another
    organisation's catalogue) gets a row without the type's name; the run neither stops there
    nor stops there again when run once more."""
    from zaakwerk.zaken.models import Zaak

    elsewhere, here = zaak(client, first_status=False), zaak(client, first_status=False)
    foreign = (
        "https://catalogus.elders.example/catalogi/api/v1/zaaktypen/5b7c4c9e-2f3a-4f0e-9a51-6a1f0f6a2b11"
    )
    # given: data another component wrote (the Zaken API would have refused to fetch it itself)
    Zaak.objects.filter(uuid=elsewhere.url.rsplit("/", 1)[1]).update(zaaktype=foreign)
    for _ in range(2):
        report = sync.sync(client)
        assert report.zaken == 2 and report.unreadable_types == [foreign]
        found = {row["url"]: row for row in ZaakRow.objects.values("url", "zaaktype_identificatie")}
        assert found[elsewhere.url]["zaaktype_identificatie"] == ""
        assert found[here.url]["zaaktype_identificatie"] == "PARKEERVERGUNNING"
        assert SyncState.objects.get().finished_at is not None


def test_an_interrupted_sync_continues_where_it_stopped(client: ZGWClient, settings: object) -> None:
    from django.test import override_settings

    for _ in range(3):
        zaak(client, first_status=False)
    with override_settings(PAGE_SIZE=2):
        first = sync.sync(client, max_pages=1)
        assert first.pages == 1 and not first.resumed
        assert SyncState.objects.get().next_page == 2
        rest = sync.sync(client)
    assert rest.resumed and rest.zaken == 1
    assert ZaakRow.objects.count() == 3


def test_refresh_of_a_zaak_that_is_gone_removes_its_row(client: ZGWClient) -> None:
    found = zaak(client, first_status=False)
    refresh.refresh_zaak(client, found.url)
    client.zaken.zaken.delete(found.url)
    assert refresh.refresh_zaak(client, found.url) is False
    assert not ZaakRow.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_werkplek_instances_given_the_same_notification_do_the_work_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two consumers (threads with their own database connections, as two werkplek instances)
    receive the same message at the same moment: the zaak is read and written once."""
    import threading

    from django.db import connection as default_connection

    if default_connection.vendor != "postgresql":
        pytest.skip("two writers at once need PostgreSQL (SQLite serialises every write)")
    client = werkplek_client()
    found = zaak(client)
    message = _message(found.url)
    calls: list[str] = []
    real = refresh.refresh_zaak
    barrier = threading.Barrier(2)

    def slow(client_: ZGWClient, url: str, **kwargs: object) -> bool:
        calls.append(url)
        import time

        time.sleep(0.3)  # the first one is still busy when the second one arrives
        return real(client_, url, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(notifications, "refresh_zaak", slow)
    outcomes: list[notifications.Outcome] = []

    def consume() -> None:
        from django.db import connection

        try:
            barrier.wait()
            outcomes.append(notifications.receive(werkplek_client(), message))
        finally:
            connection.close()

    threads = [threading.Thread(target=consume) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [found.url]
    assert sorted(outcome.duplicate for outcome in outcomes) == [False, True]
    assert ZaakRow.objects.filter(url=found.url).count() == 1
