"""``expand`` on enkelvoudiginformatieobjecten: list, read (any version) and ``_zoek``
(RULES.md 1.12, drc-011..014): the informatieobjecttype embedded, 404 for what cannot be expanded,
and never more than the caller may read."""

from __future__ import annotations

from typing import Any

import pytest

from tests.documenten.factories import EIO, create_eio, documenten_client, informatieobjecttype
from tests.zgw import ZGWClient

ZOEK = f"{EIO}/_zoek"
READ = ["documenten.lezen"]


@pytest.fixture
def iot(api: ZGWClient) -> dict[str, Any]:
    return informatieobjecttype(api)


def _uuid(document: dict[str, Any]) -> str:
    return str(document["url"]).rsplit("/", 1)[1]


def test_read_embeds_the_informatieobjecttype(api: ZGWClient, iot: dict[str, Any]) -> None:
    document = create_eio(api, iot["url"])
    data = api.get(document["url"], expand="informatieobjecttype").json_body
    assert data["_expand"]["informatieobjecttype"] == api.get(iot["url"]).json_body
    # the field itself stays a URL; without expand there is no _expand
    assert data["informatieobjecttype"] == iot["url"]
    assert "_expand" not in api.get(document["url"]).json_body


def test_nested_expand_of_the_type(api: ZGWClient, iot: dict[str, Any]) -> None:
    document = create_eio(api, iot["url"])
    data = api.get(document["url"], expand="informatieobjecttype.catalogus").json_body
    embedded = data["_expand"]["informatieobjecttype"]
    assert embedded["_expand"]["catalogus"]["url"] == iot["catalogus"]


def test_read_of_an_older_version_embeds_its_type(api: ZGWClient, iot: dict[str, Any]) -> None:
    document = create_eio(api, iot["url"])
    assert api.patch(document["url"], {"titel": "Nieuw", "lock": _lock(api, document)}).status_code == 200
    data = api.get(document["url"], versie=1, expand="informatieobjecttype").json_body
    assert data["versie"] == 1
    assert data["_expand"]["informatieobjecttype"]["url"] == iot["url"]


def _lock(api: ZGWClient, document: dict[str, Any]) -> str:
    return str(api.post(f"{document['url']}/lock").json_body["lock"])


def test_list_embeds_per_document(api: ZGWClient, iot: dict[str, Any]) -> None:
    other = informatieobjecttype(api, domein="ANDER")
    first, second = create_eio(api, iot["url"]), create_eio(api, other["url"])
    page = api.get(EIO, expand="informatieobjecttype").json_body
    embedded = {item["url"]: item["_expand"]["informatieobjecttype"]["url"] for item in page["results"]}
    assert embedded == {first["url"]: iot["url"], second["url"]: other["url"]}
    assert all("_expand" not in item for item in api.get(EIO).json_body["results"])


def test_zoek_embeds_from_the_body(api: ZGWClient, iot: dict[str, Any]) -> None:
    document = create_eio(api, iot["url"])
    create_eio(api, iot["url"])  # not asked for
    page = api.post(ZOEK, {"uuid__in": [_uuid(document)], "expand": "informatieobjecttype"}).json_body
    assert page["count"] == 1
    assert page["results"][0]["_expand"]["informatieobjecttype"]["url"] == iot["url"]


@pytest.mark.parametrize("name", ["nietsbestaands", "url"])
def test_unknown_name_is_404(api: ZGWClient, iot: dict[str, Any], name: str) -> None:
    # drc-013: only attributes of the resource can be expanded
    document = create_eio(api, iot["url"])
    assert api.get(document["url"], expand=name).status_code == 404
    assert api.get(EIO, expand=name).status_code == 404
    assert api.post(ZOEK, {"uuid__in": [_uuid(document)], "expand": name}).status_code == 404


def test_what_is_no_resource_of_a_related_api_is_404(api: ZGWClient, iot: dict[str, Any]) -> None:
    # drc-011/drc-014: the content download is not a resource that can be embedded
    document = create_eio(api, iot["url"])
    response = api.get(document["url"], expand="inhoud")
    assert response.status_code == 404
    assert response.json_body["code"] == "not_found"


def test_malformed_path_is_400(api: ZGWClient, iot: dict[str, Any]) -> None:
    document = create_eio(api, iot["url"])
    response = api.get(document["url"], expand="informatieobjecttype..catalogus")
    assert response.status_code == 400
    assert response.json_body["code"] == "invalid"


def test_expand_never_shows_more_than_reading(api: ZGWClient, iot: dict[str, Any]) -> None:
    # given: a reader of one type up to "intern"
    other = informatieobjecttype(api, domein="ANDER")
    visible = create_eio(api, iot["url"], vertrouwelijkheidaanduiding="openbaar")
    secret = create_eio(api, iot["url"], vertrouwelijkheidaanduiding="geheim")
    foreign = create_eio(api, other["url"], vertrouwelijkheidaanduiding="openbaar")
    reader = documenten_client("beperkt", (iot["url"], "intern", READ))
    # then: only the visible document is listed, found and embedded with its type
    for page in (
        reader.get(EIO, expand="informatieobjecttype").json_body,
        reader.post(
            ZOEK,
            {"uuid__in": [_uuid(d) for d in (visible, secret, foreign)], "expand": "informatieobjecttype"},
        ).json_body,
    ):
        assert [item["url"] for item in page["results"]] == [visible["url"]]
        assert page["results"][0]["_expand"]["informatieobjecttype"]["url"] == iot["url"]
    # and asking for an expansion does not open a document the reader may not read
    for document in (secret, foreign):
        response = reader.get(document["url"], expand="informatieobjecttype")
        assert response.status_code == 403
        assert "_expand" not in response.json_body
