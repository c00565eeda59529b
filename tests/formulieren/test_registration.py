"""Registering a submission step by step (as against another deployment): every step recorded, a
failure retried without duplicates; and the whole flow over HTTP against another deployment."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from pytest_django import Settings

from tests.client.conftest import CLIENT_ID, SECRET, Deployment
from tests.formulieren.conftest import BSN, log_in
from tests.formulieren.flow import melding, parkeervergunning
from zaakwerk.client import Unreachable, ZGWClient
from zaakwerk.client.api import Collection
from zaakwerk.formulieren import demo as demo_forms
from zaakwerk.formulieren import zgw
from zaakwerk.formulieren.models import Formulier, Inzending
from zaakwerk.formulieren.services import indienen
from zaakwerk.loket.identity import Identity
from zaakwerk.ops.demo import load_demo

pytestmark = pytest.mark.django_db

CRS = {"Accept-Crs": "EPSG:4326"}


def parts(client: ZGWClient, zaak: str) -> dict[str, int]:
    """How many of each part the zaak has."""
    root = client.zaken.zaken.url.rsplit("/", 1)[0]
    objecten = client.http.request("GET", f"{root}/zaakobjecten", params={"zaak": zaak}, headers=CRS)
    return {
        "rollen": len(list(client.zaken.rollen.list(zaak=zaak))),
        "statussen": len(list(client.zaken.statussen.list(zaak=zaak))),
        "eigenschappen": len(client.http.request("GET", f"{zaak}/zaakeigenschappen", headers=CRS)),
        "zaakobjecten": len(objecten["results"] if isinstance(objecten, dict) else objecten),
        "documenten": len(list(client.zaken.zaakinformatieobjecten.list(zaak=zaak))),
    }


@pytest.fixture
def step_by_step(monkeypatch: pytest.MonkeyPatch) -> None:
    """Register as against another deployment: without the transactional extension."""
    monkeypatch.setattr(zgw, "is_this_deployment", lambda: False)


def before_each_document(monkeypatch: pytest.MonkeyPatch, check: Callable[[int, str], None]) -> None:
    """Call ``check(number, url)`` before each document the client creates (numbered 1, 2, …)."""
    real = Collection.create
    numbers = itertools.count(1)

    def create(self: Collection[Any], data: Any, *, toelichting: str = "") -> Any:
        if self.url.endswith("/enkelvoudiginformatieobjecten"):
            check(next(numbers), self.url)
        return real(self, data, toelichting=toelichting)

    monkeypatch.setattr(Collection, "create", create)


def test_step_by_step_registers_every_part_and_records_each_step(
    demo: dict[str, Formulier], resident: Callable[..., Client], forms_client: ZGWClient, step_by_step: None
) -> None:
    browser = resident()
    draft = parkeervergunning(browser)
    assert browser.post(f"{draft}overzicht/").status_code == 302
    inzending = Inzending.objects.get()
    assert inzending.staat == Inzending.Staat.GEREGISTREERD
    assert parts(forms_client, inzending.zaak) == {
        "rollen": 1,
        "statussen": 1,
        "eigenschappen": 2,
        "zaakobjecten": 0,
        "documenten": 2,
    }
    recorded = set(inzending.stappen.values_list("sleutel", flat=True))
    assert {"zaaknummer", "document:pdf", "document:kentekenbewijs", "zaak", "rol", "status"} <= recorded
    assert {"eigenschappen", "klaar"} <= recorded


def test_a_failed_registration_is_retried_without_duplicates(
    demo: dict[str, Formulier],
    resident: Callable[..., Client],
    forms_client: ZGWClient,
    step_by_step: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given a Zaken API that is unreachable when the status is set
    real = Collection.create
    failures = {"left": 1}

    def flaky(self: Collection[Any], data: Any, *, toelichting: str = "") -> Any:
        if self.url.endswith("/statussen") and failures["left"]:
            failures["left"] -= 1
            raise Unreachable("POST", self.url, "verbinding geweigerd")
        return real(self, data, toelichting=toelichting)

    monkeypatch.setattr(Collection, "create", flaky)
    browser = resident()
    draft = melding(browser)
    response = browser.post(f"{draft}overzicht/")
    # then the visitor hears the form was received, under its reference, and nothing is lost
    inzending = Inzending.objects.get()
    assert inzending.staat == Inzending.Staat.MISLUKT and "verbinding geweigerd" in inzending.fout
    page = browser.get(response["Location"]).content.decode()
    assert inzending.referentie in page and "zaaknummer" in page
    assert not mail.outbox
    half = inzending.stappen.get(sleutel="zaak").url
    assert parts(forms_client, half)["statussen"] == 0
    # when the retry runs
    (done,) = indienen.retry(now=inzending.ingediend)
    # then the zaak is complete, once
    assert done.staat == Inzending.Staat.GEREGISTREERD and done.zaak == half
    assert parts(forms_client, half) == {
        "rollen": 1,
        "statussen": 1,
        "eigenschappen": 1,
        "zaakobjecten": 2,
        "documenten": 2,
    }
    assert len(list(forms_client.zaken.zaken.list())) == 1
    assert len(mail.outbox) == 1
    assert done.zaak_identificatie in browser.get(response["Location"]).content.decode()
    # and a second retry has nothing to do
    assert indienen.retry() == []


def test_a_retry_after_a_crash_before_the_steps_were_recorded_finds_what_was_made(
    demo: dict[str, Formulier], resident: Callable[..., Client], forms_client: ZGWClient, step_by_step: None
) -> None:
    browser = resident()
    draft = melding(browser)
    browser.post(f"{draft}overzicht/")
    inzending = Inzending.objects.get()
    before = parts(forms_client, inzending.zaak)
    # given a process that stopped after making everything but before recording it (only the
    # reserved zaaknummer was kept)
    inzending.stappen.exclude(sleutel="zaaknummer").delete()
    Inzending.objects.filter(pk=inzending.pk).update(staat=Inzending.Staat.MISLUKT)
    (done,) = indienen.retry()
    assert done.staat == Inzending.Staat.GEREGISTREERD and done.zaak == inzending.zaak
    assert parts(forms_client, inzending.zaak) == before
    assert len(list(forms_client.zaken.zaken.list())) == 1
    assert len(list(forms_client.documenten.enkelvoudiginformatieobjecten.list())) == 2


def test_an_interruption_between_two_documents_is_retried_without_duplicates(
    demo: dict[str, Formulier],
    resident: Callable[..., Client],
    forms_client: ZGWClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given a Documenten API that cannot be reached for the second document (the first is made)
    def second_unreachable(number: int, url: str) -> None:
        if number == 2:
            raise Unreachable("POST", url, "verbinding geweigerd")

    before_each_document(monkeypatch, second_unreachable)
    browser = resident()
    draft = melding(browser)
    browser.post(f"{draft}overzicht/")
    inzending = Inzending.objects.get()
    assert inzending.staat == Inzending.Staat.MISLUKT
    assert len(list(forms_client.documenten.enkelvoudiginformatieobjecten.list())) == 1
    # when the retry runs
    (done,) = indienen.retry()
    # then the zaak has both documents, the first one not made twice
    assert done.staat == Inzending.Staat.GEREGISTREERD, done.fout
    assert parts(forms_client, done.zaak)["documenten"] == 2
    assert len(list(forms_client.documenten.enkelvoudiginformatieobjecten.list())) == 2
    assert len(list(forms_client.zaken.zaken.list())) == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor == "sqlite", reason="SQLite sends documents one by one (ADR 0106)")
def test_a_submissions_documents_are_sent_side_by_side(
    demo: dict[str, Formulier],
    resident: Callable[..., Client],
    forms_client: ZGWClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given a submission with the PDF and an attachment, outside any open transaction
    senders: list[str] = []
    before_each_document(monkeypatch, lambda number, url: senders.append(threading.current_thread().name))
    browser = resident()
    draft = melding(browser)
    # when it is submitted
    browser.post(f"{draft}overzicht/")
    # then both documents were sent from the pool's threads, each in its own transaction, and
    # the zaak has them
    inzending = Inzending.objects.get()
    assert inzending.staat == Inzending.Staat.GEREGISTREERD, inzending.fout
    assert len(senders) == 2 and threading.current_thread().name not in senders
    assert parts(forms_client, inzending.zaak)["documenten"] == 2


def test_the_extension_is_retried_without_duplicates_too(
    demo: dict[str, Formulier], resident: Callable[..., Client], forms_client: ZGWClient
) -> None:
    browser = resident()
    draft = parkeervergunning(browser)
    browser.post(f"{draft}overzicht/")
    inzending = Inzending.objects.get()
    # given a process that stopped after the registration call, before recording it
    inzending.stappen.filter(sleutel__in=["zaak", "klaar"]).delete()
    Inzending.objects.filter(pk=inzending.pk).update(staat=Inzending.Staat.MISLUKT)
    (done,) = indienen.retry()
    assert done.zaak == inzending.zaak
    assert len(list(forms_client.zaken.zaken.list())) == 1


def test_a_form_registered_in_another_deployment_over_http(
    other_deployment: Deployment, settings: Settings
) -> None:
    # given forms that register their zaken in another deployment, with its demo catalogus
    settings.FORMULIEREN_ZGW_URL = other_deployment.url
    settings.FORMULIEREN_CLIENT_ID = CLIENT_ID
    settings.FORMULIEREN_CLIENT_SECRET = SECRET
    there = zgw.client(in_process=False)
    catalogus = load_demo(there, referentielijsten=other_deployment.referentielijsten)
    demo_forms.load(catalogus.catalogus)
    browser = Client()
    log_in(browser, Identity(kind="bsn", value=BSN, via="dev"))
    # when a resident fills in and submits the parkeervergunning
    draft = parkeervergunning(browser)
    response = browser.post(f"{draft}overzicht/")
    # then the zaak and all its parts are there, made step by step
    inzending = Inzending.objects.get()
    assert inzending.staat == Inzending.Staat.GEREGISTREERD, inzending.fout
    assert inzending.zaak.startswith(other_deployment.url)
    assert inzending.zaak_identificatie in browser.get(response["Location"]).content.decode()
    assert parts(there, inzending.zaak) == {
        "rollen": 1,
        "statussen": 1,
        "eigenschappen": 2,
        "zaakobjecten": 0,
        "documenten": 2,
    }
    (rol,) = there.zaken.rollen.list(zaak=inzending.zaak)
    assert (rol.betrokkene_identificatie or {})["inpBsn"] == BSN
    # the other deployment's audit trail names the submission, not the person
    trail = there.zaken.audittrail(inzending.zaak)
    assert {entry.gebruikers_id for entry in trail} == {inzending.referentie}
