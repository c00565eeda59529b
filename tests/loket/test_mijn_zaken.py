"""Mijn zaken: a visitor's zaken from one filtered request, open and closed, only their own."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.loket import support
from tests.loket.conftest import Requests, Setup
from tests.loket.support import logged_in, visitor
from tests.werkplek import zaken
from zaakwerk.loket.services import mijn_zaken
from zaakwerk.loket.zgw import client_for

pytestmark = pytest.mark.django_db


def test_a_visitor_is_sent_to_the_login_and_back(setup: Setup) -> None:
    response = Client().get(reverse("loket:mijn-zaken"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('loket:inloggen')}?volgende=%2Floket%2Fmijn-zaken%2F"


def test_the_residents_zaken_open_and_closed_from_one_request(setup: Setup, requests: Requests) -> None:
    # given: two zaken of resident A (one closed with a resultaat), one of B
    werkplek, demo = setup.werkplek, setup.demo
    melding = support.zaak_of(werkplek, demo.melding, "Stoeptegel", inpBsn=support.BSN_A)
    types = zaken.statustypen(werkplek, demo.melding)
    zaken.set_status(werkplek, melding, types[0], "2026-11-03T10:00:00Z")
    parkeren = support.zaak_of(werkplek, demo.parkeren, "Vergunning", inpBsn=support.BSN_A)
    resultaattype = next(iter(werkplek.catalogi.resultaattypen.list(zaaktype=demo.parkeren.url)))
    werkplek.zaken.resultaten.create({"zaak": parkeren.url, "resultaattype": resultaattype.url})
    eind = zaken.statustypen(werkplek, demo.parkeren)[-1]
    zaken.set_status(werkplek, parkeren, eind, "2026-11-04T10:00:00Z")
    support.zaak_of(werkplek, demo.bezwaar, "Niet van A", inpBsn=support.BSN_B)
    # when
    requests.reset()
    found = mijn_zaken.mijn_zaken(client_for(visitor("bsn", support.BSN_A)), visitor("bsn", support.BSN_A))
    # then: one request, whatever the number of zaken
    assert len(requests.of()) == 1
    assert [r.omschrijving for r in found.lopend] == ["Stoeptegel"]
    assert found.lopend[0].zaaktype == "Melding openbare ruimte"
    assert found.lopend[0].status == types[0].omschrijving
    assert [r.omschrijving for r in found.afgerond] == ["Vergunning"]
    assert found.afgerond[0].resultaat == resultaattype.omschrijving
    assert found.afgerond[0].status == eind.omschrijving


def test_the_page_lists_them(setup: Setup) -> None:
    support.zaak_of(setup.werkplek, setup.demo.melding, "Lantaarnpaal kapot", inpBsn=support.BSN_A)
    support.zaak_of(setup.werkplek, setup.demo.melding, "Zwerfafval", inpBsn=support.BSN_B)
    page = logged_in(visitor("bsn", support.BSN_A)).get(reverse("loket:mijn-zaken"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Lantaarnpaal kapot" in text
    assert "Zwerfafval" not in text
    assert page["Cache-Control"] == "private, no-store"


def test_a_business_sees_its_kvk_zaken_or_those_of_its_vestiging(setup: Setup) -> None:
    werkplek, demo = setup.werkplek, setup.demo
    support.zaak_of(werkplek, demo.parkeren, "Van het bedrijf", innNnpId=support.KVK)
    support.zaak_of(werkplek, demo.parkeren, "Van de vestiging", vestigingsNummer=support.VESTIGING)
    support.zaak_of(werkplek, demo.parkeren, "Van de inwoner", inpBsn=support.BSN_A)
    company = visitor("kvk", support.KVK)
    branch = visitor("kvk", support.KVK, support.VESTIGING)
    assert [r.omschrijving for r in mijn_zaken.mijn_zaken(client_for(company), company).lopend] == [
        "Van het bedrijf"
    ]
    assert [r.omschrijving for r in mijn_zaken.mijn_zaken(client_for(branch), branch).lopend] == [
        "Van de vestiging"
    ]
