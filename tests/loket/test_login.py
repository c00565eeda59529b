"""Logging in to the loket: the development login (only when on), DigiD and eHerkenning through an
OIDC broker (a stand-in served on loopback), and logging out."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from tests.loket import fake_oidc, support
from zaakwerk.loket import identity
from zaakwerk.loket.services import oidc

if TYPE_CHECKING:
    from pytest_django import Settings

pytestmark = pytest.mark.django_db


def _identity(browser: Client) -> dict[str, str] | None:
    data = browser.session.get(identity.SESSION_KEY)
    return data if isinstance(data, dict) else None


def test_without_the_development_login_the_page_offers_no_form_and_refuses_a_post(settings: Settings) -> None:
    settings.LOKET_DEV_LOGIN = False
    browser = Client()
    page = browser.get(reverse("loket:inloggen"))
    assert page.status_code == 200
    assert "Ontwikkel-login" not in page.content.decode()
    assert "geen inlogmiddel" in page.content.decode()
    assert browser.post(reverse("loket:inloggen"), {"nummer": support.BSN_A}).status_code == 404
    assert _identity(browser) is None


def test_the_development_login_logs_in_a_resident_and_is_marked(settings: Settings) -> None:
    settings.LOKET_DEV_LOGIN = True
    browser = Client()
    page = browser.get(reverse("loket:inloggen"))
    assert "Ontwikkel-login (alleen voor de demo)" in page.content.decode()
    assert "de ontwikkel-login staat aan" in page.content.decode()  # the banner on every page
    answer = browser.post(
        reverse("loket:inloggen"), {"nummer": support.BSN_A, "volgende": "/loket/mijn-gegevens/"}
    )
    assert answer.status_code == 302
    assert answer["Location"] == "/loket/mijn-gegevens/"
    assert _identity(browser) == {
        "kind": "bsn",
        "value": support.BSN_A,
        "via": "dev",
        "name": "",
        "vestigingsnummer": "",
    }
    assert "(ontwikkel-login)" in browser.get(reverse("loket:home")).content.decode()


@pytest.mark.parametrize(
    ("nummer", "vestiging", "message"),
    [
        ("123456789", "", "elfproef"),
        ("12345", "", "BSN van negen cijfers of een KVK-nummer van acht cijfers"),
        (support.KVK, "123", "twaalf cijfers"),
        (support.BSN_A, support.VESTIGING, "hoort bij een KVK-nummer"),
    ],
)
def test_the_development_login_refuses_bad_numbers(
    settings: Settings, nummer: str, vestiging: str, message: str
) -> None:
    settings.LOKET_DEV_LOGIN = True
    browser = Client()
    page = browser.post(reverse("loket:inloggen"), {"nummer": nummer, "vestigingsnummer": vestiging})
    assert page.status_code == 200
    assert message in page.content.decode()
    assert _identity(browser) is None


def test_the_development_login_of_a_business_with_a_vestiging(settings: Settings) -> None:
    settings.LOKET_DEV_LOGIN = True
    browser = Client()
    browser.post(reverse("loket:inloggen"), {"nummer": support.KVK, "vestigingsnummer": support.VESTIGING})
    found = _identity(browser)
    assert found is not None and (found["kind"], found["vestigingsnummer"]) == ("kvk", support.VESTIGING)


def test_a_login_never_returns_to_another_site(settings: Settings) -> None:
    settings.LOKET_DEV_LOGIN = True
    answer = Client().post(
        reverse("loket:inloggen"), {"nummer": support.BSN_A, "volgende": "https://elders.example/"}
    )
    assert answer["Location"] == reverse("loket:mijn-zaken")


def test_logging_out_ends_the_loket_session(settings: Settings) -> None:
    settings.LOKET_DEV_LOGIN = True
    browser = Client()
    browser.post(reverse("loket:inloggen"), {"nummer": support.BSN_A})
    assert browser.get(reverse("loket:uitloggen")).status_code == 405
    answer = browser.post(reverse("loket:uitloggen"), follow=True)
    assert "U bent uitgelogd." in answer.content.decode()
    assert _identity(browser) is None
    assert browser.get(reverse("loket:mijn-zaken")).status_code == 302


# --- OIDC through a broker ----------------------------------------------------------------------


@pytest.fixture
def broker(settings: Settings) -> Iterator[fake_oidc.Broker]:
    with fake_oidc.serving() as served:
        settings.LOKET_DEV_LOGIN = False
        settings.LOKET_OIDC_DIGID_ISSUER = served.url
        settings.LOKET_OIDC_DIGID_CLIENT_ID = served.client_id
        settings.LOKET_OIDC_DIGID_CLIENT_SECRET = served.client_secret
        settings.LOKET_OIDC_EHERKENNING_ISSUER = served.url
        settings.LOKET_OIDC_EHERKENNING_CLIENT_ID = served.client_id
        settings.LOKET_OIDC_EHERKENNING_CLIENT_SECRET = served.client_secret
        oidc.forget_metadata()
        yield served
        oidc.forget_metadata()


def _through_broker(browser: Client, broker: fake_oidc.Broker, means: str, *, state: str = "") -> str:
    """Start the login, let the broker answer, come back; where the loket sends the browser then."""
    start = browser.get(reverse("loket:oidc-start", args=[means]) + "?volgende=/loket/mijn-gegevens/")
    assert start.status_code == 302
    assert start["Location"].startswith(f"{broker.url}/authorize?")
    query = {key: values[0] for key, values in parse_qs(urlsplit(start["Location"]).query).items()}
    assert query["code_challenge_method"] == "S256" and query["nonce"] and query["state"]
    back = urlsplit(broker.authorize({**query, **({"state": state} if state else {})}))
    assert back.path == reverse("loket:oidc-terug")
    answer = browser.get(f"{back.path}?{back.query}")
    assert answer.status_code == 302
    return str(answer["Location"])


def test_digid_logs_in_the_resident_of_the_bsn_claim(broker: fake_oidc.Broker) -> None:
    broker.claims = {"bsn": support.BSN_A, "name": "D. Demo"}
    browser = Client()
    page = browser.get(reverse("loket:inloggen"))
    assert "Inloggen met DigiD" in page.content.decode()
    assert _through_broker(browser, broker, "digid") == "/loket/mijn-gegevens/"
    assert _identity(browser) == {
        "kind": "bsn",
        "value": support.BSN_A,
        "via": "digid",
        "name": "D. Demo",
        "vestigingsnummer": "",
    }


def test_eherkenning_logs_in_the_business_and_its_vestiging(
    broker: fake_oidc.Broker, settings: Settings
) -> None:
    settings.LOKET_OIDC_KVK_CLAIM = "urn.kvk"
    broker.claims = {"urn": {"kvk": support.KVK}, "vestiging": support.VESTIGING}
    browser = Client()
    _through_broker(browser, broker, "eherkenning")
    found = _identity(browser)
    assert found is not None
    assert (found["kind"], found["value"], found["via"], found["vestigingsnummer"]) == (
        "kvk",
        support.KVK,
        "eherkenning",
        support.VESTIGING,
    )


@pytest.mark.parametrize(
    ("claims", "issuer", "state"),
    [
        ({"bsn": "123456789"}, "", ""),  # not a BSN
        ({}, "", ""),  # no BSN at all
        ({"bsn": support.BSN_A}, "http://127.0.0.1:1/ander", ""),  # another issuer signed it
        ({"bsn": support.BSN_A}, "", "vervalst"),  # the state does not match
    ],
)
def test_a_login_that_does_not_hold_logs_in_no_one(
    broker: fake_oidc.Broker, claims: dict[str, str], issuer: str, state: str
) -> None:
    broker.claims = claims
    broker.issuer_in_token = issuer
    browser = Client()
    assert _through_broker(browser, broker, "digid", state=state) == f"{reverse('loket:inloggen')}?fout=1"
    assert _identity(browser) is None
    page = browser.get(f"{reverse('loket:inloggen')}?fout=1")
    assert "Inloggen is niet gelukt" in page.content.decode()


def test_a_callback_without_a_started_login_is_refused(broker: fake_oidc.Broker) -> None:
    browser = Client()
    answer = browser.get(reverse("loket:oidc-terug") + "?code=x&state=y")
    assert answer["Location"] == f"{reverse('loket:inloggen')}?fout=1"
    assert broker.token_requests == 0


def test_an_unconfigured_means_is_404(settings: Settings) -> None:
    settings.LOKET_OIDC_DIGID_CLIENT_ID = ""
    assert Client().get(reverse("loket:oidc-start", args=["digid"])).status_code == 404
