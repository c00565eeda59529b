"""One zaak in the loket: the timeline, the documents a resident may see, download and upload; and
every door closed to anyone else."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.loket import support
from tests.loket.conftest import Requests, Setup
from tests.loket.support import logged_in, visitor
from tests.werkplek import zaken
from zaakwerk.client import models
from zaakwerk.loket.services import zaak as zaak_service
from zaakwerk.loket.zgw import client_for

if TYPE_CHECKING:
    from pytest_django import Settings

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 bijlage"


def _melding(setup: Setup, bsn: str = support.BSN_A) -> models.Zaak:
    zaak = support.zaak_of(setup.werkplek, setup.demo.melding, "Losse stoeptegel", inpBsn=bsn)
    types = zaken.statustypen(setup.werkplek, setup.demo.melding)
    zaken.set_status(setup.werkplek, zaak, types[0], "2026-11-03T10:00:00Z")
    zaken.set_status(setup.werkplek, zaak, types[1], "2026-11-05T10:00:00Z")
    return zaak


def test_the_timeline_done_current_and_to_come(setup: Setup, requests: Requests) -> None:
    zaak = _melding(setup)
    resident = visitor("bsn", support.BSN_A)
    requests.reset()
    pagina = zaak_service.pagina(client_for(resident), resident, zaak.uuid)
    # the zaak, its statussen, its documents and (open) the document kinds it takes: four requests
    assert len(requests.of()) == 4
    assert [(stap.omschrijving, stap.state) for stap in pagina.tijdlijn] == [
        ("Gemeld", "done"),
        ("Ingepland", "current"),
        ("Opgelost", "todo"),
    ]
    assert pagina.tijdlijn[1].toelichting == "gezet"
    assert pagina.tijdlijn[1].statustekst == "Het herstel is ingepland."
    assert pagina.status == "Ingepland"


def test_documents_only_definitief_or_gearchiveerd_and_within_the_maximum(
    setup: Setup, settings: Settings
) -> None:
    settings.LOKET_MAX_VERTROUWELIJKHEID = "zaakvertrouwelijk"
    zaak = _melding(setup)
    support.document(setup.werkplek, zaak, "Foto van de tegel")
    support.document(setup.werkplek, zaak, "Concept brief", status="in_bewerking")
    support.document(setup.werkplek, zaak, "Intern advies", vertrouwelijkheid="vertrouwelijk")
    page = logged_in(visitor("bsn", support.BSN_A)).get(reverse("loket:zaak", args=[zaak.uuid]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Foto van de tegel" in text
    assert "Concept brief" not in text
    assert "Intern advies" not in text
    assert "hier zijn we nu" in text


def test_a_document_is_downloaded_through_its_zaak(
    setup: Setup, django_capture_on_commit_callbacks: Any
) -> None:
    zaak = _melding(setup)
    with django_capture_on_commit_callbacks(execute=True):  # in-process: the content is kept on commit
        eio = support.document(setup.werkplek, zaak, "Foto van de tegel")
    browser = logged_in(visitor("bsn", support.BSN_A))
    answer = browser.get(reverse("loket:zaak-download", args=[zaak.uuid, eio.url.rsplit("/", 1)[-1]]))
    assert answer.status_code == 200
    assert answer.content == b"%PDF-1.4 Foto van de tegel"
    assert answer["Content-Disposition"].startswith("attachment")
    # a hidden document (a concept) is not downloaded, even with its uuid
    concept = support.document(setup.werkplek, zaak, "Concept", status="in_bewerking")
    hidden = reverse("loket:zaak-download", args=[zaak.uuid, concept.url.rsplit("/", 1)[-1]])
    assert browser.get(hidden).status_code == 404


def _upload(browser: Client, zaak: models.Zaak, name: str, content: bytes, titel: str = "") -> str:
    answer = browser.post(
        reverse("loket:zaak-toevoegen", args=[zaak.uuid]),
        {"bestand": SimpleUploadedFile(name, content), "titel": titel},
        follow=True,
    )
    assert answer.status_code == 200
    return answer.content.decode()


def test_a_resident_adds_a_document_to_their_open_zaak(setup: Setup) -> None:
    zaak = _melding(setup)
    browser = logged_in(visitor("bsn", support.BSN_A))
    text = _upload(browser, zaak, "tegel.pdf", PDF, "Nog een foto")
    assert "Het document ‘Nog een foto’ is toegevoegd aan uw zaak." in text
    links = list(setup.werkplek.zaken.zaakinformatieobjecten.list(zaak=zaak.url))
    assert len(links) == 1
    eio = setup.werkplek.documenten.enkelvoudiginformatieobjecten.get(links[0].informatieobject)
    assert (eio.titel, eio.status, eio.formaat) == ("Nog een foto", "definitief", "application/pdf")
    # the zaak's audit trail says the loket did it, for a pseudonym of the resident, not their BSN
    trail = setup.werkplek.zaken.audittrail(zaak.url)
    added = [line for line in trail if line.resource == "zaakinformatieobject"]
    assert added and added[0].applicatie_id == "zaakwerk-loket"
    assert support.BSN_A not in added[0].gebruikers_id


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("leeg.pdf", b"", "bestand is leeg"),
        (
            "script.pdf",
            b"#!/bin/sh\necho",
            "Dit soort bestand kunt u niet toevoegen. Toegestaan: PDF, JPG, PNG.",
        ),
        ("groot.pdf", b"%PDF-" + b"x" * 2048, "Het bestand is te groot"),
    ],
)
def test_a_refused_file_changes_nothing(
    setup: Setup, settings: Settings, name: str, content: bytes, message: str
) -> None:
    settings.LOKET_MAX_UPLOAD_BYTES = 1024
    zaak = _melding(setup)
    text = _upload(logged_in(visitor("bsn", support.BSN_A)), zaak, name, content)
    assert message in text or message in text.replace("&#x27;", "'")
    assert list(setup.werkplek.zaken.zaakinformatieobjecten.list(zaak=zaak.url)) == []


def test_a_closed_zaak_takes_no_documents(setup: Setup) -> None:
    zaak = _melding(setup)
    resultaattype = next(iter(setup.werkplek.catalogi.resultaattypen.list(zaaktype=setup.demo.melding.url)))
    setup.werkplek.zaken.resultaten.create({"zaak": zaak.url, "resultaattype": resultaattype.url})
    eind = zaken.statustypen(setup.werkplek, setup.demo.melding)[-1]
    zaken.set_status(setup.werkplek, zaak, eind, "2026-11-06T10:00:00Z")
    browser = logged_in(visitor("bsn", support.BSN_A))
    page = browser.get(reverse("loket:zaak", args=[zaak.uuid])).content.decode()
    assert "Document toevoegen" not in page
    assert resultaattype.omschrijving in page
    assert "afgerond" in _upload(browser, zaak, "tegel.pdf", PDF)
    assert list(setup.werkplek.zaken.zaakinformatieobjecten.list(zaak=zaak.url)) == []


def test_every_door_of_another_residents_zaak_is_404(setup: Setup) -> None:
    # given: a zaak of resident B with a document B may see
    zaak = _melding(setup, support.BSN_B)
    eio = support.document(setup.werkplek, zaak, "Foto van B")
    document = eio.url.rsplit("/", 1)[-1]
    doors = [
        ("get", reverse("loket:zaak", args=[zaak.uuid])),
        ("get", reverse("loket:zaak-download", args=[zaak.uuid, document])),
        ("post", reverse("loket:zaak-toevoegen", args=[zaak.uuid])),
    ]
    # when resident A, a business, or B's number as a KVK-nummer knocks
    for who in (
        visitor("bsn", support.BSN_A),
        visitor("kvk", support.KVK),
        visitor("kvk", support.BSN_B[:8]),
    ):
        browser = logged_in(who)
        for method, url in doors:
            data = {"bestand": SimpleUploadedFile("x.pdf", PDF)} if method == "post" else None
            assert getattr(browser, method)(url, data).status_code == 404, (who, method, url)
        # and the list does not show it
        assert "Losse stoeptegel" not in browser.get(reverse("loket:mijn-zaken")).content.decode()
    # a document of B's zaak reached through A's own zaak is 404 as well
    own = _melding(setup, support.BSN_A)
    browser = logged_in(visitor("bsn", support.BSN_A))
    assert browser.get(reverse("loket:zaak-download", args=[own.uuid, document])).status_code == 404
    # nothing was added to B's zaak
    assert len(list(setup.werkplek.zaken.zaakinformatieobjecten.list(zaak=zaak.url))) == 1
    # B sees it
    assert logged_in(visitor("bsn", support.BSN_B)).get(doors[0][1]).status_code == 200


def test_a_zaak_of_a_zaaktype_that_is_not_extern_is_not_shown(setup: Setup) -> None:
    zaak = _melding(setup)
    resident = visitor("bsn", support.BSN_A)
    client = client_for(resident)
    opened = zaak_service.open_zaak(client, resident, zaak.uuid)
    opened.expanded["zaaktype"]["indicatieInternOfExtern"] = "intern"
    # the rule itself: the door refuses the zaak as soon as its zaaktype says intern
    from zaakwerk.loket.services import rules

    assert not rules.is_extern(opened.expanded["zaaktype"])


def test_unknown_zaak_is_404_and_the_registers_down_is_503(
    setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    browser = logged_in(visitor("bsn", support.BSN_A))
    assert (
        browser.get(reverse("loket:zaak", args=["4b7b3b1e-2f3c-4c1a-9a57-3f1b1d9f6a10"])).status_code == 404
    )
    from zaakwerk.client import Unreachable
    from zaakwerk.loket.services import mijn_zaken

    def down(*args: object, **kwargs: object) -> None:
        raise Unreachable("GET", "http://testserver/zaken/api/v1/zaken", "verbinding geweigerd")

    monkeypatch.setattr(mijn_zaken, "mijn_zaken", down)
    monkeypatch.setattr("zaakwerk.loket.views.zaken.list_zaken", down)
    page = browser.get(reverse("loket:mijn-zaken"))
    assert page.status_code == 503
    assert re.search("Er is niets gewijzigd", page.content.decode())


def test_the_page_reads_the_authorisations_generation_once(setup: Setup, requests: Requests) -> None:
    # given a zaak page, which makes four requests to the registers in-process
    zaak = _melding(setup)
    browser = logged_in(visitor("bsn", support.BSN_A))
    requests.reset()
    with CaptureQueriesContext(connection) as queries:
        page = browser.get(reverse("loket:zaak", args=[zaak.uuid]))
    # then the page is shown, and the generation of the autorisaties was read once (ADR 0101)
    assert page.status_code == 200
    assert len(requests.of()) == 4
    reads = [
        query for query in queries.captured_queries if "autorisaties_authorisationsgeneration" in query["sql"]
    ]
    assert len(reads) == 1
