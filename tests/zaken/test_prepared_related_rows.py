"""On PostgreSQL a page's related rows come from one prepared statement, planned once per
connection (ADR 0018); with prepared statements switched off the same statement is sent plainly.
Either way the representation is the same, and the statement shows up in query logging."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tests.zaken.factories import BASE, CRS, create_zaak, zaaktype
from tests.zgw import ZGWClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are a PostgreSQL matter")


def _related_statements() -> list[tuple[str, int]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT statement, generic_plans FROM pg_prepared_statements WHERE statement LIKE %s",
            ["%ANY%zaken_zaakeigenschap%"],
        )
        return [(str(statement), int(generic)) for statement, generic in cursor.fetchall()]


def test_related_rows_are_prepared_once_with_a_generic_plan(api: ZGWClient, postgresql: None) -> None:
    url = zaaktype(api)["url"]
    hoofdzaak = create_zaak(api, url)
    deelzaken = [create_zaak(api, url, hoofdzaak=hoofdzaak["url"]) for _ in range(3)]

    with CaptureQueriesContext(connection) as logged:
        detail = api.get(hoofdzaak["url"], headers=CRS)
        listed = api.get(f"{BASE}/zaken", headers=CRS)
    for response in (detail, listed):
        assert response.status_code == 200, response.json_body

    # one statement text for a batch of one and a page of four: prepared once, planned once
    prepared = _related_statements()
    assert len(prepared) == 1
    assert prepared[0][1] >= 1  # executions that used the generic plan
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        assert cursor.fetchone() == ("force_generic_plan",)
    # logged with its parameters, like every other statement
    related = [q["sql"] for q in logged if "zaken_zaakeigenschap" in q["sql"]]
    assert len(related) == 2 and all("ANY" in sql for sql in related)
    assert {d["url"] for d in deelzaken} == set(detail.json_body["deelzaken"])


def test_switched_off_the_statement_is_sent_plainly_with_the_same_result(
    api: ZGWClient, postgresql: None
) -> None:
    url = zaaktype(api)["url"]
    hoofdzaak = create_zaak(api, url)
    create_zaak(api, url, hoofdzaak=hoofdzaak["url"])
    prepared_body = api.get(hoofdzaak["url"], headers=CRS).json_body
    executions = _related_statements()

    with override_settings(DB_PREPARED_STATEMENTS=False):
        plain_body = api.get(hoofdzaak["url"], headers=CRS).json_body

    assert plain_body == prepared_body
    assert _related_statements() == executions  # the prepared statement did not run again
