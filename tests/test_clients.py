"""Real ZGW client libraries against a live server: they load the served schemas and call each API.

``gemma-zds-client`` (VNG's generic ZGW client) reads the served OpenAPI document to find operation
URLs and required headers, so a document it cannot read breaks every call. Every response it gets
is also checked against the spec, as the test client does.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
import requests
from zds_client import Client, ClientAuth, ClientError
from zds_client.oas import schema_fetcher

from tests.catalogi.main_types import CATALOGUS, zaaktype_body
from tests.contract import check_response
from tests.zaken.factories import zaak_body
from zaakwerk.api.versions import APIS
from zaakwerk.autorisaties.clients import register_client
from zaakwerk.notificaties.kanalen import ensure_kanalen

if TYPE_CHECKING:
    from pytest_django import Settings
    from pytest_django.live_server_helper import LiveServer

CLIENT_ID, SECRET = "zds-client", "zds-client-secret-with-enough-length"
# The 1.7 documents name single-object operations ``<resource>_retrieve`` / ``_destroy`` for
# Zaken, Documenten, Catalogi and Referentielijsten; gemma-zds-client defaults to the 1.0-era
# ``_read`` / ``_delete`` (which Besluiten, Autorisaties and Notificaties still use).
SUFFIXES_1_7 = {
    "list": "_list",
    "retrieve": "_retrieve",
    "create": "_create",
    "update": "_update",
    "partial_update": "_partial_update",
    "delete": "_destroy",
}


def _checked(response: requests.Response, *args: Any, **kwargs: Any) -> None:
    path = urlsplit(response.url).path
    check_response(
        response.request.method or "GET",
        path,
        response.status_code,
        response.headers.get("Content-Type", ""),
        response.content,
    )


@pytest.fixture
def server(live_server: LiveServer, settings: Settings, transactional_db: None) -> Iterator[str]:
    """The live server's base URL, which is this deployment's public URL for the test."""
    settings.PUBLIC_URL = live_server.url
    settings.ALLOWED_HOSTS = [urlsplit(live_server.url).hostname]
    register_client(CLIENT_ID, SECRET, all_authorizations=True)
    ensure_kanalen()  # a transactional test database starts without the migration's data
    schema_fetcher.cache.clear()
    yield live_server.url
    schema_fetcher.cache.clear()


def client(server: str, segment: str, *, secret: str = SECRET, **options: Any) -> Client:
    return Client(
        f"{server}/{segment}/api/v1/",
        oas_location="schema/openapi.yaml",
        auth=ClientAuth(CLIENT_ID, secret, user_id="tester", user_representation="Tester"),
        request_hooks={"response": _checked},
        **options,
    )


@pytest.mark.parametrize("segment", sorted(APIS))
def test_every_served_schema_loads_and_names_this_server(server: str, segment: str) -> None:
    schema = client(server, segment).schema
    assert schema["servers"] == [{"url": f"{server}/{segment}/api/v1"}]
    # the library reads every key of a path item but ``parameters`` as an operation
    for item in schema["paths"].values():
        assert all("operationId" in op for name, op in item.items() if name != "parameters")


def test_one_call_per_api(server: str) -> None:
    catalogi = client(server, "catalogi", operation_suffix_mapping=SUFFIXES_1_7)
    zaken = client(server, "zaken", operation_suffix_mapping=SUFFIXES_1_7)
    # Catalogi: a catalogus and a published zaaktype, through the client
    catalogus = catalogi.create("catalogus", CATALOGUS)
    zaaktype = catalogi.create("zaaktype", zaaktype_body(catalogus["url"]))
    catalogi.operation("zaaktype_publish", {}, uuid=zaaktype["url"].rsplit("/", 1)[1])
    # Zaken: required Accept-Crs/Content-Crs come from the served document's defaults
    zaak = zaken.create("zaak", zaak_body(zaaktype["url"]))
    assert zaken.retrieve("zaak", uuid=zaak["uuid"])["zaaktype"] == zaaktype["url"]
    assert zaken.list("zaak")["count"] == 1
    # the extension is an operation like any other
    registered = zaken.request(
        "zaken/_registreren", "zaak_registreren", "POST", expected_status=201, json=zaak_body(zaaktype["url"])
    )
    assert registered["zaak"]["zaaktype"] == zaaktype["url"]
    # the other registers: one call each
    assert client(server, "documenten").list("enkelvoudiginformatieobject")["count"] == 0
    assert client(server, "besluiten").list("besluit")["count"] == 0
    assert any(client(server, "autorisaties").list("applicatie")["results"])
    kanalen = client(server, "notificaties").list("kanaal")
    assert "zaken" in {kanaal["naam"] for kanaal in kanalen}
    procestypen = client(server, "referentielijsten").list("procestype", params={"jaar": 2020})
    assert len(procestypen) == 29


def test_re_registering_a_kanaal_as_subscriber_libraries_do(server: str) -> None:
    notificaties = client(server, "notificaties")
    body = {"naam": "meldingen", "documentatieLink": f"{server}/docs#meldingen", "filters": ["wijk"]}
    notificaties.create("kanaal", body)
    # on the next deploy: look it up by naam, then replace it
    existing = notificaties.list("kanaal", params={"naam": "meldingen"})[0]
    updated = notificaties.update("kanaal", {**body, "filters": ["wijk", "soort"]}, url=existing["url"])
    assert updated["filters"] == ["wijk", "soort"]


def test_default_suffixes_meet_the_1_7_names_with_a_clear_error(server: str) -> None:
    # what an integrator sees when the 1.0-era defaults meet a 1.7 document (docs/integration.md)
    zaken = client(server, "zaken")
    with pytest.raises(ValueError, match="Operation zaak_read not found"):
        zaken.retrieve("zaak", uuid="00000000-0000-4000-8000-000000000000")
    with pytest.raises(ClientError):
        client(server, "zaken", secret="wrong-secret").list("zaak")
