"""Lists of enkelvoudiginformatieobjecten from the kept counts: counts that follow every change, and
pages that start in the right block of ids (zaakwerk.documenten.counts)."""

from __future__ import annotations

from typing import Any

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from tests.documenten.factories import (
    EIO,
    create_eio,
    documenten_client,
    eio_body,
    informatieobjecttype,
    lock,
)
from tests.zgw import ZGWClient
from zaakwerk.documenten import counts
from zaakwerk.documenten.models import DocumentAantal, DocumentBlokAantal

READ = ["documenten.lezen"]


def kept() -> tuple[set[tuple[str, int, int]], set[tuple[str, int, int, int]]]:
    groups = set(
        DocumentAantal.objects.exclude(aantal=0).values_list(
            "informatieobjecttype", "vertrouwelijkheid_rank", "aantal"
        )
    )
    blocks = set(
        DocumentBlokAantal.objects.exclude(aantal=0).values_list(
            "informatieobjecttype", "vertrouwelijkheid_rank", "blok", "aantal"
        )
    )
    return groups, blocks


def all_pages(client: ZGWClient) -> tuple[int, list[str]]:
    """The count of page 1 and the URLs of every page, following ``next``."""
    found: list[str] = []
    body: Any = client.get(EIO).json_body
    count = int(body["count"])
    while True:
        found.extend(item["url"] for item in body["results"])
        if body["next"] is None:
            return count, found
        body = client.get(body["next"]).json_body


@pytest.fixture
def small_pages(settings: SettingsWrapper, monkeypatch: pytest.MonkeyPatch) -> None:
    settings.PAGE_SIZE = 2
    monkeypatch.setattr(counts, "BLOCK", 2)


def test_counts_follow_create_new_version_and_delete(api: ZGWClient) -> None:
    # given
    iot = informatieobjecttype(api)["url"]
    first = create_eio(api, iot, vertrouwelijkheidaanduiding="openbaar")
    second = create_eio(api, iot, vertrouwelijkheidaanduiding="openbaar")
    reader = documenten_client("lezer", (iot, "openbaar", READ))
    assert reader.get(EIO).json_body["count"] == 2
    # when: a new version makes the first geheim, and the second is deleted
    value = lock(api, first["url"])
    assert (
        api.patch(first["url"], {"lock": value, "vertrouwelijkheidaanduiding": "geheim"}).status_code == 200
    )
    assert api.delete(second["url"]).status_code == 204
    # then
    assert reader.get(EIO).json_body["count"] == 0
    assert api.get(EIO).json_body["count"] == 1
    before = kept()
    counts.rebuild_counts()
    assert kept() == before  # what the services kept is what counting the documents gives


def test_a_refused_create_leaves_the_counts_as_they_were(api: ZGWClient) -> None:
    iot = informatieobjecttype(api)["url"]
    create_eio(api, iot, vertrouwelijkheidaanduiding="openbaar")
    maker = documenten_client("maker", (iot, "openbaar", ["documenten.aanmaken"]))
    before = kept()
    assert maker.post(EIO, eio_body(iot, vertrouwelijkheidaanduiding="geheim")).status_code == 403
    assert kept() == before
    assert api.get(EIO).json_body["count"] == 1


@pytest.mark.usefixtures("small_pages")
def test_every_page_starts_where_the_previous_ended(api: ZGWClient) -> None:
    # given: documents over several blocks of ids, one deleted in the middle, two not readable
    iot = informatieobjecttype(api)["url"]
    made = [create_eio(api, iot, vertrouwelijkheidaanduiding="openbaar")["url"] for _ in range(7)]
    hidden = [create_eio(api, iot, vertrouwelijkheidaanduiding="geheim")["url"] for _ in range(2)]
    made += [create_eio(api, iot, vertrouwelijkheidaanduiding="openbaar")["url"] for _ in range(2)]
    assert api.delete(made.pop(3)).status_code == 204
    reader = documenten_client("lezer", (iot, "openbaar", READ))
    # when
    everything = all_pages(api)
    readable = all_pages(reader)
    # then: every document once, in the order they were made
    assert everything == (10, [*made[:6], *hidden, *made[6:]])
    assert readable == (8, made)


@pytest.mark.usefixtures("small_pages")
def test_a_page_past_the_end_is_not_found(api: ZGWClient) -> None:
    iot = informatieobjecttype(api)["url"]
    for _ in range(3):
        create_eio(api, iot)
    assert api.get(EIO, page=2).json_body["count"] == 3
    assert api.get(EIO, page=3).status_code == 404
