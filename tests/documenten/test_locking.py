"""Locking: drc-009/010 (RULES.md 4.2)."""

from __future__ import annotations

import pytest

from tests.documenten.factories import (
    codes,
    create_eio,
    documenten_client,
    eio_body,
    informatieobjecttype,
    lock,
)
from tests.zgw import ZGWClient


@pytest.fixture
def eio(api: ZGWClient) -> dict[str, str]:
    return create_eio(api, informatieobjecttype(api)["url"])


def test_update_needs_the_document_locked(api: ZGWClient, eio: dict[str, str]) -> None:
    response = api.patch(eio["url"], {"titel": "x", "lock": "abc"})
    assert response.status_code == 400
    assert codes(response) == [("nonFieldErrors", "unlocked")]


def test_update_needs_the_right_lock(api: ZGWClient, eio: dict[str, str]) -> None:
    lock(api, eio["url"])
    missing = api.patch(eio["url"], {"titel": "x"})
    wrong = api.patch(eio["url"], {"titel": "x", "lock": "niet-het-lock"})
    body = eio_body(eio["informatieobjecttype"])
    put_without = api.put(eio["url"], body)
    assert codes(missing) == [("nonFieldErrors", "missing-lock-id")]
    assert codes(wrong) == [("nonFieldErrors", "incorrect-lock-id")]
    assert ("lock", "required") in codes(put_without)
    assert api.get(eio["url"]).json_body["versie"] == 1


def test_lock_then_unlock(api: ZGWClient, eio: dict[str, str]) -> None:
    client = documenten_client(
        "locker", (eio["informatieobjecttype"], "zeer_geheim", ["documenten.lezen", "documenten.lock"])
    )
    key = lock(client, eio["url"])
    assert api.get(eio["url"]).json_body["locked"] is True
    assert codes(client.post(f"{eio['url']}/lock")) == [("nonFieldErrors", "existing-lock")]
    assert codes(client.post(f"{eio['url']}/unlock", {"lock": "fout"})) == [
        ("nonFieldErrors", "incorrect-lock-id")
    ]
    assert client.post(f"{eio['url']}/unlock", {"lock": key}).status_code == 204
    assert api.get(eio["url"]).json_body["locked"] is False


def test_unlock_without_lock_needs_the_force_scope(api: ZGWClient, eio: dict[str, str]) -> None:
    # given
    lock(api, eio["url"])
    iot = eio["informatieobjecttype"]
    plain = documenten_client("lock-only", (iot, "zeer_geheim", ["documenten.lezen", "documenten.lock"]))
    forcing = documenten_client("forcer", (iot, "zeer_geheim", ["documenten.geforceerd-unlock"]))
    # when / then
    response = plain.post(f"{eio['url']}/unlock", {})
    assert codes(response) == [("nonFieldErrors", "missing-lock-id")]
    assert forcing.post(f"{eio['url']}/unlock", {}).status_code == 204
    assert api.get(eio["url"]).json_body["locked"] is False


def test_lock_needs_its_scope(api: ZGWClient, eio: dict[str, str]) -> None:
    reader = documenten_client("reader", (eio["informatieobjecttype"], "zeer_geheim", ["documenten.lezen"]))
    assert reader.post(f"{eio['url']}/lock").status_code == 403
