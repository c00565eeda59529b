"""The shared cache of published catalogue objects of other APIs (docs/adr/0038)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import httpx
import pytest
from django.db import connection

from tests.remote import remote_api
from zaakwerk.client import Http

if TYPE_CHECKING:
    from pytest_django import Settings

pytestmark = pytest.mark.django_db
ELSEWHERE = "https://ztc.example.nl"
ZAAKTYPE = f"{ELSEWHERE}/catalogi/api/v1/zaaktypen/6f7c0000-0000-4000-8000-000000000001"
ZAAK = f"{ELSEWHERE}/zaken/api/v1/zaken/6f7c0000-0000-4000-8000-000000000002"


class Catalogus:
    """Serves objects with an ETag; answers If-None-Match with 304; counts what it was asked."""

    def __init__(self, objects: dict[str, dict[str, Any]]) -> None:
        self.objects = objects
        self.asked: list[tuple[str, str | None]] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        self.asked.append((url, request.headers.get("If-None-Match")))
        etag = f'"{len(str(self.objects[url]))}"'
        if request.headers.get("If-None-Match") == etag:
            return httpx.Response(304, headers={"ETag": etag})
        return httpx.Response(200, json=self.objects[url], headers={"ETag": etag})


def _rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM zaakwerk_cache")
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def test_a_published_type_is_asked_once_then_revalidated(settings: Settings) -> None:
    catalogus = Catalogus({ZAAKTYPE: {"url": ZAAKTYPE, "concept": False, "identificatie": "ZT"}})
    with remote_api(ELSEWHERE, catalogus.handle):
        # given a published zaaktype, fetched once
        assert Http().fetch(ZAAKTYPE).body["identificatie"] == "ZT"
        # then it is kept in the database, where every process of the deployment finds it
        assert _rows() >= 1
        # when it is needed again while fresh: not asked again
        assert Http().fetch(ZAAKTYPE).status == 200
        assert catalogus.asked == [(ZAAKTYPE, None)]
        # when it is no longer fresh: revalidated with its ETag, and a 304 keeps it
        settings.REMOTE_CACHE_SECONDS = 0
        assert Http().fetch(ZAAKTYPE).body["identificatie"] == "ZT"
        assert catalogus.asked[1][1] is not None


@pytest.mark.parametrize(
    ("url", "body"),
    [
        (ZAAKTYPE, {"url": ZAAKTYPE, "concept": True}),  # a concept may still change
        (ZAAK, {"url": ZAAK, "zaaktype": ZAAKTYPE}),  # a zaak changes all the time
    ],
    ids=["concept", "zaak"],
)
def test_what_may_change_is_not_cached(url: str, body: dict[str, Any]) -> None:
    catalogus = Catalogus({url: body})
    with remote_api(ELSEWHERE, catalogus.handle):
        Http().fetch(url)
        Http().fetch(url)
    assert [asked for asked, _ in catalogus.asked] == [url, url]
