"""Other registers resolve this register's URLs in-process: the same body as ``GET``, no HTTP."""

from __future__ import annotations

import pytest
from django.test import override_settings

from tests.referentielijsten import fixtures
from tests.referentielijsten.fixtures import BASE
from tests.zgw import ZGWClient
from zaakwerk.core import references
from zaakwerk.core.errors import ValidationError
from zaakwerk.core.references import ResourceKind, fetch, resolve

pytestmark = pytest.mark.django_db

PROCESTYPE = ResourceKind("referentielijsten", "procestypen", ("url", "nummer", "jaar", "naam"))
RESULTAAT = ResourceKind("referentielijsten", "resultaten", ("url", "procesType", "procestermijn"))


def _first_url(client: ZGWClient, path: str) -> str:
    body = client.get(f"{BASE}/{path}").json_body
    items = body["results"] if isinstance(body, dict) else body
    return str(items[-1]["url"])


@pytest.fixture
def no_http(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(url: str) -> tuple[None, int]:
        raise AssertionError(f"fetched through the client: {url}")

    monkeypatch.setattr(references, "_get", refuse)


@pytest.mark.parametrize(
    "path", ["procestypen", "resultaten", "resultaattypeomschrijvingen", "communicatiekanalen"]
)
def test_local_loader_returns_what_get_returns(anonymous: ZGWClient, no_http: None, path: str) -> None:
    url = _first_url(anonymous, path)
    # when
    body, status = fetch(url)
    # then
    assert status == 200
    assert body == anonymous.get(url).json_body


@pytest.mark.parametrize(
    "path", ["procestypen", "resultaten", "resultaattypeomschrijvingen", "communicatiekanalen"]
)
def test_local_loader_unknown_uuid_is_404(no_http: None, path: str) -> None:
    assert fetch(f"{fixtures.ROOT}/{path}/00000000-0000-4000-8000-000000000000") == (None, 404)


def test_withdrawn_resultaat_does_not_resolve(no_http: None) -> None:
    row = fixtures.withdrawn_resultaten()[0]
    assert fetch(fixtures.url("resultaten", row["uuid"])) == (None, 404)


def test_resolve_checks_the_kind(anonymous: ZGWClient, no_http: None) -> None:
    procestype_url = _first_url(anonymous, "procestypen")
    resultaat_url = _first_url(anonymous, "resultaten")
    assert resolve(procestype_url, PROCESTYPE, field="selectielijstProcestype")["url"] == procestype_url
    assert resolve(resultaat_url, RESULTAAT, field="selectielijstklasse")["url"] == resultaat_url
    with pytest.raises(ValidationError) as wrong_kind:
        resolve(resultaat_url, PROCESTYPE, field="selectielijstProcestype")
    assert [(e.name, e.code) for e in wrong_kind.value.errors] == [
        ("selectielijstProcestype", "invalid-resource")
    ]
    with pytest.raises(ValidationError) as missing:
        resolve(f"{fixtures.ROOT}/procestypen/00000000-0000-4000-8000-000000000000", PROCESTYPE, field="x")
    assert [e.code for e in missing.value.errors] == ["bad-url"]


@override_settings(PUBLIC_URL="https://zaken.gemeente.example")
def test_urls_follow_the_public_url(no_http: None) -> None:
    row = fixtures.served_resultaten()[0]
    procestype = next(p for p in fixtures.procestypen() if p["pk"] == row["proces_type"])
    root = "https://zaken.gemeente.example/referentielijsten/api/v1"
    # when
    body, status = fetch(f"{root}/resultaten/{row['uuid']}")
    # then
    assert status == 200 and body is not None
    assert body["url"] == f"{root}/resultaten/{row['uuid']}"
    assert body["procesType"] == f"{root}/procestypen/{procestype['uuid']}"
