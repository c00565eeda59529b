"""Tasks, the handling parameters, besluit vastleggen and the e-mail to the initiator in a real
browser, by keyboard only, each page axe-clean."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from playwright.sync_api import Locator, Page, expect

from tests.browser.harness import activate, assert_accessible, tab_to
from tests.werkplek.actions_support import werkplek_client, zaak, zaaktype_with_besluit
from zaakwerk.client import ZGWClient, models
from zaakwerk.web.roles import Role
from zaakwerk.werkplek.models import HandlingParameters, StatusTask, Task
from zaakwerk.werkplek.services import acties

pytestmark = pytest.mark.browser


@pytest.fixture
def client(transactional_db: None) -> ZGWClient:
    return werkplek_client()


def _label(page: Page, label: str) -> Locator:
    """The field labelled ``label`` (an optional field's label ends in "(niet verplicht)")."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \(niet verplicht\))?$"))


def _choose(page: Page, label: str, option: str) -> None:
    select = _label(page, label)
    tab_to(page, select)
    select.select_option(label=option)


def _type(page: Page, label: str, text: str) -> None:
    tab_to(page, _label(page, label))
    page.keyboard.type(text)


def _heading(page: Page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def test_a_task_of_aanvullende_informatie_from_start_to_done(
    login_as: Callable[[Role | None], Page], client: ZGWClient
) -> None:
    found = zaak(client)
    team = Group.objects.create(name="team-parkeren")
    page = login_as(Role.BEHANDELAAR)
    from django.contrib.auth.models import User

    User.objects.get(username="test-behandelaar").groups.add(team)
    page.goto(f"/werkplek/zaken/{found.uuid}/taken/")
    _heading(page, "Taken van de zaak")
    assert_accessible(page)
    activate(page, page.get_by_role("link", name="Taak uitzetten"))
    _heading(page, "Taak uitzetten")
    _choose(page, "Soort taak", "Aanvullende informatie")
    _type(page, "Titel", "Kenteken opvragen")
    _choose(page, "Team", "team-parkeren")
    assert_accessible(page)
    activate(page, page.get_by_role("button", name="Taak uitzetten"))
    _heading(page, "Taken van de zaak")
    expect(page.get_by_role("status")).to_contain_text("De taak is uitgezet.")
    assert acties.load(client, found.url).suspended
    # the team's werkvoorraad has it; the behandelaar takes it and completes it
    activate(
        page,
        page.get_by_role("navigation", name="Menu werkplek").get_by_role("link", name="Taken-werkvoorraad"),
    )
    _heading(page, "Taken-werkvoorraad")
    assert_accessible(page)
    activate(page, page.get_by_role("link", name="Kenteken opvragen"))
    _heading(page, "Kenteken opvragen")
    activate(page, page.get_by_role("button", name="Taak oppakken"))
    expect(page.get_by_role("status")).to_contain_text("Je hebt de taak opgepakt.")
    _type(page, "Opmerking", "Aanvrager gebeld")
    activate(page, page.get_by_role("button", name="Opmerking toevoegen"))
    expect(page.get_by_role("main")).to_contain_text("Aanvrager gebeld")
    _choose(page, "Uitkomst", "Informatie ontvangen")
    activate(page, page.get_by_role("button", name="Afronden"))
    expect(page.get_by_role("status")).to_contain_text("De taak is afgerond.")
    expect(page.get_by_role("main")).to_contain_text("Afgerond: Informatie ontvangen")
    assert_accessible(page)
    assert not acties.load(client, found.url).suspended
    activate(
        page, page.get_by_role("navigation", name="Menu werkplek").get_by_role("link", name="Mijn taken")
    )
    _heading(page, "Mijn taken")
    expect(page.get_by_role("main")).to_contain_text("Geen open taken.")
    assert_accessible(page)


def test_the_beheerder_sets_a_task_per_status(
    login_as: Callable[[Role | None], Page], client: ZGWClient
) -> None:
    zaak(client)
    page = login_as(Role.BEHEERDER)
    page.goto("/werkplek/")
    activate(page, page.get_by_role("link", name="Behandelparameters"))
    _heading(page, "Behandelparameters")
    assert_accessible(page)
    activate(page, page.get_by_role("link", name="Aanvraag parkeervergunning (PARKEERVERGUNNING)"))
    _heading(page, "Behandelparameters: Aanvraag parkeervergunning")
    assert_accessible(page)
    _type(page, "Standaardteam", "team-parkeren")
    _type(page, "Maximale verlenging (dagen)", "21")
    activate(page, page.get_by_role("button", name="Opslaan"))
    expect(page.get_by_role("status")).to_contain_text("De behandelparameters zijn opgeslagen.")
    _choose(page, "Bij status", "In behandeling")
    _choose(page, "Soort taak", "Advies")
    _type(page, "Titel van de taak", "Advies handhaving")
    activate(page, page.get_by_role("button", name="Taak toevoegen"))
    expect(page.get_by_role("main")).to_contain_text("Bij In behandeling: Advies handhaving (5 dagen)")
    assert_accessible(page)
    saved = HandlingParameters.objects.get(zaaktype_identificatie="PARKEERVERGUNNING")
    assert (saved.default_group, saved.max_verlenging_dagen) == ("team-parkeren", 21)
    assert StatusTask.objects.get(parameters=saved).title == "Advies handhaving"


def test_besluit_vastleggen_then_afsluiten(
    login_as: Callable[[Role | None], Page], client: ZGWClient, tmp_path: Any
) -> None:
    zaaktype_with_besluit(client)
    found = zaak(client, "PARKEERVERGUNNING-B")
    page = login_as(Role.BEHANDELAAR)
    page.goto(f"/werkplek/zaken/{found.uuid}/acties/")
    # closing first: the resultaat needs its besluit
    activate(page, page.get_by_role("link", name="Resultaat kiezen en afsluiten"))
    _choose(page, "Resultaat", "Verleend")
    activate(page, page.get_by_role("button", name="Resultaat kiezen en afsluiten"))
    expect(page.get_by_role("alert")).to_contain_text("leg eerst het besluit vast")
    assert_accessible(page)
    activate(page, page.get_by_role("link", name="Annuleren"))
    activate(page, page.get_by_role("link", name="Besluit vastleggen"))
    _heading(page, "Besluit vastleggen")
    _type(page, "Datum van het besluit", "11202026")  # the browser's locale is en-US: mm/dd/yyyy
    _type(page, "Ingangsdatum", "11212026")
    document = tmp_path / "besluit.pdf"
    document.write_bytes(b"%PDF-1.4 parkeerbesluit")
    tab_to(page, page.get_by_label("Besluitdocument"))
    page.get_by_label("Besluitdocument").set_input_files(str(document))  # the file dialog is the system's
    assert_accessible(page)
    activate(page, page.get_by_role("button", name="Besluit vastleggen"))
    expect(page.get_by_role("status")).to_contain_text("Het besluit is vastgelegd.")
    [besluit] = client.besluiten.besluiten.list(zaak=found.url)
    assert str(besluit.datum) == "2026-11-20"
    activate(page, page.get_by_role("link", name="Resultaat kiezen en afsluiten"))
    _choose(page, "Resultaat", "Verleend")
    activate(page, page.get_by_role("button", name="Resultaat kiezen en afsluiten"))
    expect(page.get_by_role("status")).to_contain_text("De zaak is afgesloten.")
    assert acties.load(client, found.url).closed


def _initiator(client: ZGWClient, found: models.Zaak) -> None:
    roltype = next(
        item
        for item in client.catalogi.roltypen.list(zaaktype=found.zaaktype)
        if item.omschrijving_generiek == "initiator"
    )
    client.zaken.rollen.create(
        {
            "zaak": found.url,
            "betrokkeneType": "natuurlijk_persoon",
            "roltype": roltype.url,
            "roltoelichting": "aanvrager",
            "betrokkeneIdentificatie": {"geslachtsnaam": "Jansen"},
            "contactpersoonRol": {"emailadres": "jan@example.nl", "naam": "Jan Jansen"},
        }
    )


def test_email_to_the_initiator(login_as: Callable[[Role | None], Page], client: ZGWClient) -> None:
    found = zaak(client)
    _initiator(client, found)
    parameters = HandlingParameters.objects.create(zaaktype_identificatie="PARKEERVERGUNNING")
    parameters.mail_templates.create(
        name="Ontvangst", subject="Uw aanvraag {{ identificatie }}", body="Beste {{ initiator }}"
    )
    page = login_as(Role.BEHANDELAAR)
    page.goto(f"/werkplek/zaken/{found.uuid}/acties/")
    activate(page, page.get_by_role("link", name="E-mail aan de initiator"))
    _heading(page, "E-mail aan de initiator")
    assert_accessible(page)
    activate(page, page.get_by_role("button", name="E-mail aan de initiator"))
    expect(page.get_by_role("status")).to_contain_text("De e-mail is verstuurd aan jan@example.nl")
    assert [message.subject for message in mail.outbox] == [f"Uw aanvraag {found.identificatie}"]
    assert len(list(client.zaken.zaakinformatieobjecten.list(zaak=found.url))) == 1
    assert Task.objects.count() == 0
    assert re.search("Ontvangst", parameters.mail_templates.get().name)
