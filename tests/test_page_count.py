"""A list's ``count`` is the number of matching rows, whether a page that is not full says it
(no ``COUNT(*)`` then) or the rows are counted (a full page, or an empty one beyond the first).

The envelope is compared with what counting the rows gives, for every number of rows around the
page size, on every page: the same ``count``, ``next`` and ``previous``, and 404 beyond the last.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from tests.catalogi.main_types import BASE, catalogus, create, zaaktype_body
from tests.catalogi.sub_types import statustype_body
from tests.zgw import ZGWClient
from zaakwerk.api.pagination import count_of_page

pytestmark = pytest.mark.django_db
PAGE_SIZE = 2


@pytest.mark.parametrize(
    ("page", "found", "count"),
    [
        (1, 0, 0),  # an empty list
        (1, 1, 1),
        (1, 2, None),  # a full page: more may follow
        (2, 1, 3),
        (2, 0, None),  # beyond the last page, or exactly after a full one: count them
        (3, 1, 5),
    ],
)
def test_count_of_page(page: int, found: int, count: int | None) -> None:
    assert count_of_page(page, PAGE_SIZE, found) == count


@pytest.mark.parametrize("statustypen", [0, 1, 2, 3, 4, 5])
def test_envelope_is_that_of_counting(api: ZGWClient, statustypen: int) -> None:
    # given a zaaktype with a number of statustypen around the page size
    zaaktype = create(api, "zaaktypen", zaaktype_body(catalogus(api)))["url"]
    for number in range(1, statustypen + 1):
        create(api, "statustypen", statustype_body(zaaktype, volgnummer=number, omschrijving=f"S{number}"))
    last = max(1, -(-statustypen // PAGE_SIZE))
    with override_settings(PAGE_SIZE=PAGE_SIZE):
        for page in range(1, last + 2):
            # when a page is read
            with CaptureQueriesContext(connection) as captured:
                response = api.get(f"{BASE}/statustypen", zaaktype=zaaktype, status="alles", page=page)
            counted = any("COUNT(" in query["sql"].upper() for query in captured.captured_queries)
            # then beyond the last page is a 404, and every other page has the envelope of the count
            if page > last:
                assert response.status_code == 404, response.json_body
                continue
            assert response.status_code == 200, response.json_body
            body = response.json_body
            on_page = len(body["results"])
            assert body["count"] == statustypen
            assert on_page == min(PAGE_SIZE, statustypen - (page - 1) * PAGE_SIZE)
            assert (body["next"] is not None) == (page < last)
            assert (body["previous"] is not None) == (page > 1)
            # and only a full page needed counting the rows
            assert counted == (on_page == PAGE_SIZE)


@pytest.mark.parametrize(
    "path",
    [
        "/catalogi/api/v1/statustypen",
        "/besluiten/api/v1/besluiten",
        "/zaken/api/v1/zaken",
        "/zaken/api/v1/statussen",
        "/documenten/api/v1/enkelvoudiginformatieobjecten",
        "/referentielijsten/api/v1/resultaten",
    ],
)
@pytest.mark.parametrize("page", ["2124865141641695734005760", str(2**63 // 10_000 + 1)])
def test_a_page_no_list_can_have_is_a_404(api: ZGWClient, path: str, page: str) -> None:
    # a page whose rows' offset does not fit the database's 64-bit OFFSET (found by fuzzing: 500)
    response = api.get(f"http://testserver{path}", headers={"Accept-Crs": "EPSG:4326"}, page=page)
    assert response.status_code == 404, response.json_body
    assert response.json_body["code"] == "not_found"
