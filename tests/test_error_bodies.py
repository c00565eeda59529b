"""Errors produced outside the endpoints still carry the standard's error body (RULES.md 1.4)."""

from __future__ import annotations

import orjson
import pytest
from django.test import Client

from tests.zgw import ZGWClient


@pytest.mark.django_db
def test_unknown_path_is_a_404_problem_also_for_writes(api: ZGWClient) -> None:
    # given a client that enforces CSRF like a browser would not (API calls carry no cookie)
    client = Client(enforce_csrf_checks=True)
    # when it posts to a path no API has
    response = client.post("/catalogi/api/v1/onbekend", data=b"{}", content_type="application/json")
    # then the answer is a Fout body, not an HTML CSRF page
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    body = orjson.loads(response.content)
    assert body["code"] == "not_found" and body["status"] == 404
    assert response["API-version"] == "1.3.3"


@pytest.mark.django_db
def test_wrong_method_is_a_405_problem_with_allow() -> None:
    response = Client().put("/catalogi/api/v1/catalogussen", data=b"{}", content_type="application/json")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "POST"}
    body = orjson.loads(response.content)
    assert {"code", "title", "status", "detail", "instance"} <= body.keys()
    assert body["status"] == 405
