"""The zaak page, its documents and zaak aanmaken through the werkplek's pages: every door
answers 404 for a zaak outside the user's roles, and bad input changes nothing."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from tests.werkplek import zaken
from tests.werkplek.test_documenten import close
from zaakwerk.client import ZGWClient
from zaakwerk.ops.webapps import authorise_werkplek
from zaakwerk.web.roles import Role
from zaakwerk.werkplek import zgw
from zaakwerk.werkplek.models import HandlingParameters, RoleGrant

if TYPE_CHECKING:
    from pytest_django import Settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def werkplek() -> ZGWClient:
    authorise_werkplek()
    return zgw.service_client()


@pytest.fixture
def demo(werkplek: ZGWClient) -> zaken.Demo:
    return zaken.demo(werkplek, f"{zgw.base_url()}/referentielijsten/api/v1")


def _login(username: str, role: Role, zaaktype: str = "", team: str = "") -> Client:
    """A user whose one group (their team) has ``role`` on ``zaaktype`` (empty: every one)."""
    user = User.objects.create_user(username, first_name="Sam", last_name="Smit")
    group = Group.objects.create(name=team or f"team-{username}")
    RoleGrant.objects.create(group=group, role=role, zaaktype_identificatie=zaaktype)
    user.groups.add(group)
    browser = Client()
    browser.force_login(user)
    return browser


def _doors(zaak_uuid: str, document_uuid: str) -> list[tuple[str, str]]:
    args = [zaak_uuid, document_uuid]
    return [
        ("get", reverse("werkplek:zaak", args=[zaak_uuid])),
        ("get", reverse("werkplek:zaak-gegevens", args=[zaak_uuid])),
        ("post", reverse("werkplek:zaak-gegevens", args=[zaak_uuid])),
        ("get", reverse("werkplek:zaak-documenten-toevoegen", args=[zaak_uuid])),
        ("post", reverse("werkplek:zaak-documenten-toevoegen", args=[zaak_uuid])),
        ("get", reverse("werkplek:zaak-document", args=args)),
        ("get", reverse("werkplek:zaak-document-download", args=args)),
        ("get", reverse("werkplek:zaak-document-download", args=args) + "?versie=1&bekijken=1"),
        ("post", reverse("werkplek:zaak-document-vergrendelen", args=args)),
        ("post", reverse("werkplek:zaak-document-ontgrendelen", args=args)),
        ("post", reverse("werkplek:zaak-document-wijzigen", args=args)),
        ("post", reverse("werkplek:zaak-document-versie", args=args)),
        ("get", reverse("werkplek:zaak-notitie-toevoegen", args=[zaak_uuid])),
        ("post", reverse("werkplek:zaak-notitie-toevoegen", args=[zaak_uuid])),
    ]


def test_every_door_of_a_zaak_outside_the_users_roles_is_404(werkplek: ZGWClient, demo: zaken.Demo) -> None:
    bezwaar = zaken.zaak(werkplek, demo.bezwaar, "Bezwaar tegen een boom")
    eio = zaken.document(werkplek, bezwaar, demo.bezwaar, "bezwaarschrift")
    document_uuid = eio.url.rsplit("/", 1)[-1]
    # a coördinator of meldingen only: nothing of a bezwaar, by any door
    browser = _login("mel", Role.COORDINATOR, "MELDING-OPENBARE-RUIMTE")
    for method, url in _doors(bezwaar.uuid, document_uuid):
        assert getattr(browser, method)(url).status_code == 404, (method, url)
    # a document of a visible zaak reached through another (visible) zaak is 404 as well
    melding = zaken.zaak(werkplek, demo.melding)
    for method, url in _doors(melding.uuid, document_uuid)[5:12]:
        assert getattr(browser, method)(url).status_code == 404, (method, url)
    assert werkplek.documenten.enkelvoudiginformatieobjecten.get(eio.url).titel == "bezwaarschrift"


def test_a_raadpleger_reads_the_page_but_may_change_nothing(werkplek: ZGWClient, demo: zaken.Demo) -> None:
    melding = zaken.zaak(werkplek, demo.melding, "Kapotte lantaarnpaal")
    eio = zaken.document(werkplek, melding, demo.melding, "foto")
    browser = _login("rita", Role.RAADPLEGER, "MELDING-OPENBARE-RUIMTE")
    page = browser.get(reverse("werkplek:zaak", args=[melding.uuid]))
    assert page.status_code == 200
    text = page.content.decode()
    assert (
        "Kapotte lantaarnpaal" in text
        and "Gegevens wijzigen" not in text
        and "Documenten toevoegen" not in text
    )
    for method, url in _doors(melding.uuid, eio.url.rsplit("/", 1)[-1]):
        if method == "post" or "gegevens" in url or "toevoegen" in url:
            assert getattr(browser, method)(url).status_code == 403, (method, url)


def test_changing_gegevens_needs_a_reason_and_is_in_the_history(
    werkplek: ZGWClient, demo: zaken.Demo
) -> None:
    melding = zaken.zaak(werkplek, demo.melding, "Oude omschrijving")
    browser = _login("bea", Role.BEHANDELAAR, "MELDING-OPENBARE-RUIMTE")
    url = reverse("werkplek:zaak-gegevens", args=[melding.uuid])
    values = {
        "omschrijving": "Nieuwe omschrijving",
        "startdatum": "2026-11-02",
        "vertrouwelijkheidaanduiding": "openbaar",
    }
    # without a reason: refused on the page, nothing changed
    refused = browser.post(url, values)
    assert refused.status_code == 200 and "Reden van de wijziging" in refused.content.decode()
    assert werkplek.zaken.zaken.get(melding.url).omschrijving == "Oude omschrijving"
    # with one: changed, and the page's history says who and why
    done = browser.post(url, {**values, "reden": "Melder belde met een betere omschrijving"})
    assert done.status_code == 302
    assert werkplek.zaken.zaken.get(melding.url).omschrijving == "Nieuwe omschrijving"
    page = browser.get(reverse("werkplek:zaak", args=[melding.uuid])).content.decode()
    assert "Melder belde met een betere omschrijving" in page and "Sam Smit" in page


def test_a_zaak_closed_meanwhile_is_not_changed(werkplek: ZGWClient, demo: zaken.Demo) -> None:
    melding = zaken.zaak(werkplek, demo.melding, "Gesloten")
    zaken.set_status(werkplek, melding, zaken.statustypen(werkplek, demo.melding)[0], "2026-11-02T10:00:00Z")
    browser = _login("bea", Role.BEHANDELAAR, "MELDING-OPENBARE-RUIMTE")
    form = browser.get(reverse("werkplek:zaak-gegevens", args=[melding.uuid]))
    assert form.status_code == 200
    close(werkplek, melding, demo.melding)  # by someone else, while the form is open
    answer = browser.post(
        reverse("werkplek:zaak-gegevens", args=[melding.uuid]),
        {
            "omschrijving": "Te laat",
            "startdatum": "2026-11-02",
            "vertrouwelijkheidaanduiding": "openbaar",
            "reden": "x",
        },
    )
    assert answer.status_code == 200 and "intussen afgesloten" in answer.content.decode()
    assert werkplek.zaken.zaken.get(melding.url).omschrijving == "Gesloten"


def test_creating_a_zaak_with_initiator_first_status_and_team(werkplek: ZGWClient, demo: zaken.Demo) -> None:
    browser = _login("bea", Role.BEHANDELAAR, "MELDING-OPENBARE-RUIMTE", "team-buitendienst")
    form = browser.get(reverse("werkplek:zaak-aanmaken")).content.decode()
    # only the zaaktypen the user handles are offered
    assert "Melding openbare ruimte" in form and "Bezwaar" not in form
    # the kanalen come from the Referentielijsten API
    balie = re.search(r'<option value="([^"]+)">Balie</option>', form)
    assert balie is not None
    values = {
        "kanaal": balie.group(1),
        "zaaktype": demo.melding.url,
        "omschrijving": "Gat in de weg",
        "initiator": "bsn",
        "nummer": "111222333",
    }
    bad = browser.post(reverse("werkplek:zaak-aanmaken"), {**values, "nummer": "123456789"})
    assert bad.status_code == 200 and "elfproef" in bad.content.decode()
    other = browser.post(reverse("werkplek:zaak-aanmaken"), {**values, "zaaktype": demo.bezwaar.url})
    assert other.status_code == 200 and "zw-error-summary" in other.content.decode()
    assert not list(werkplek.zaken.zaken.list(zaaktype=demo.bezwaar.url))
    done = browser.post(reverse("werkplek:zaak-aanmaken"), values)
    assert done.status_code == 302
    zaak = next(werkplek.zaken.zaken.list(zaaktype=demo.melding.url))
    assert done["Location"] == reverse("werkplek:zaak", args=[zaak.uuid])
    assert (zaak.omschrijving, zaak.communicatiekanaal) == ("Gat in de weg", balie.group(1))
    rollen = {
        (rol.omschrijving_generiek, rol.betrokkene_type) for rol in werkplek.zaken.rollen.list(zaak=zaak.url)
    }
    assert rollen == {("initiator", "natuurlijk_persoon"), ("behandelaar", "organisatorische_eenheid")}
    status = werkplek.zaken.statussen.get(str(zaak.status), expand=["statustype"])
    assert status.expanded["statustype"]["volgnummer"] == 1


def test_a_free_contact_and_a_kvk_nummer_as_initiator(werkplek: ZGWClient, demo: zaken.Demo) -> None:
    browser = _login("bea", Role.COORDINATOR, "")
    for values in (
        {"initiator": "contact", "naam": "Mevrouw Pietersen", "telefoonnummer": "0612345678"},
        {"initiator": "kvk", "nummer": "12345678"},
    ):
        answer = browser.post(
            reverse("werkplek:zaak-aanmaken"),
            {"zaaktype": demo.bezwaar.url, "omschrijving": "Bezwaar", **values},
        )
        assert answer.status_code == 302, answer.content.decode()
    found = [
        (rol.betrokkene_type, rol.afwijkende_naam_betrokkene, rol.betrokkene_identificatie)
        for zaak in werkplek.zaken.zaken.list(zaaktype=demo.bezwaar.url)
        for rol in werkplek.zaken.rollen.list(zaak=zaak.url)
    ]
    assert ("natuurlijk_persoon", "Mevrouw Pietersen") in [(kind, naam) for kind, naam, _ in found]
    assert any(
        kind == "vestiging" and (ident or {}).get("kvkNummer") == "12345678" for kind, _, ident in found
    )


def test_unreachable_registers_are_a_page_that_says_so(settings: Settings) -> None:
    browser = _login("bea", Role.BEHANDELAAR)
    settings.WERKPLEK_ZGW_URL = "http://127.0.0.1:9"  # nothing listens there
    for url in (
        reverse("werkplek:zaak", args=["6f1c8a35-3e5f-4d0b-9a4e-0c0c1b2f3d4e"]),
        reverse("werkplek:zaak-aanmaken"),
    ):
        answer = browser.get(url)
        assert answer.status_code == 503 and "De registers zijn niet bereikbaar" in answer.content.decode()


def test_the_page_shows_a_besluit(werkplek: ZGWClient, demo: zaken.Demo) -> None:
    zaaktype, besluittype = zaken.zaaktype_met_besluit(werkplek, f"{zgw.base_url()}/referentielijsten/api/v1")
    zaak = zaken.zaak(werkplek, zaaktype, "Parkeervergunning Kerkstraat")
    werkplek.besluiten.besluiten.create(
        {
            "verantwoordelijkeOrganisatie": zaken.RSIN,
            "besluittype": besluittype.url,
            "zaak": zaak.url,
            "datum": "2026-11-10",
            "ingangsdatum": "2026-11-11",
            "toelichting": "Vergunning voor zone B",
        }
    )
    browser = _login("rita", Role.RAADPLEGER, "PARKEREN-MET-BESLUIT")
    page = browser.get(reverse("werkplek:zaak", args=[zaak.uuid])).content.decode()
    assert "Parkeerbesluit" in page and "besloten op 10 november 2026" in page
    assert "Vergunning voor zone B" in page


def test_a_new_zaak_gets_the_zaaktypes_default_team(werkplek: ZGWClient, demo: zaken.Demo) -> None:
    HandlingParameters.objects.create(
        zaaktype_identificatie="MELDING-OPENBARE-RUIMTE", default_group="team-wegen"
    )
    browser = _login("bea", Role.BEHANDELAAR, "MELDING-OPENBARE-RUIMTE", "team-buitendienst")
    values = {"zaaktype": demo.melding.url, "omschrijving": "Gat", "initiator": "bsn", "nummer": "111222333"}
    assert browser.post(reverse("werkplek:zaak-aanmaken"), values).status_code == 302
    zaak = next(werkplek.zaken.zaken.list(zaaktype=demo.melding.url))
    team = next(werkplek.zaken.rollen.list(zaak=zaak.url, betrokkeneType="organisatorische_eenheid"))
    assert (team.betrokkene_identificatie or {})["identificatie"] == "team-wegen"
