"""The per-process cache of client secrets and authorisations: a request after a change sees the
change, a cached client costs one query per request, and data read around a concurrent change is
never served afterwards."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from zaakwerk.autorisaties import credentials as credentials_module
from zaakwerk.autorisaties.clients import delete_client, register_client
from zaakwerk.autorisaties.credentials import DatabaseCredentialStore
from zaakwerk.autorisaties.models import ApiClient
from zaakwerk.core.caller import Credentials

pytestmark = pytest.mark.django_db

SECRET = "een-geheim-van-voldoende-lengte-voor-hs256"
NEW_SECRET = "een-nieuw-geheim-van-voldoende-lengte"


def test_a_cached_client_costs_one_query_and_no_decryption(monkeypatch: pytest.MonkeyPatch) -> None:
    # given a client whose credentials were read once
    register_client("cached", SECRET, all_authorizations=True)
    store = DatabaseCredentialStore()
    first = store.credentials_for("cached")
    assert first is not None and first.secret == SECRET
    assert first.authorisations is not None and first.authorisations.heeft_alle_autorisaties

    def no_decryption(self: ApiClient) -> str | None:
        raise AssertionError("the secret was decrypted again")

    monkeypatch.setattr(ApiClient, "get_secret", no_decryption)
    # when they are read again
    with CaptureQueriesContext(connection) as queries:
        again = store.credentials_for("cached")
    # then only the generation was read
    assert again == first
    assert len(queries.captured_queries) == 1


def test_changes_apply_on_the_next_read() -> None:
    register_client("wisselend", SECRET)
    store = DatabaseCredentialStore()
    found = store.credentials_for("wisselend")
    assert found is not None and found.secret == SECRET and found.authorisations is None
    # a new secret and authorisations
    register_client("wisselend", NEW_SECRET, all_authorizations=True)
    found = store.credentials_for("wisselend")
    assert found is not None and found.secret == NEW_SECRET
    assert found.authorisations is not None and found.authorisations.heeft_alle_autorisaties
    # the secret removed
    delete_client(ApiClient.objects.get(client_id="wisselend"))
    assert store.credentials_for("wisselend") is None


def test_unknown_client_ids_are_not_cached() -> None:
    store = DatabaseCredentialStore()
    assert store.credentials_for("later") is None
    register_client("later", SECRET)
    found = store.credentials_for("later")
    assert found is not None and found.secret == SECRET


def test_data_read_during_a_change_is_not_served_after_it(monkeypatch: pytest.MonkeyPatch) -> None:
    # given a client, and a request that loads its credentials just before the client is removed
    # while a concurrent request (another thread) already sees the removal
    register_client("verwijderd", SECRET)
    store = DatabaseCredentialStore()
    real_load = credentials_module.load_credentials

    def load_then_change(client_id: str) -> Credentials | None:
        loaded = real_load(client_id)
        monkeypatch.setattr(credentials_module, "load_credentials", real_load)
        delete_client(ApiClient.objects.get(client_id=client_id))
        assert store.credentials_for(client_id) is None  # the concurrent request
        return loaded

    monkeypatch.setattr(credentials_module, "load_credentials", load_then_change)
    # when that read completes with the old secret
    assert store.credentials_for("verwijderd") is not None
    # then the next read sees the removal
    assert store.credentials_for("verwijderd") is None
