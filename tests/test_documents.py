"""What each API serves about itself: its root and its OpenAPI document (self-contained, aimed at
this deployment, extensions marked on operations only)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
import yaml

from tests.zgw import ZGWClient
from zaakwerk.api import documents
from zaakwerk.api.versions import APIS

if TYPE_CHECKING:
    from pytest_django import Settings

pytestmark = pytest.mark.django_db

SEGMENTS = sorted(APIS)
# What a path item may hold for clients that read every other key as an operation (gemma-zds-client).
PATH_ITEM_KEYS = {"get", "put", "post", "delete", "patch", "head", "options", "trace", "parameters"}


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [ref for value in node.values() for ref in _refs(value)]
    if isinstance(node, list):
        return [ref for item in node for ref in _refs(item)]
    return []


def _resolves(spec: dict[str, Any], ref: str) -> bool:
    node: Any = spec
    for part in ref.removeprefix("#/").split("/"):
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


@pytest.mark.parametrize("segment", SEGMENTS)
def test_api_root_answers_without_a_token(segment: str, anonymous: ZGWClient, api: ZGWClient) -> None:
    base = f"http://testserver/{segment}/api/v1"
    # when
    response = anonymous.get(f"/{segment}/api/v1/")
    # then: the collections, each an absolute URL that answers, and the schema linked
    assert response.status_code == 200
    assert response["API-version"] == APIS[segment].version
    assert response.json_body
    for name, url in response.json_body.items():
        assert url == f"{base}/{name}"
        assert api.get(url, headers={"Accept-Crs": "EPSG:4326"}).status_code == 200, url
    assert f'<{base}/schema/openapi.yaml>; rel="service-desc"' in response["Link"]
    assert f'<{base}/schema/>; rel="service-doc"' in response["Link"]
    assert anonymous.get(f"/{segment}/api/v1").json_body == response.json_body


def test_api_root_lists_the_standards_collections(anonymous: ZGWClient) -> None:
    zaken = anonymous.get("/zaken/api/v1/").json_body
    assert {"zaken", "statussen", "rollen", "resultaten", "zaakobjecten", "zaakinformatieobjecten"} <= set(
        zaken
    )
    assert set(anonymous.get("/notificaties/api/v1/").json_body) == {"kanaal", "abonnement"}
    assert set(anonymous.get("/autorisaties/api/v1/").json_body) == {"applicaties"}


def test_api_root_is_read_only(anonymous: ZGWClient) -> None:
    response = anonymous.post("/zaken/api/v1/", {})
    assert response.status_code == 405
    assert response.json_body["status"] == 405


@pytest.mark.parametrize("segment", SEGMENTS)
def test_served_document_is_self_contained(segment: str, anonymous: ZGWClient) -> None:
    served = yaml.safe_load(anonymous.get(f"/{segment}/api/v1/schema/openapi.yaml").content)
    refs = _refs(served)
    assert [ref for ref in refs if not ref.startswith("#/")] == []
    assert [ref for ref in refs if not _resolves(served, ref)] == []
    assert anonymous.get(f"/{segment}/api/v1/schema/openapi.json").json_body == served


def test_sibling_schemas_are_copied_in_and_renamed_only_on_a_clash() -> None:
    zaken = documents.self_contained("zaken")
    catalogi = documents.official("catalogi")["components"]["schemas"]
    schemas = zaken["components"]["schemas"]
    # ZaakType came from the Catalogi document, with everything it refers to
    assert schemas["ZaakType"]["properties"].keys() == catalogi["ZaakType"]["properties"].keys()
    assert (
        schemas["ZaakType"]["properties"]["selectielijstProcestype"]
        == catalogi["ZaakType"]["properties"]["selectielijstProcestype"]
    )
    # Catalogi's AardRelatieEnum differs from the Zaken API's own: both are there
    assert (
        schemas["AardRelatieEnum"] == documents.official("zaken")["components"]["schemas"]["AardRelatieEnum"]
    )
    assert schemas["CatalogiAardRelatieEnum"] == catalogi["AardRelatieEnum"]


@pytest.mark.parametrize("segment", SEGMENTS)
def test_served_servers_name_this_deployment(segment: str, anonymous: ZGWClient, settings: Settings) -> None:
    served = anonymous.get(f"/{segment}/api/v1/schema/openapi.json").json_body
    assert served["servers"] == [{"url": f"http://testserver/{segment}/api/v1"}]
    settings.PUBLIC_URL = "https://zaken.gemeente.example/zgw"
    moved = yaml.safe_load(anonymous.get(f"/{segment}/api/v1/schema/openapi.yaml").content)
    assert moved["servers"] == [{"url": f"https://zaken.gemeente.example/zgw/{segment}/api/v1"}]


@pytest.mark.parametrize("segment", SEGMENTS)
def test_path_items_hold_only_operations_and_parameters(segment: str, anonymous: ZGWClient) -> None:
    served = anonymous.get(f"/{segment}/api/v1/schema/openapi.json").json_body
    for template, item in served["paths"].items():
        assert set(item) <= PATH_ITEM_KEYS, template


def test_vendored_documents_stay_as_published() -> None:
    # the served document is built from them; they keep the upstream relative references
    raw = APIS["zaken"].spec_path.read_text(encoding="utf-8")
    assert "../../../../catalogi/ztc/1.3.x/1.3.2/openapi.yaml#/components/schemas/ZaakType" in raw
    assert "/zaken/_registreren" not in raw


def test_validation_refuses_an_empty_string_for_a_uri() -> None:
    # every response in the suite is checked so; "" in a `format: uri` field is no URI
    from tests.contract import FORMATS

    assert FORMATS.conforms("https://example.com/x", "uri")
    assert not FORMATS.conforms("", "uri")
    assert not FORMATS.conforms("/zaken/api/v1/zaken", "uri")
