"""Within ``references.catalogue_kept`` a local catalogue URL is read once (a registration checks
every document link against the same zaaktype, docs/adr/0100); outside it every read is live."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.catalogi.main_types import catalogus, create, zaaktype_body
from tests.zgw import ZGWClient
from zaakwerk.core import references

pytestmark = pytest.mark.django_db


def reads(url: str, times: int) -> tuple[int, list[references.Fetched]]:
    with CaptureQueriesContext(connection) as queries:
        found = [references.fetch(url) for _ in range(times)]
    return len(queries.captured_queries), found


def test_a_catalogue_object_is_read_once_within_the_block(api: ZGWClient) -> None:
    # given a zaaktype
    url = create(api, "zaaktypen", zaaktype_body(catalogus(api)))["url"]
    once, _ = reads(url, 1)
    # when it is read three times outside the block and three times inside it
    outside, live = reads(url, 3)
    with references.catalogue_kept():
        inside, kept = reads(url, 3)
    # then outside every read queries, inside only the first, and the answers are the same
    assert outside == 3 * once
    assert inside == once
    assert {status for _, status in kept} == {200}
    assert [body for body, _ in kept] == [body for body, _ in live]
    # and a caller changing its answer changes no other's
    first = kept[0][0]
    assert first is not None
    first["omschrijving"] = "gewijzigd"
    assert kept[1][0] is not None and kept[1][0]["omschrijving"] != "gewijzigd"


def test_after_the_block_reads_are_live_again(api: ZGWClient) -> None:
    url = create(api, "zaaktypen", zaaktype_body(catalogus(api)))["url"]
    with references.catalogue_kept():
        references.fetch(url)
    once, _ = reads(url, 1)
    twice, _ = reads(url, 2)
    assert once > 0
    assert twice == 2 * once
