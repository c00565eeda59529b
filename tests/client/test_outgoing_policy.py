"""The outgoing-request policy (issue 10, "Server-side request forgery through references").

Every request the deployment sends for a URL it was given passes the same checks: a host on the
allowlist, an address that is public or explicitly allowed (the one actually connected to, not
the name), no redirect to another host, a size cap and one deadline for the whole call.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

import pytest

from tests.client.loopback import answer, chunked, drip, in_turn, redirect, serving
from zaakwerk.client import DeadlineExceeded, Http, NotAllowed, ResponseTooLarge, network, policy
from zaakwerk.core import references

if TYPE_CHECKING:
    from pytest_django import Settings

ZAAKTYPE_PATH = "/catalogi/api/v1/zaaktypen/6f7c0000-0000-4000-8000-000000000001"
ZAAKTYPE = {"url": "x", "identificatie": "ZT", "vertrouwelijkheidaanduiding": "openbaar"}


@pytest.fixture
def no_private_networks(settings: Settings) -> None:
    """Production's default: no loopback, private or link-local address may be connected to."""
    settings.OUTGOING_PRIVATE_NETWORKS = []


@pytest.mark.parametrize(
    ("address", "allowed"),
    [
        ("127.0.0.1", False),
        ("127.8.9.10", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # the cloud metadata service
        ("100.64.0.1", False),  # carrier-grade NAT
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("::1", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("::ffff:127.0.0.1", False),  # loopback in IPv6 clothing
        ("93.184.215.14", True),
        ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", True),
    ],
)
def test_only_public_addresses_by_default(address: str, allowed: bool, no_private_networks: None) -> None:
    assert policy.current().address_allowed(address) is allowed


def test_configured_private_networks_are_allowed(settings: Settings) -> None:
    settings.OUTGOING_PRIVATE_NETWORKS = ["10.0.0.0/8"]
    rules = policy.current()
    assert rules.address_allowed("10.20.30.40")
    assert not rules.address_allowed("192.168.1.1")


@pytest.mark.parametrize(
    ("entry", "url", "allowed"),
    [
        ("zaken.example.nl", "https://zaken.example.nl/zaken/api/v1/zaken/1", True),
        ("zaken.example.nl", "https://ZAKEN.example.nl:443/x", True),
        ("zaken.example.nl", "https://elders.example.nl/x", False),
        ("zaken.example.nl:8443", "https://zaken.example.nl/x", False),
        ("zaken.example.nl:8443", "https://zaken.example.nl:8443/x", True),
        ("*.example.nl", "https://brp.example.nl/x", True),
        ("*.example.nl", "https://example.nl.evil.com/x", False),
        ("*", "https://any.where/x", True),
        ("*", "ftp://any.where/x", False),
    ],
)
def test_allowlist_entries(settings: Settings, entry: str, url: str, allowed: bool) -> None:
    settings.OUTGOING_HOSTS = [entry]
    assert policy.current().host_allowed(url) is allowed


def test_default_allowlist_is_this_deployment_and_the_configured_services(settings: Settings) -> None:
    settings.OUTGOING_HOSTS = []
    settings.REMOTE_CREDENTIALS = ["https://openzaak.example.nl/zaken/api/v1|zaakwerk|s"]
    settings.NOTIFICATIES_API_URL = "https://nrc.example.nl/api/v1"
    rules = policy.current()
    assert rules.host_allowed("http://testserver/zaken/api/v1/zaken/1")
    assert rules.host_allowed("https://openzaak.example.nl/catalogi/api/v1/zaaktypen/1")
    assert rules.host_allowed("https://nrc.example.nl/api/v1/notificaties")
    assert not rules.host_allowed("https://brp.example.nl/personen/1")


@pytest.mark.django_db
def test_loopback_is_not_fetched_without_an_allowance(settings: Settings, no_private_networks: None) -> None:
    with serving(answer(200, ZAAKTYPE)) as internal:
        # given the host is on the allowlist, but loopback is not an allowed network
        settings.OUTGOING_HOSTS = ["127.0.0.1"]
        # when a reference to it is fetched
        found = references.fetch(internal.url + ZAAKTYPE_PATH)
        # then nothing reached it
        assert found == (None, 0)
        assert internal.hits == []


@pytest.mark.django_db
def test_the_address_connected_to_is_checked_not_the_name(
    settings: Settings, no_private_networks: None
) -> None:
    with serving(answer(200, ZAAKTYPE)) as internal:
        port = internal.url.rsplit(":", 1)[1]
        # given a harmless-looking, allowed name that resolves to loopback
        settings.OUTGOING_HOSTS = ["catalogus.example.nl"]
        before = network.set_resolver(lambda host, _: ["127.0.0.1"])
        try:
            url = f"http://catalogus.example.nl:{port}{ZAAKTYPE_PATH}"
            # when it is fetched: refused, nothing sent
            assert references.fetch(url) == (None, 0)
            assert internal.hits == []
            # and with loopback allowed, the same request goes through (the check above was the address)
            settings.OUTGOING_PRIVATE_NETWORKS = ["127.0.0.0/8"]
            assert references.fetch(url)[1] == 200
            assert internal.hits == [f"GET {ZAAKTYPE_PATH}"]
        finally:
            network.set_resolver(before)


@pytest.mark.django_db
def test_a_host_not_on_the_allowlist_is_not_fetched(settings: Settings) -> None:
    with serving(answer(200, ZAAKTYPE)) as elsewhere:
        settings.OUTGOING_HOSTS = []
        assert references.fetch(elsewhere.url + ZAAKTYPE_PATH) == (None, 0)
        assert elsewhere.hits == []
        # configuring credentials for a root there puts its host on the allowlist
        settings.REMOTE_CREDENTIALS = [f"{elsewhere.url}/catalogi/api/v1|zaakwerk|geheim"]
        assert references.fetch(elsewhere.url + ZAAKTYPE_PATH)[1] == 200


def test_redirects_stay_on_the_same_host(settings: Settings) -> None:
    with serving(answer(200, {"url": "x", "geheim": True})) as target:
        # "localhost" and "127.0.0.1" are different hosts, even on one machine
        other_host = target.url.replace("127.0.0.1", "localhost") + "/geheim"
        routes = {"/weg": redirect(other_host), "/hier": redirect("/daar")}
        with serving(answer(200, {"url": "y"}), routes) as start:
            settings.OUTGOING_HOSTS = ["127.0.0.1", "localhost"]
            # a redirect to another host is refused, and that host gets nothing
            with pytest.raises(NotAllowed):
                Http().send("GET", f"{start.url}/weg")
            assert target.hits == []
            # a redirect on the same host is followed
            assert Http().send("GET", f"{start.url}/hier").json() == {"url": "y"}
            assert start.hits == ["GET /weg", "GET /hier", "GET /daar"]


@pytest.mark.parametrize(
    "behaviour", [answer(200, {"x": "y" * 3000}), chunked(200_000)], ids=["sized", "chunked"]
)
def test_answers_are_capped(settings: Settings, behaviour: object) -> None:
    settings.OUTGOING_MAX_BYTES = 2000
    with serving(behaviour) as big:  # type: ignore[arg-type]
        settings.OUTGOING_HOSTS = ["127.0.0.1"]
        with pytest.raises(ResponseTooLarge):
            Http().send("GET", f"{big.url}/groot")


def test_a_server_that_drips_is_cut_off_at_the_deadline(settings: Settings) -> None:
    # given a server that would take a minute to send its 60-byte answer, one byte a second
    with serving(drip(every=1.0, bytes_total=60)) as slow:
        settings.OUTGOING_HOSTS = ["127.0.0.1"]
        started = time.monotonic()
        # when it is called with a deadline of one second (each read alone would be in time)
        with pytest.raises(DeadlineExceeded):
            Http(timeout=1).send("GET", f"{slow.url}/langzaam")
        # then the call ended by its deadline, long before the server would have finished
        assert time.monotonic() - started < 30


def test_only_idempotent_requests_are_retried(settings: Settings) -> None:
    settings.OUTGOING_HOSTS = ["127.0.0.1"]
    with serving(in_turn(answer(503), answer(200, {"ok": True}))) as flaky:
        assert Http().send("GET", f"{flaky.url}/a").status == 200
        assert flaky.hits == ["GET /a", "GET /a"]
    with serving(in_turn(answer(503), answer(201, {"ok": True}))) as flaky:
        assert Http().send("POST", f"{flaky.url}/a", json={}).status == 503
        assert flaky.hits == ["POST /a"]
