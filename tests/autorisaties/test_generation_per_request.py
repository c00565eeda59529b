"""The authorisations' generation is read once per request from outside, also when that request
makes requests to this deployment's own APIs in-process (docs/adr/0101); a change applies from the
next request on, and outside a request every lookup reads it."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zaakwerk.autorisaties.clients import register_client
from zaakwerk.autorisaties.credentials import DatabaseCredentialStore, one_generation
from zaakwerk.client import ClientCredentials, ZGWClient

pytestmark = pytest.mark.django_db

SECRET = "een-geheim-van-voldoende-lengte-voor-hs256"
NEW_SECRET = "een-nieuw-geheim-van-voldoende-lengte"


def generation_reads(queries: CaptureQueriesContext) -> int:
    return sum("autorisaties_authorisationsgeneration" in query["sql"] for query in queries.captured_queries)


def test_outside_a_request_every_lookup_reads_the_generation() -> None:
    register_client("los", SECRET)
    store = DatabaseCredentialStore()
    with CaptureQueriesContext(connection) as queries:
        store.credentials_for("los")
        store.credentials_for("los")
    assert generation_reads(queries) == 2


def test_within_a_request_and_the_requests_inside_it_the_generation_is_read_once() -> None:
    register_client("pagina", SECRET)
    store = DatabaseCredentialStore()
    with CaptureQueriesContext(connection) as queries, one_generation():
        store.credentials_for("pagina")
        with one_generation():  # a request made in-process while the other is handled
            store.credentials_for("pagina")
        store.credentials_for("pagina")
    assert generation_reads(queries) == 1


def test_a_change_applies_from_the_next_request() -> None:
    # given a client read within one request
    register_client("wisselend", SECRET)
    store = DatabaseCredentialStore()
    with one_generation():
        found = store.credentials_for("wisselend")
        assert found is not None and found.secret == SECRET
        # when its secret changes while that request goes on
        register_client("wisselend", NEW_SECRET)
        # then that request keeps what it read
        still = store.credentials_for("wisselend")
        assert still is not None and still.secret == SECRET
    # and the next request sees the change
    with one_generation():
        found = store.credentials_for("wisselend")
        assert found is not None and found.secret == NEW_SECRET


def test_in_process_requests_within_one_request_read_it_once() -> None:
    # given an application calling this deployment's APIs in-process, as a page does
    register_client("app", SECRET, all_authorizations=True)
    client = ZGWClient(
        ZGWClient.roots_at("http://testserver"), auth=ClientCredentials("app", SECRET), in_process=True
    )
    # when it makes three requests while one request is handled
    with CaptureQueriesContext(connection) as queries, one_generation():
        for _ in range(3):
            assert list(client.catalogi.catalogussen.list()) == []
    # then the generation was read once
    assert generation_reads(queries) == 1
    # and three requests from outside read it three times
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            assert list(client.catalogi.catalogussen.list()) == []
    assert generation_reads(queries) == 3
