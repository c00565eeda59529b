"""Authorisation per informatieobjecttype, vertrouwelijkheid and alleenIsGereedVoorPublicatie
(RULES.md 1.7)."""

from __future__ import annotations

from tests.documenten.factories import EIO, create_eio, documenten_client, eio_body, informatieobjecttype
from tests.zgw import ZGWClient

READ = ["documenten.lezen"]


def test_lists_and_reads_only_what_the_caller_may_see(api: ZGWClient) -> None:
    # given
    mine, other = informatieobjecttype(api)["url"], informatieobjecttype(api, domein="ANDER")["url"]
    open_doc = create_eio(api, mine, vertrouwelijkheidaanduiding="openbaar")
    secret_doc = create_eio(api, mine, vertrouwelijkheidaanduiding="geheim")
    other_doc = create_eio(api, other, vertrouwelijkheidaanduiding="openbaar")
    client = documenten_client("lezer", (mine, "intern", READ))
    # when
    listed = client.get(EIO).json_body
    # then
    assert listed["count"] == 1
    assert [item["url"] for item in listed["results"]] == [open_doc["url"]]
    assert client.get(open_doc["url"]).status_code == 200
    assert client.get(secret_doc["url"]).status_code == 403
    assert client.get(other_doc["url"]).status_code == 403
    assert (
        client.post(
            f"{EIO}/_zoek", {"uuid__in": [d["url"].rsplit("/", 1)[1] for d in (open_doc, secret_doc)]}
        ).json_body["count"]
        == 1
    )


def test_alleen_is_gereed_voor_publicatie(api: ZGWClient) -> None:
    iot = informatieobjecttype(api)["url"]
    ready = create_eio(api, iot, isGereedVoorPublicatie=True)
    not_ready = create_eio(api, iot, isGereedVoorPublicatie=None)
    client = documenten_client("publicatie", (iot, "zeer_geheim", READ), gereed=True)
    assert [item["url"] for item in client.get(EIO).json_body["results"]] == [ready["url"]]
    assert client.get(not_ready["url"]).status_code == 403


def test_create_outside_the_autorisaties_is_forbidden(api: ZGWClient) -> None:
    iot = informatieobjecttype(api)["url"]
    client = documenten_client("maker", (iot, "openbaar", ["documenten.aanmaken"]))
    assert client.post(EIO, eio_body(iot, vertrouwelijkheidaanduiding="geheim")).status_code == 403
    assert client.post(EIO, eio_body(iot, vertrouwelijkheidaanduiding="openbaar")).status_code == 201
    assert api.get(EIO).json_body["count"] == 1


def test_no_token_is_refused(anonymous: ZGWClient) -> None:
    assert anonymous.get(EIO).status_code == 401
