"""Destroying an approved list across the registers: each zaak with its besluiten and the
documents linked to nothing else; resumable after a crash at every step; one run at a time; the
verklaring van vernietiging kept as a document with its own zaak."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User

from tests.archief.support import Made, archief_client, closed_zaak, document, exists, staff, zaaktype
from tests.werkplek.zaken import zaaktype_met_besluit
from zaakwerk.archief.models import DestructionList, DestructionListItem, ListState, RunLock, Step
from zaakwerk.archief.roles import ArchiefRole
from zaakwerk.archief.services import destruction, lists, lock, selection, verklaring
from zaakwerk.client import ZGWClient
from zaakwerk.werkplek.zgw import base_url

pytestmark = pytest.mark.django_db


class Crash(Exception):
    """A run stopped halfway (the process died)."""


@pytest.fixture
def client() -> ZGWClient:
    return archief_client()


def approved(client: ZGWClient, made: list[Made]) -> DestructionList:
    rm = User.objects.filter(username="rm").first() or staff("rm", ArchiefRole.RECORDMANAGER)
    rev = User.objects.filter(username="rev").first() or staff("rev", ArchiefRole.REVIEWER)
    arch = User.objects.filter(username="arch").first() or staff("arch", ArchiefRole.ARCHIVARIS)
    chosen = selection.by_urls(client, [item.zaak.url for item in made])
    found = lists.compose(rm, "Te vernietigen", chosen)
    lists.submit(rm, found, rev)
    lists.approve(rev, found)
    lists.approve(arch, found)
    return found


def assert_destroyed(client: ZGWClient, made: Made) -> None:
    assert not exists(client.zaken.zaken, made.zaak.url)
    for url in made.documenten:
        assert not exists(client.documenten.enkelvoudiginformatieobjecten, url)
    for url in made.besluiten:
        assert not exists(client.besluiten.besluiten, url)


@pytest.mark.django_db(transaction=True)  # document contents are stored when the transaction commits
def test_a_list_is_destroyed_across_the_registers_with_its_verklaring(client: ZGWClient) -> None:
    melding = zaaktype(client)
    met_besluit, besluittype = zaaktype_met_besluit(client, f"{base_url()}/referentielijsten/api/v1")
    first = closed_zaak(client, melding, documenten=2)
    second = closed_zaak(client, met_besluit, documenten=1, besluittype=besluittype.url)
    # a document of the first zaak that another zaak (not on the list) uses too
    other = closed_zaak(client, melding, documenten=0, archiefactiedatum="2099-01-01")
    shared = document(client, melding, "gedeeld", b"%PDF shared")
    client.zaken.zaakinformatieobjecten.create({"zaak": first.zaak.url, "informatieobject": shared})
    client.zaken.zaakinformatieobjecten.create({"zaak": other.zaak.url, "informatieobject": shared})
    found = approved(client, [first, second])
    # when the run is done
    report = destruction.run(client)
    # then both zaken are gone with their documents and besluit
    assert report.finished and report.destroyed == 2
    assert_destroyed(client, first)
    assert_destroyed(client, second)
    # the shared document and the other zaak stay
    assert exists(client.documenten.enkelvoudiginformatieobjecten, shared)
    assert exists(client.zaken.zaken, other.zaak.url)
    # the list is destroyed; the identities stay, the omschrijvingen do not
    found.refresh_from_db()
    assert found.state == ListState.VERNIETIGD and found.destroyed_at is not None
    items = list(found.items.all())
    assert {item.identificatie for item in items} == {first.zaak.identificatie, second.zaak.identificatie}
    assert all(item.step == Step.VERNIETIGD and item.omschrijving == "" for item in items)
    assert next(item for item in items if item.zaak_url == first.zaak.url).plan["behouden"] == [shared]
    # and the verklaring is a document on a zaak of its own, naming the zaken, classes and people
    zaak = client.zaken.zaken.get(found.verklaring_zaak)
    assert zaak.archiefnominatie == "blijvend_bewaren"
    links = list(client.zaken.zaakinformatieobjecten.list(zaak=zaak.url))
    assert [link.informatieobject for link in links] == [found.verklaring_document]
    content = client.documenten.download(found.verklaring_document, max_bytes=1_000_000).decode()
    assert first.zaak.identificatie in content and second.zaak.identificatie in content
    assert items[0].selectielijstklasse_label and items[0].selectielijstklasse_label in content
    assert "rev" in content and "arch" in content and "Goedgekeurd door de archivaris" in content


STEPS = [Step.GEPLAND, Step.BESLUITEN, Step.ZAAK, Step.VERNIETIGD]


@pytest.mark.parametrize("crash_after", STEPS)
def test_a_run_that_crashed_after_any_step_is_finished_by_the_next(
    client: ZGWClient, crash_after: Step
) -> None:
    met_besluit, besluittype = zaaktype_met_besluit(client, f"{base_url()}/referentielijsten/api/v1")
    made = [closed_zaak(client, met_besluit, documenten=2, besluittype=besluittype.url) for _ in range(2)]
    found = approved(client, made)

    def crash(item: DestructionListItem) -> None:
        if item.step == crash_after:
            raise Crash

    # given a run that died right after the first zaak reached the step
    with pytest.raises(Crash):
        destruction.run(client, after_step=crash)
    first = found.items.get(position=0)
    assert first.step == crash_after
    # when the next run starts (the dead run's lock is taken over)
    report = destruction.run(client)
    # then everything is destroyed, nothing is left half
    assert report.finished
    for each in made:
        assert_destroyed(client, each)
    found.refresh_from_db()
    assert found.state == ListState.VERNIETIGD
    assert set(found.items.values_list("step", flat=True)) == {Step.VERNIETIGD}


def test_a_crash_while_making_the_verklaring_makes_no_second_one(
    client: ZGWClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    melding = zaaktype(client)
    found = approved(client, [closed_zaak(client, melding, documenten=1)])
    original: Callable[[DestructionList], str] = verklaring.text

    def dies(_: DestructionList) -> str:
        raise Crash

    monkeypatch.setattr(verklaring, "text", dies)
    with pytest.raises(Crash):
        destruction.run(client)
    found.refresh_from_db()
    assert found.state == ListState.GOEDGEKEURD and found.verklaring_zaak
    monkeypatch.setattr(verklaring, "text", original)
    destruction.run(client)
    found.refresh_from_db()
    assert found.state == ListState.VERNIETIGD
    same = list(client.zaken.zaken.list(identificatie=found.verklaring_identificatie))
    assert [zaak.url for zaak in same] == [found.verklaring_zaak]


def test_a_zaak_no_longer_due_is_skipped_not_destroyed(client: ZGWClient) -> None:
    melding = zaaktype(client)
    keep, gone = closed_zaak(client, melding, documenten=1), closed_zaak(client, melding, documenten=1)
    found = approved(client, [keep, gone])
    # after approval someone decides the first must be kept
    client.zaken.zaken.partial_update(keep.zaak.url, {"archiefnominatie": "blijvend_bewaren"})
    destruction.run(client)
    item = found.items.get(zaak_url=keep.zaak.url)
    assert item.step == Step.OVERGESLAGEN and "archiefnominatie" in item.skip_reason
    assert exists(client.zaken.zaken, keep.zaak.url)
    assert exists(client.documenten.enkelvoudiginformatieobjecten, keep.documenten[0])
    assert_destroyed(client, gone)


def test_without_the_verklaring_zaaktype_nothing_is_destroyed(client: ZGWClient, settings: object) -> None:
    melding = zaaktype(client)
    made = closed_zaak(client, melding, documenten=1)
    approved(client, [made])
    settings.ARCHIEF_VERKLARING_ZAAKTYPE = "BESTAAT-NIET"  # type: ignore[attr-defined]
    with pytest.raises(verklaring.MissingZaaktype):
        destruction.run(client)
    assert exists(client.zaken.zaken, made.zaak.url)


def test_one_run_at_a_time() -> None:
    held = lock.acquire()
    with pytest.raises(lock.Busy):
        lock.acquire()
    lock.release(held)
    again = lock.acquire()
    # a holder on this machine whose process is gone is replaced at once
    RunLock.objects.filter(name=lock.NAME).update(holder=f"{again.holder.split(':')[0]}:999999999:dead")
    replaced = lock.acquire()
    with pytest.raises(lock.Busy):
        again.beat()
    lock.release(replaced)
