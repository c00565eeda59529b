"""After the e-Depot confirmed receipt of a package, its zaken are recorded as overgedragen in the
Zaken API (their documents gearchiveerd first), resumably; a zaak changed since the package was
made is not (docs/adr/0098)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.archief.support import Made, archief_client, closed_zaak, document, staff, zaaktype
from zaakwerk.archief.models import PackageState, RunLock, TransferItem, TransferPackage, TransferState
from zaakwerk.archief.roles import ArchiefRole
from zaakwerk.archief.services import lock, overdracht, selection, transfer
from zaakwerk.cli import build_parser, dispatch
from zaakwerk.client import ZGWClient

pytestmark = pytest.mark.django_db(transaction=True)  # document contents are stored on commit


@pytest.fixture
def client() -> ZGWClient:
    return archief_client()


@pytest.fixture(autouse=True)
def export_dir(settings: object, tmp_path: object) -> None:
    settings.ARCHIEF_EXPORT_DIR = str(tmp_path)  # type: ignore[attr-defined]


def browser(user: User) -> Client:
    web = Client()
    web.force_login(user)
    return web


def _kept(client: ZGWClient, count: int, documenten: int = 2) -> list[Made]:
    melding = zaaktype(client)
    return [
        closed_zaak(client, melding, documenten=documenten, archiefnominatie="blijvend_bewaren")
        for _ in range(count)
    ]


def _package(client: ZGWClient, user: User, made: list[Made]) -> TransferPackage:
    package = transfer.create(client, user, "Overbrenging", [item.zaak.url for item in made])
    assert package.state == PackageState.KLAAR, package.problem
    return package


def _confirm(user: User, package: TransferPackage) -> TransferPackage:
    today = timezone.localdate()
    return overdracht.confirm_receipt(
        user, package, ontvangen_op=today, kenmerk="EDEPOT-2026-17", today=today
    )


def _due(client: ZGWClient) -> set[str]:
    filters = selection.Filters(kind=selection.Kind.OVERBRENGEN)
    return {found.url for found in selection.candidates(client, filters, timezone.localdate())}


def test_a_confirmed_package_marks_its_zaken_overgedragen_and_their_documents_gearchiveerd(
    client: ZGWClient,
) -> None:
    made = _kept(client, 2)
    rm = staff("rm", ArchiefRole.RECORDMANAGER)
    # given a package: it records each zaak with the versions of its documents
    package = _package(client, rm, made)
    items = list(package.items.all())
    assert [item.zaak_url for item in items] == [item.zaak.url for item in made]
    assert all(len(item.documenten) == 2 and item.state == TransferState.IN_PAKKET for item in items)
    # before the e-Depot confirmed receipt, nothing is marked, and its zaken go in no other package
    assert overdracht.run(client).packages == 0
    assert transfer.in_open_packages(item.zaak.url for item in made) == {item.zaak.url for item in made}
    with pytest.raises(transfer.TransferError, match=made[0].zaak.identificatie):
        transfer.create(client, rm, "Nog eens", [made[0].zaak.url])
    # when the recordmanager records the receipt and a run marks the zaken
    package = _confirm(rm, package)
    assert package.state == PackageState.ONTVANGEN and package.ontvangstkenmerk == "EDEPOT-2026-17"
    report = overdracht.run(client)
    # then each zaak is overgedragen in the Zaken API, its documents gearchiveerd
    assert (report.marked, report.rejected, report.finished) == (2, 0, True)
    for item in made:
        assert client.zaken.zaken.get(item.zaak.url).archiefstatus == "overgedragen"
        for url in item.documenten:
            assert client.documenten.enkelvoudiginformatieobjecten.get(url).status == "gearchiveerd"
    package.refresh_from_db()
    assert package.state == PackageState.OVERGEDRAGEN and package.overgedragen_op is not None
    assert set(package.items.values_list("state", flat=True)) == {TransferState.OVERGEDRAGEN}
    # and they are no longer due for transfer, nor in an open package
    assert not _due(client) & {item.zaak.url for item in made}
    assert not transfer.in_open_packages(item.zaak.url for item in made)


def test_the_receipt_is_refused_without_kenmerk_in_the_future_or_by_another_role(client: ZGWClient) -> None:
    rm = staff("rm", ArchiefRole.RECORDMANAGER)
    package = _package(client, rm, _kept(client, 1, documenten=0))
    today = timezone.localdate()
    cases = [
        (rm, today, " ", "kenmerk"),
        (rm, None, "K-1", "datum"),
        (rm, today + timedelta(days=1), "K-1", "toekomst"),
        (rm, date(2000, 1, 1), "K-1", "voor de dag"),
        (staff("arch", ArchiefRole.ARCHIVARIS), today, "K-1", "recordmanager"),
    ]
    for user, day, kenmerk, message in cases:
        with pytest.raises(overdracht.OverdrachtError, match=message):
            overdracht.confirm_receipt(user, package, ontvangen_op=day, kenmerk=kenmerk, today=today)
    package.refresh_from_db()
    assert package.state == PackageState.KLAAR
    _confirm(rm, package)
    with pytest.raises(overdracht.OverdrachtError):  # not twice
        _confirm(rm, package)
    # a package that does not say what it holds (made before it did) cannot be marked
    older = _package(client, rm, _kept(client, 1, documenten=0))
    older.items.all().delete()
    with pytest.raises(overdracht.OverdrachtError, match="opnieuw"):
        _confirm(rm, older)


def test_a_zaak_changed_since_the_package_is_not_marked(client: ZGWClient) -> None:
    made = _kept(client, 3, documenten=1)
    rm = staff("rm", ArchiefRole.RECORDMANAGER)
    package = _confirm(rm, _package(client, rm, made))
    # given, after the package was made: a document of the first zaak changed, a document added to
    # the second; the third unchanged
    url = made[0].documenten[0]
    held = client.documenten.lock(url)
    client.documenten.enkelvoudiginformatieobjecten.partial_update(url, {"titel": "gewijzigd", "lock": held})
    client.documenten.unlock(url, held)
    melding = zaaktype(client)
    extra = document(client, melding, "nagekomen", b"%PDF-1.4 nagekomen")
    client.zaken.zaakinformatieobjecten.create({"zaak": made[1].zaak.url, "informatieobject": extra})
    # when the run marks the package
    report = overdracht.run(client)
    # then only the unchanged zaak is overgedragen; the others say why and stay due
    assert (report.marked, report.rejected) == (1, 2)
    first, second, third = package.items.order_by("position")
    assert first.state == TransferState.AFGEWEZEN and "gewijzigd" in first.problem
    assert second.state == TransferState.AFGEWEZEN and "toegevoegd" in second.problem
    assert third.state == TransferState.OVERGEDRAGEN
    assert client.zaken.zaken.get(made[0].zaak.url).archiefstatus == "nog_te_archiveren"
    assert client.documenten.enkelvoudiginformatieobjecten.get(url).status != "gearchiveerd"
    assert {made[0].zaak.url, made[1].zaak.url} <= _due(client)
    package.refresh_from_db()
    assert package.state == PackageState.OVERGEDRAGEN


def test_a_run_that_stopped_halfway_is_finished_by_the_next(
    client: ZGWClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _kept(client, 2, documenten=2)
    rm = staff("rm", ArchiefRole.RECORDMANAGER)
    package = _confirm(rm, _package(client, rm, made))
    # given a run that dies after archiving the first zaak's documents, before its archiefstatus
    zaken = client.zaken.zaken
    original = zaken.partial_update

    def dies(*args: object, **kwargs: object) -> object:
        raise SystemExit("killed")

    monkeypatch.setattr(zaken, "partial_update", dies)
    with pytest.raises(SystemExit):
        overdracht.run(client)
    monkeypatch.setattr(zaken, "partial_update", original)
    first = package.items.order_by("position").first()
    assert first is not None and first.checked and first.state == TransferState.IN_PAKKET
    # (archiving made new versions of its documents: the check must not run again)
    assert all(
        client.documenten.enkelvoudiginformatieobjecten.get(url).status == "gearchiveerd"
        for url in made[0].documenten
    )
    RunLock.objects.filter(name=lock.TRANSFER).update(holder="")  # the dead run's lock
    # when the next run goes
    report = overdracht.run(client)
    # then both zaken are overgedragen
    assert (report.marked, report.rejected, report.finished) == (2, 0, True)
    assert all(client.zaken.zaken.get(item.zaak.url).archiefstatus == "overgedragen" for item in made)


def test_a_locked_document_postpones_its_zaak_to_the_next_run(client: ZGWClient) -> None:
    made = _kept(client, 1, documenten=1)
    rm = staff("rm", ArchiefRole.RECORDMANAGER)
    package = _confirm(rm, _package(client, rm, made))
    url = made[0].documenten[0]
    held = client.documenten.lock(url)  # someone is editing it
    report = overdracht.run(client)
    assert (report.marked, report.postponed, report.finished) == (0, 1, False)
    item = TransferItem.objects.get(package=package)
    assert item.state == TransferState.IN_PAKKET and "vergrendeld" in item.problem
    assert client.zaken.zaken.get(made[0].zaak.url).archiefstatus == "nog_te_archiveren"
    client.documenten.unlock(url, held)
    report = overdracht.run(client)
    assert (report.marked, report.finished) == (1, True)
    item.refresh_from_db()
    assert item.state == TransferState.OVERGEDRAGEN and item.problem == ""


def test_the_command(client: ZGWClient, capsys: pytest.CaptureFixture[str]) -> None:
    def run(*args: str) -> int:
        return dispatch(build_parser().parse_args(["archief", "overdragen", *args]))

    made = _kept(client, 1, documenten=1)
    rm = staff("rm", ArchiefRole.RECORDMANAGER)
    package = _confirm(rm, _package(client, rm, made))
    held = lock.acquire(name=lock.TRANSFER)
    try:
        assert run() == 1 and "another transfer run is busy" in capsys.readouterr().err
    finally:
        lock.release(held)
    assert run("--package", str(package.uuid)) == 0
    assert "1 zaak/zaken overgedragen" in capsys.readouterr().out
    assert client.zaken.zaken.get(made[0].zaak.url).archiefstatus == "overgedragen"


def test_the_package_page(client: ZGWClient) -> None:
    made = _kept(client, 1, documenten=1)
    rm_user = staff("rm", ArchiefRole.RECORDMANAGER)
    package = _package(client, rm_user, made)
    url = reverse("archief:pakketpagina", args=[package.uuid])
    # the overview links to the package's page, which lists its zaken; the zaak cannot be chosen
    rm = browser(rm_user)
    overview = rm.get(reverse("archief:overbrengen")).content.decode()
    assert url in overview and "Al in een pakket" in overview
    assert f'value="{made[0].zaak.url}"' not in overview
    page = rm.get(url).content.decode()
    assert made[0].zaak.identificatie in page and "Ontvangst vastleggen" in page
    # a reviewer sees it but may not record the receipt
    reviewer = browser(staff("rev", ArchiefRole.REVIEWER))
    assert "Ontvangst vastleggen" not in reviewer.get(url).content.decode()
    today = timezone.localdate().isoformat()
    assert reviewer.post(url, {"what": "ontvangen", "ontvangen_op": today, "kenmerk": "K"}).status_code == 403
    # without a kenmerk the form says so and nothing changes
    response = rm.post(url, {"what": "ontvangen", "ontvangen_op": today, "kenmerk": ""})
    assert response.status_code == 200 and "Kenmerk van de ontvangstbevestiging" in response.content.decode()
    package.refresh_from_db()
    assert package.state == PackageState.KLAAR
    # with it, the receipt is recorded and the zaak marked
    response = rm.post(url, {"what": "ontvangen", "ontvangen_op": today, "kenmerk": "EDEPOT-9"})
    assert response.status_code == 302
    package.refresh_from_db()
    assert package.state == PackageState.OVERGEDRAGEN
    page = rm.get(url).content.decode()
    assert "EDEPOT-9" in page and "Overgedragen" in page
    assert client.zaken.zaken.get(made[0].zaak.url).archiefstatus == "overgedragen"
    # the ZIP stays downloadable
    assert rm.get(reverse("archief:pakket", args=[package.uuid])).status_code == 200
