"""A document is received once: at most one verzending with aardRelatie ``afzender`` per document.

Sending it on is unrestricted: any number of ``geadresseerde`` verzendingen may sit next to the one
``afzender`` (RULES.md 4.6; Documenten 1.7 ``Verzending``).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.documenten.factories import codes, create_eio, informatieobjecttype
from tests.documenten.test_verzendingen import VZ, verzending_body
from tests.zgw import ZGWClient
from zaakwerk.documenten.models import Verzending


@pytest.fixture
def eio(api: ZGWClient) -> dict[str, Any]:
    return create_eio(api, informatieobjecttype(api)["url"])


def afzender(informatieobject: str, **overrides: Any) -> dict[str, Any]:
    return verzending_body(informatieobject, aardRelatie="afzender", ontvangstdatum="2025-03-01", **overrides)


def assert_second_afzender_refused(response: Any) -> None:
    assert response.status_code == 400, response.json_body
    assert codes(response) == [("nonFieldErrors", "unique")]


def test_a_second_afzender_is_refused(api: ZGWClient, eio: dict[str, Any]) -> None:
    # given
    first = api.post(VZ, afzender(eio["url"]))
    assert first.status_code == 201, first.json_body
    # when
    second = api.post(VZ, afzender(eio["url"], emailadres="ander@example.com"))
    # then
    assert_second_afzender_refused(second)
    assert list(Verzending.objects.values_list("emailadres", flat=True)) == ["melder@example.com"]


def test_a_received_document_can_be_sent_to_many(api: ZGWClient, eio: dict[str, Any]) -> None:
    assert api.post(VZ, afzender(eio["url"])).status_code == 201
    for adres in ("a@example.com", "b@example.com"):
        response = api.post(VZ, verzending_body(eio["url"], emailadres=adres))
        assert response.status_code == 201, response.json_body
    assert api.get(VZ, informatieobject=eio["url"]).json_body["count"] == 3


def test_each_document_has_its_own_afzender(api: ZGWClient, eio: dict[str, Any]) -> None:
    other = create_eio(api, eio["informatieobjecttype"])
    assert api.post(VZ, afzender(eio["url"])).status_code == 201
    assert api.post(VZ, afzender(other["url"])).status_code == 201


def test_patch_to_afzender_is_refused_when_there_is_one(api: ZGWClient, eio: dict[str, Any]) -> None:
    # given: an afzender and a geadresseerde
    assert api.post(VZ, afzender(eio["url"])).status_code == 201
    geadresseerde = api.post(VZ, verzending_body(eio["url"], emailadres="b@example.com")).json_body
    # when: the geadresseerde is turned into a second afzender
    response = api.patch(geadresseerde["url"], {"aardRelatie": "afzender"})
    # then: refused, and nothing changed
    assert_second_afzender_refused(response)
    assert api.get(geadresseerde["url"]).json_body["aardRelatie"] == "geadresseerde"


def test_the_afzender_itself_can_be_changed(api: ZGWClient, eio: dict[str, Any]) -> None:
    created = api.post(VZ, afzender(eio["url"])).json_body
    patched = api.patch(created["url"], {"toelichting": "per post ontvangen"})
    assert patched.status_code == 200, patched.json_body
    put = api.put(created["url"], afzender(eio["url"], toelichting="per e-mail ontvangen"))
    assert put.status_code == 200, put.json_body
    assert put.json_body["toelichting"] == "per e-mail ontvangen"


def test_moving_an_afzender_to_a_document_that_has_one_is_refused(
    api: ZGWClient, eio: dict[str, Any]
) -> None:
    other = create_eio(api, eio["informatieobjecttype"])
    assert api.post(VZ, afzender(other["url"])).status_code == 201
    mine = api.post(VZ, afzender(eio["url"])).json_body
    response = api.put(mine["url"], afzender(other["url"]))
    assert_second_afzender_refused(response)
    assert api.get(mine["url"]).json_body["informatieobject"] == eio["url"]


def test_after_deleting_the_afzender_another_may_be_recorded(api: ZGWClient, eio: dict[str, Any]) -> None:
    created = api.post(VZ, afzender(eio["url"])).json_body
    assert api.delete(created["url"]).status_code == 204
    assert api.post(VZ, afzender(eio["url"], emailadres="ander@example.com")).status_code == 201
