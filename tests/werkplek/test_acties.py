"""The actions on a zaak as services, against the registers in-process: each writes through the
APIs with its reason, refuses what the zaaktype or the zaak's state does not allow and then
changes nothing."""

from __future__ import annotations

from datetime import date

import pytest

from tests.werkplek.actions_support import day, resultaattype, staff, statustype, werkplek_client, zaak
from zaakwerk.client import ZGWClient
from zaakwerk.werkplek import zgw
from zaakwerk.werkplek.models import HandlingParameters
from zaakwerk.werkplek.services import acties

pytestmark = pytest.mark.django_db


@pytest.fixture
def client() -> ZGWClient:
    return werkplek_client()


def _trail(client: ZGWClient, url: str) -> list[dict[str, object]]:
    found: list[dict[str, object]] = client.http.request("GET", f"{url}/audittrail")
    return found


def test_the_next_status_and_one_that_may_not_follow(client: ZGWClient) -> None:
    found = zaak(client)
    person = zgw.client_for(staff("behandelaar1", "behandelaar"))
    # given a zaak at "Ontvangen", only "In behandeling" may follow (the eindstatus closes)
    state = acties.load(person, found.url)
    assert [item.omschrijving for item in state.next_statustypen()] == ["In behandeling"]
    # an earlier or the final status is refused, and nothing is written
    ontvangen = statustype(client, found, "Ontvangen")
    with pytest.raises(acties.ActieError, match="kan niet volgen"):
        acties.set_status(person, found.url, ontvangen.url, toelichting="terug")
    with pytest.raises(acties.ActieError):
        acties.set_status(
            person, found.url, statustype(client, found, "Afgehandeld").url, toelichting="klaar"
        )
    assert len(list(client.zaken.statussen.list(zaak=found.url))) == 1
    # the next one is set, with the reason in the audit trail
    behandeling = statustype(client, found, "In behandeling")
    acties.set_status(person, found.url, behandeling.url, toelichting="Aanvraag compleet")
    assert acties.load(client, found.url).status == behandeling
    assert "Aanvraag compleet" in [entry["toelichting"] for entry in _trail(client, found.url)]


def test_opschorten_once_and_hervatten_moves_the_end_dates(client: ZGWClient) -> None:
    found = zaak(client)
    acties.opschorten(client, found.url, reden="Wacht op kenteken", today=date(2026, 11, 10))
    with pytest.raises(acties.ActieError, match="al opgeschort"):
        acties.opschorten(client, found.url, reden="nog eens", today=date(2026, 11, 11))
    assert acties.load(client, found.url).suspended
    # resumed 12 days later: both end dates move 12 days
    assert (
        acties.hervatten(client, found.url, toelichting="Kenteken ontvangen", today=date(2026, 11, 22)) == 12
    )
    after = client.zaken.zaken.get(found.url)
    assert after.einddatum_gepland == day("2027-01-09")
    assert after.uiterlijke_einddatum_afdoening == day("2027-01-23")
    assert not acties.load(client, found.url).suspended
    # only once per zaak
    with pytest.raises(acties.ActieError, match="maar één keer"):
        acties.opschorten(client, found.url, reden="weer", today=date(2026, 11, 23))
    with pytest.raises(acties.ActieError, match="niet opgeschort"):
        acties.hervatten(client, found.url, toelichting="", today=date(2026, 11, 23))


def test_a_zaaktype_without_opschorting_or_verlenging_refuses_them(client: ZGWClient) -> None:
    found = zaak(client, "MELDING-OPENBARE-RUIMTE")
    with pytest.raises(acties.ActieError, match="niet worden opgeschort"):
        acties.opschorten(client, found.url, reden="even niet")
    with pytest.raises(acties.ActieError, match="niet worden verlengd"):
        acties.verlengen(client, found.url, dagen=5, reden="druk")
    assert client.zaken.zaken.get(found.url).opschorting == {"indicatie": False, "reden": ""}


def test_verlengen_within_the_limit_once(client: ZGWClient) -> None:
    found = zaak(client)
    # the zaaktype allows P6W (42 days); the handling parameters may allow less
    with pytest.raises(acties.ActieError, match="1 tot en met 42 dagen"):
        acties.verlengen(client, found.url, dagen=43, reden="te lang")
    HandlingParameters.objects.create(zaaktype_identificatie="PARKEERVERGUNNING", max_verlenging_dagen=20)
    with pytest.raises(acties.ActieError, match="1 tot en met 20 dagen"):
        acties.verlengen(client, found.url, dagen=21, reden="te lang", max_dagen=20)
    assert client.zaken.zaken.get(found.url).verlenging in (None, {"reden": "", "duur": None})
    acties.verlengen(client, found.url, dagen=14, reden="Advies duurt langer", max_dagen=20)
    after = client.zaken.zaken.get(found.url)
    assert after.verlenging == {"reden": "Advies duurt langer", "duur": "P14D"}
    assert (after.einddatum_gepland, after.uiterlijke_einddatum_afdoening) == (
        day("2027-01-11"),
        day("2027-01-25"),
    )
    with pytest.raises(acties.ActieError, match="al verlengd"):
        acties.verlengen(client, found.url, dagen=1, reden="nog een dag")


def test_afsluiten_and_heropenen(client: ZGWClient) -> None:
    found = zaak(client)
    verleend = resultaattype(client, found, "Verleend")
    acties.afsluiten(client, found.url, resultaattype_url=verleend.url, toelichting="Vergunning verleend")
    closed = acties.load(client, found.url)
    assert closed.closed and closed.status == closed.eindstatustype
    assert client.zaken.resultaten.get(str(closed.zaak.resultaat)).resultaattype == verleend.url
    # closed meanwhile: every other action says so and writes nothing
    with pytest.raises(acties.ActieError, match="inmiddels afgesloten"):
        acties.verlengen(client, found.url, dagen=3, reden="te laat")
    with pytest.raises(acties.ActieError, match="inmiddels afgesloten"):
        acties.afsluiten(client, found.url, resultaattype_url=verleend.url, toelichting="nog eens")
    # heropenen needs a reason, then the zaak is open at the last status before the end
    with pytest.raises(acties.ActieError, match="reden"):
        acties.heropenen(client, found.url, reden=" ")
    acties.heropenen(client, found.url, reden="Bezwaar gegrond, opnieuw beoordelen")
    reopened = acties.load(client, found.url)
    assert not reopened.closed and reopened.status and reopened.status.omschrijving == "In behandeling"
    # and it can be closed again with another resultaat (the one resultaat is changed)
    geweigerd = resultaattype(client, found, "Geweigerd")
    acties.afsluiten(client, found.url, resultaattype_url=geweigerd.url, toelichting="Toch geweigerd")
    again = acties.load(client, found.url)
    assert again.closed
    assert client.zaken.resultaten.get(str(again.zaak.resultaat)).resultaattype == geweigerd.url


def test_a_suspended_zaak_cannot_be_closed(client: ZGWClient) -> None:
    found = zaak(client)
    acties.opschorten(client, found.url, reden="Wacht")
    verleend = resultaattype(client, found, "Verleend")
    with pytest.raises(acties.ActieError, match="opgeschorte zaak"):
        acties.afsluiten(client, found.url, resultaattype_url=verleend.url, toelichting="klaar")
    assert client.zaken.zaken.get(found.url).resultaat is None


def test_duration_days() -> None:
    assert acties.duration_days("P6W") == 42
    assert acties.duration_days("P1M2D") == 32
    assert acties.duration_days("PT5H") is None
    assert acties.duration_days(None) is None
