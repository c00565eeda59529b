"""Contents: download (streamed, per version), bestandsdelen (RULES.md 4.4), and no leftovers when a
transaction fails."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from pytest_django.fixtures import Settings as SettingsWrapper

from tests.contract import check_response
from tests.documenten.factories import EIO, b64, codes, create_eio, eio_body, informatieobjecttype, lock
from tests.zgw import ZGWClient, ZGWResponse
from zaakwerk.core.actor import Actor
from zaakwerk.core.models import OutboxMessage
from zaakwerk.documenten import storage
from zaakwerk.documenten.models import EnkelvoudigInformatieObject, Inhoud
from zaakwerk.documenten.services import informatieobjecten
from zaakwerk.documenten.services.cleanup import cleanup_storage

# Contents are published when their transaction commits: these tests commit for real.
pytestmark = pytest.mark.django_db(transaction=True)


def download(api: ZGWClient, url: str, **query: str) -> tuple[int, bytes]:
    response = Client().get(
        f"{url}/download", data=query or None, headers={"Authorization": f"Bearer {api.token}"}
    )
    if response.status_code != 200:
        return response.status_code, b""
    assert response.streaming  # sent in chunks, never built in memory
    assert response["Content-Type"] == "application/octet-stream"
    content = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    check_response(
        "GET", f"{url}/download".removeprefix("http://testserver"), 200, response["Content-Type"], content
    )
    return 200, content


def upload(api: ZGWClient, part_url: str, data: bytes, lock_value: str) -> ZGWResponse:
    from io import BytesIO

    body = BytesIO(data)
    body.name = "deel.bin"  # type: ignore[attr-defined]
    raw = encode_multipart(BOUNDARY, {"inhoud": body, "lock": lock_value})
    return api.request("PUT", part_url, raw=raw, content_type=MULTIPART_CONTENT)


@pytest.fixture
def iot_url(api: ZGWClient) -> str:
    return str(informatieobjecttype(api)["url"])


@pytest.fixture(autouse=True)
def small_parts(settings: SettingsWrapper) -> None:
    settings.DOCUMENT_PART_SIZE = 4


def test_download_streams_each_version(api: ZGWClient, iot_url: str) -> None:
    data = create_eio(api, iot_url, inhoud=b64(b"eerste"))
    key = lock(api, data["url"])
    assert api.patch(data["url"], {"inhoud": b64(b"tweede versie"), "lock": key}).status_code == 200
    assert download(api, data["url"]) == (200, b"tweede versie")
    assert download(api, data["url"], versie="1") == (200, b"eerste")
    assert download(api, data["url"], versie="7")[0] == 404
    stored = Inhoud.objects.order_by("id").last()
    assert stored is not None and stored.omvang == len(b"tweede versie")
    import hashlib

    assert stored.sha256 == hashlib.sha256(b"tweede versie").hexdigest()


def test_inline_content_larger_than_one_decoding_chunk_arrives_whole(api: ZGWClient, iot_url: str) -> None:
    # given: base64 text that decodes in several chunks, the last one partial
    import hashlib
    import os

    content = os.urandom(200_003)
    # when
    data = create_eio(api, iot_url, inhoud=b64(content), bestandsomvang=len(content))
    # then
    assert data["bestandsomvang"] == len(content)
    assert download(api, data["url"]) == (200, content)
    stored = Inhoud.objects.get()
    assert stored.sha256 == hashlib.sha256(content).hexdigest()


def test_upload_in_parts(api: ZGWClient, iot_url: str) -> None:
    # given: 10 bytes announced, no inhoud
    content = b"0123456789"
    response = api.post(EIO, eio_body(iot_url, inhoud=None, bestandsomvang=len(content)))
    assert response.status_code == 201, response.json_body
    data = response.json_body
    assert data["locked"] is True and data["lock"]
    parts = data["bestandsdelen"]
    assert [(p["volgnummer"], p["omvang"], p["voltooid"]) for p in parts] == [
        (1, 4, False),
        (2, 4, False),
        (3, 2, False),
    ]
    # unlocking before every part is there is refused
    assert codes(api.post(f"{data['url']}/unlock", {"lock": data["lock"]})) == [
        ("nonFieldErrors", "incomplete-upload")
    ]
    # when: out of order, and one part twice (a retry replaces it)
    assert upload(api, parts[2]["url"], b"89", data["lock"]).json_body["voltooid"] is True
    assert upload(api, parts[0]["url"], b"xxxx", data["lock"]).status_code == 200
    assert upload(api, parts[0]["url"], b"0123", data["lock"]).status_code == 200
    wrong_size = upload(api, parts[1]["url"], b"45", data["lock"])
    wrong_lock = upload(api, parts[1]["url"], b"4567", "fout")
    assert codes(wrong_size) == [("inhoud", "file-size")]
    assert codes(wrong_lock) == [("nonFieldErrors", "incorrect-lock-id")]
    assert upload(api, parts[1]["url"], b"4567", data["lock"]).status_code == 200
    assert [p["voltooid"] for p in api.get(data["url"]).json_body["bestandsdelen"]] == [True, True, True]
    # then: unlocking merges them
    assert api.post(f"{data['url']}/unlock", {"lock": data["lock"]}).status_code == 204
    after = api.get(data["url"]).json_body
    assert (after["bestandsdelen"], after["bestandsomvang"], after["locked"]) == ([], 10, False)
    assert download(api, data["url"]) == (200, content)


def test_part_upload_needs_form_fields(api: ZGWClient, iot_url: str) -> None:
    data = api.post(EIO, eio_body(iot_url, inhoud=None, bestandsomvang=4)).json_body
    raw = encode_multipart(BOUNDARY, {"iets": "anders"})
    response = api.request("PUT", data["bestandsdelen"][0]["url"], raw=raw, content_type=MULTIPART_CONTENT)
    assert sorted(codes(response)) == [("inhoud", "required"), ("lock", "required")]


def test_a_failing_transaction_leaves_no_file_and_no_row(
    api: ZGWClient, iot_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given: the notification fails after the content was written
    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(informatieobjecten, "record", fail)
    before = storage.backend().listing(storage.TEMP_PREFIX) + storage.backend().listing(storage.FINAL_PREFIX)
    # when
    with pytest.raises(RuntimeError):
        informatieobjecten.create_informatieobject(
            {
                "bronorganisatie": "517439943",
                "creatiedatum": date(2024, 3, 1),
                "titel": "t",
                "auteur": "a",
                "taal": "nld",
                "informatieobjecttype": iot_url,
            },
            b64(b"inhoud"),
            api_actor(),
        )
    # then
    after = storage.backend().listing(storage.TEMP_PREFIX) + storage.backend().listing(storage.FINAL_PREFIX)
    assert after == before
    assert not EnkelvoudigInformatieObject.objects.exists() and not Inhoud.objects.exists()
    assert not OutboxMessage.objects.filter(kanaal="documenten").exists()


def test_cleanup_removes_leftovers_and_keeps_contents(api: ZGWClient, iot_url: str) -> None:
    # given: a document, and a leftover from a transaction that never committed
    data = create_eio(api, iot_url)
    storage.backend().write(storage.TEMP_PREFIX + "verweesd", [b"weg"])
    storage.backend().write(storage.FINAL_PREFIX + "verweesd", [b"weg"])
    # when
    removed = cleanup_storage(older_than=timedelta(seconds=-1))
    # then
    assert {storage.FINAL_PREFIX + "verweesd", storage.TEMP_PREFIX + "verweesd"} <= set(removed)
    assert download(api, data["url"])[0] == 200


def api_actor() -> Actor:
    return Actor.system("test")
