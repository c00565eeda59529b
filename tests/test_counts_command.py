"""``zaakwerk counts verify`` and ``zaakwerk counts rebuild``: rows written around the services
(a bulk load, a restore) leave the kept counts behind, lists then show a wrong count; verify
finds every difference and rebuild repairs them."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path
from typing import Any

import pytest

from tests.documenten.factories import EIO, create_eio, informatieobjecttype
from tests.ops.helpers import zaakwerk
from tests.zaken.factories import BASE, CRS, create_zaak, zaaktype
from tests.zgw import ZGWClient
from zaakwerk.cli import main

pytestmark = pytest.mark.django_db


def _bulk_loaded_zaak(url: str) -> tuple[int, int]:
    """A copy of the zaak at ``url`` written straight into its table, as a bulk load would; the
    copy's block of ids and the number of zaken in it."""
    from zaakwerk.zaken import counts
    from zaakwerk.zaken.models import Zaak

    zaak = Zaak.objects.get(uuid=url.rsplit("/", 1)[1])
    zaak.pk, zaak.uuid, zaak.identificatie = None, uuid.uuid4(), "GELADEN-1"
    zaak.save()
    blok = zaak.pk // counts.BLOK_GROOTTE
    size = counts.BLOK_GROOTTE
    return blok, Zaak.objects.filter(id__gte=blok * size, id__lt=(blok + 1) * size).count()


def _block_of(url: str) -> int:
    from zaakwerk.zaken import counts
    from zaakwerk.zaken.models import Zaak

    return Zaak.objects.get(uuid=url.rsplit("/", 1)[1]).pk // counts.BLOK_GROOTTE


def test_verify_reports_what_a_bulk_load_missed_and_rebuild_repairs_it(
    api: ZGWClient, capsys: pytest.CaptureFixture[str]
) -> None:
    # given: zaken and a document made through the API, whose counts are kept
    zaaktype_url = zaaktype(api)["url"]
    first = create_zaak(api, zaaktype_url)
    create_zaak(api, zaaktype_url, vertrouwelijkheidaanduiding="geheim")
    create_eio(api, informatieobjecttype(api)["url"])
    assert main(["counts", "verify"]) == 0
    agreed = capsys.readouterr().out
    assert "zaken: the kept counts agree with the 2 zaken." in agreed
    assert "documenten: the kept counts agree with the 1 documents." in agreed
    # and rows written around the services: a zaak copied in, a document's kept count lost
    blok, in_block = _bulk_loaded_zaak(first["url"])
    from zaakwerk.documenten.models import DocumentAantal, DocumentBlokAantal

    DocumentAantal.objects.all().delete()
    DocumentBlokAantal.objects.update(aantal=5)
    assert api.get(f"{BASE}/zaken", headers=CRS).json_body["count"] == 2  # the symptom
    assert api.get(EIO).json_body["count"] == 0

    # when
    code = main(["counts", "verify"])

    # then: every difference, with both numbers
    out = capsys.readouterr().out
    assert code == 1
    assert "zaken: 2 kept counts differ from the zaken:" in out
    assert f"zaaktype {zaaktype_url}, vertrouwelijkheid_rank 0: kept 1, counted 2" in out
    assert f"  blok {blok}: kept {in_block - 1}, counted {in_block}\n" in out
    assert "documenten: 2 kept counts differ from the documents:" in out
    assert ": kept 0, counted 1" in out and ": kept 5, counted 1" in out
    assert "Run `zaakwerk counts rebuild` to recompute them." in out

    # when
    assert main(["counts", "rebuild"]) == 0

    # then
    out = capsys.readouterr().out
    assert "zaken: the kept counts are recomputed from the 3 zaken." in out
    assert "documenten: the kept counts are recomputed from the 1 documents." in out
    assert main(["counts", "verify"]) == 0
    assert api.get(f"{BASE}/zaken", headers=CRS).json_body["count"] == 3
    assert api.get(EIO).json_body["count"] == 1


def test_verify_names_the_blocks_of_ids(api: ZGWClient, capsys: pytest.CaptureFixture[str]) -> None:
    from zaakwerk.zaken.models import ZaakBlokAantal

    blok = _block_of(create_zaak(api, zaaktype(api)["url"])["url"])
    ZaakBlokAantal.objects.filter(blok=blok).delete()

    assert main(["counts", "verify"]) == 1
    out = capsys.readouterr().out
    assert "zaken: 1 kept count differs from the zaken:" in out
    assert f"  blok {blok}: kept 0, counted 1\n" in out


def test_the_documented_commands_run_on_a_fresh_installation(tmp_path: Path) -> None:
    assert zaakwerk(tmp_path, "migrate").returncode == 0

    verify = zaakwerk(tmp_path, "counts", "verify")
    rebuild = zaakwerk(tmp_path, "counts", "rebuild")

    assert verify.returncode == 0, verify.stderr
    assert "zaken: the kept counts agree with the 0 zaken." in verify.stdout
    assert rebuild.returncode == 0, rebuild.stderr
    assert "documenten: the kept counts are recomputed from the 0 documents." in rebuild.stdout


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_verify_waits_for_a_change_in_flight_instead_of_reporting_it() -> None:
    from django.db import connection, transaction

    from tests.zgw import client_with
    from zaakwerk.core.actor import Actor
    from zaakwerk.zaken import counts
    from zaakwerk.zaken.models import Zaak
    from zaakwerk.zaken.services.zaken import delete_zaak

    api = client_with("tellingen", all_authorizations=True)
    url = create_zaak(api, zaaktype(api)["url"])["url"]
    adjusted, release = threading.Event(), threading.Event()

    def delete_slowly() -> None:
        try:
            with transaction.atomic():
                delete_zaak(Zaak.objects.get(uuid=url.rsplit("/", 1)[1]), Actor.system())
                adjusted.set()  # the counts are adjusted, the zaak deleted: not yet committed
                release.wait(10)
        finally:
            connection.close()

    found: list[Any] = []

    def verify() -> None:
        try:
            found.append(counts.verify())
        finally:
            connection.close()

    # given a delete that has adjusted the counts but not committed
    writer = threading.Thread(target=delete_slowly)
    writer.start()
    assert adjusted.wait(10)
    # when verify runs meanwhile
    checker = threading.Thread(target=verify)
    checker.start()
    checker.join(1.0)
    # then it waits for the change rather than comparing half of it
    assert checker.is_alive()
    release.set()
    writer.join(10)
    checker.join(10)
    assert found == [[]]
    assert not Zaak.objects.exists()
