"""The work lists and the start page in a real browser, by keyboard, axe-clean: a zaak announced
by the registers shows up, filters and a saved search narrow the list, a coördinator gives
chosen zaken to a behandelaar with a reason."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import Locator, Page, expect

from tests.browser.harness import assert_accessible, tab_to
from tests.werkplek.actions_support import werkplek_client, zaak
from tests.werkplek.read_model_support import deliver, subscribed
from zaakwerk.client import ZGWClient
from zaakwerk.web.roles import Role
from zaakwerk.werkplek.models import SavedSearch, ZaakRow
from zaakwerk.werkplek.read_model import choices
from zaakwerk.werkplek.services import assignment

pytestmark = pytest.mark.browser


@pytest.fixture
def client(transactional_db: None) -> ZGWClient:
    choices.clear()
    return werkplek_client()


def press(page: Page, locator: Locator, key: str = "Enter") -> None:
    """Tab to ``locator`` (a long page: many stops) and press ``key``."""
    tab_to(page, locator, max_presses=200)
    page.keyboard.press(key)


def _heading(page: Page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def test_work_lists_filters_saved_search_and_bulk_toekennen_by_keyboard(
    login_as: Callable[[Role | None], Page], client: ZGWClient
) -> None:
    # given the werkplek's abonnement and three zaken of the team, announced and delivered
    subscribed()
    made = [zaak(client) for _ in range(3)]
    for item in made:
        assignment.assign_to_team(client, item, "team-parkeren", toelichting="intake")
    client.zaken.zaken.partial_update(made[0].url, {"omschrijving": "Bewonersvergunning Dorpsstraat"})
    deliver()
    behandelaar = User.objects.create_user("piet", first_name="Piet", last_name="Jansen")
    behandelaar.groups.add(Group.objects.get_or_create(name=Role.BEHANDELAAR.value)[0])
    page = login_as(Role.COORDINATOR)
    User.objects.get(username="test-coördinator").groups.add(
        Group.objects.get_or_create(name="team-parkeren")[0]
    )
    # the start page's cards
    page.goto("/werkplek/")
    expect(page.get_by_role("heading", name="Mijn zaken", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Nieuwe documenten bij mijn zaken")).to_be_visible()
    assert_accessible(page)
    # the zaken-werkvoorraad from the menu
    press(
        page,
        page.get_by_role("navigation", name="Menu werkplek").get_by_role("link", name="Zaken-werkvoorraad"),
    )
    _heading(page, "Zaken-werkvoorraad")
    expect(page.get_by_role("status").first).to_have_text("3 zaken.")
    assert_accessible(page)
    # free text narrows it to one zaak
    tab_to(page, page.get_by_label("Zoeken (niet verplicht)"), max_presses=200)
    page.keyboard.type("dorpsstraat")
    press(page, page.get_by_role("button", name="Zaken tonen"))
    expect(page.get_by_role("status").first).to_have_text("1 zaak.")
    expect(page.get_by_role("link", name=made[0].identificatie)).to_be_visible()
    # saved under a name, it is there next time
    tab_to(page, page.get_by_label("Naam van de zoekopdracht"), max_presses=200)
    page.keyboard.type("Dorpsstraat")
    press(page, page.get_by_role("button", name="Zoekopdracht bewaren"))
    expect(page.get_by_role("status").first).to_contain_text("De zoekopdracht is bewaard.")
    saved = SavedSearch.objects.get(name="Dorpsstraat").query
    assert saved.startswith("tekst=dorpsstraat&kolommen=identificatie") and "=&" not in saved
    press(
        page,
        page.get_by_role("button", name="Filters wissen").or_(
            page.get_by_role("link", name="Filters wissen")
        ),
    )
    expect(page.get_by_role("status").first).to_have_text("3 zaken.")
    press(page, page.get_by_role("link", name="Dorpsstraat", exact=True))
    expect(page.get_by_role("status").first).to_have_text("1 zaak.")
    assert_accessible(page)
    # sorted by a column header's link
    press(page, page.get_by_role("link", name="Zaak — sorteren"))
    expect(page.locator('th[aria-sort="ascending"]')).to_contain_text("Zaak")
    # the coördinator gives the zaak to Piet, with a reason
    press(page, page.get_by_label(f"Kies zaak {made[0].identificatie}"), key="Space")
    expect(page.get_by_label(f"Kies zaak {made[0].identificatie}")).to_be_checked()
    wat = page.get_by_label("Wat wil je doen met de gekozen zaken?")
    tab_to(page, wat, max_presses=200)
    wat.select_option(label="Toekennen aan een behandelaar")
    medewerker = page.get_by_label("Behandelaar (niet verplicht)").last
    tab_to(page, medewerker, max_presses=20)
    medewerker.select_option(label="Piet Jansen (piet)")
    tab_to(page, page.get_by_label("Reden"), max_presses=20)
    page.keyboard.type("Piet kent de straat")
    assert_accessible(page)
    press(page, page.get_by_role("button", name="Uitvoeren"))
    expect(page.get_by_role("status").first).to_contain_text(
        f"Gedaan bij 1 zaak/zaken: {made[0].identificatie}."
    )
    # it left the werkvoorraad and is Piet's, with the reason in the zaak's history
    expect(page.get_by_role("status").nth(1)).to_have_text("0 zaken.")
    assert ZaakRow.objects.get(url=made[0].url).behandelaar == "piet"
    assert "Piet kent de straat" in [line.toelichting for line in client.zaken.audittrail(made[0].url)]
    assert_accessible(page)


def test_bad_bulk_input_is_said_on_the_page(
    login_as: Callable[[Role | None], Page], client: ZGWClient
) -> None:
    subscribed()
    made = zaak(client)
    assignment.assign_to_team(client, made, "team-parkeren", toelichting="intake")
    deliver()
    page = login_as(Role.COORDINATOR)
    page.goto("/werkplek/zaken/alle/")
    _heading(page, "Zaken zoeken")
    # no zaak chosen, no reason: a message, nothing changed
    press(page, page.get_by_role("button", name="Uitvoeren"))
    expect(page.get_by_role("alert")).to_contain_text("Kies eerst een of meer zaken; er is niets veranderd.")
    press(page, page.get_by_label(f"Kies zaak {made.identificatie}"), key="Space")
    press(page, page.get_by_role("button", name="Uitvoeren"))
    expect(page.get_by_role("alert")).to_contain_text("Er is niets veranderd")
    assert_accessible(page)
    assert ZaakRow.objects.get(url=made.url).behandelaar == ""
