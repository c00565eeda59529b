"""Wie heeft mijn gegevens bekeken: who processed the resident's zaken, from the audit trail,
never a staff member's name, in a bounded number of requests."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from tests.loket import support
from tests.loket.conftest import Requests, Setup
from tests.loket.support import logged_in, visitor
from tests.werkplek import zaken
from zaakwerk.loket.services import inzage
from zaakwerk.loket.zgw import client_for
from zaakwerk.werkplek import zgw as werkplek_zgw

pytestmark = pytest.mark.django_db


def test_the_applications_that_changed_the_zaak_and_when_without_staff_names(setup: Setup) -> None:
    # given: a staff member (named) sets a status through the werkplek, as a person
    staff = User.objects.create_user("jdevries", first_name="Jan", last_name="de Vries")
    werkplek = werkplek_zgw.client_for(staff)
    zaak = support.zaak_of(setup.werkplek, setup.demo.melding, "Kapotte lantaarn", inpBsn=support.BSN_A)
    zaken.set_status(
        werkplek, zaak, zaken.statustypen(werkplek, setup.demo.melding)[0], "2026-11-03T10:00:00Z"
    )
    support.zaak_of(setup.werkplek, setup.demo.melding, "Van iemand anders", inpBsn=support.BSN_B)
    # when
    page = logged_in(visitor("bsn", support.BSN_A)).get(reverse("loket:mijn-gegevens"))
    # then
    assert page.status_code == 200
    text = page.content.decode()
    assert "Kapotte lantaarn" in text
    assert "Van iemand anders" not in text
    assert "De status vastgelegd" in text
    assert "Zaakwerk werkplek" in text  # the application
    assert "Jan" not in text and "de Vries" not in text and "jdevries" not in text
    assert "Wie een zaak alleen heeft ingezien, wordt nog niet vastgelegd" in text


def test_the_residents_own_changes_are_theirs(setup: Setup) -> None:
    zaak = support.zaak_of(setup.werkplek, setup.demo.melding, "Stoep", inpBsn=support.BSN_A)
    zaken.set_status(
        setup.werkplek, zaak, zaken.statustypen(setup.werkplek, setup.demo.melding)[0], "2026-11-03T10:00:00Z"
    )
    browser = logged_in(visitor("bsn", support.BSN_A))
    from django.core.files.uploadedfile import SimpleUploadedFile

    browser.post(
        reverse("loket:zaak-toevoegen", args=[zaak.uuid]),
        {"bestand": SimpleUploadedFile("foto.png", b"\x89PNG\r\n\x1a\n...")},
    )
    found = inzage.inzage(client_for(visitor("bsn", support.BSN_A)), visitor("bsn", support.BSN_A))
    own = [v for v in found.verwerkingen if v.door_uzelf]
    assert own and str(own[0].onderdeel) == "een document bij de zaak"
    assert "Uzelf, via het loket" in browser.get(reverse("loket:mijn-gegevens")).content.decode()


def test_bounded_one_request_for_the_list_and_one_per_zaak_on_the_page(
    setup: Setup, requests: Requests
) -> None:
    for number in range(inzage.PAGE_SIZE + 2):
        support.zaak_of(setup.werkplek, setup.demo.melding, f"Melding {number}", inpBsn=support.BSN_A)
    resident = visitor("bsn", support.BSN_A)
    requests.reset()
    first = inzage.inzage(client_for(resident), resident)
    assert len(requests.of()) == 1 + inzage.PAGE_SIZE
    assert (first.pagina, first.paginas, len(first.zaken)) == (1, 2, inzage.PAGE_SIZE)
    requests.reset()
    second = inzage.inzage(client_for(resident), resident, 2)
    assert len(requests.of()) == 1 + 2
    assert len(second.zaken) == 2
