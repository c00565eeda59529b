"""A local reference is resolved from a registered summary only when the caller has declared every
field it reads and the summary holds them; the summary's values are those of the whole
representation. Creating a zaak resolves its zaaktype from the summary (one catalogue query)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.zaken.factories import BASE, CRS, zaak_body, zaaktype
from tests.zgw import ZGWClient

pytestmark = pytest.mark.django_db


def test_summary_only_for_callers_that_declare_what_they_read(api: ZGWClient) -> None:
    from zaakwerk.core.references import ResourceKind, fetch, resolve

    url = zaaktype(api)["url"]
    whole, status = fetch(url)
    assert status == 200 and whole is not None

    undeclared = ResourceKind("catalogi", "zaaktypen", ("url", "identificatie"))
    declared = ResourceKind("catalogi", "zaaktypen", ("url",), used_fields=("concept", "productenOfDiensten"))
    beyond = ResourceKind("catalogi", "zaaktypen", ("url",), used_fields=("statustypen",))

    assert resolve(url, undeclared, field="zaaktype") == whole
    assert resolve(url, beyond, field="zaaktype") == whole
    summary = resolve(url, declared, field="zaaktype")
    assert "statustypen" not in summary
    assert summary == {key: whole[key] for key in summary}
    assert {"url", "concept", "productenOfDiensten"} <= summary.keys()


def test_creating_a_zaak_reads_its_zaaktype_row_only(api: ZGWClient) -> None:
    created = zaaktype(api, vertrouwelijkheidaanduiding="zaakvertrouwelijk")
    url = created["url"]

    with CaptureQueriesContext(connection) as queries:
        response = api.post(f"{BASE}/zaken", zaak_body(url), headers=CRS)

    assert response.status_code == 201, response.json_body
    catalogue = [q["sql"] for q in queries if "catalogi_" in q["sql"]]
    assert len(catalogue) == 1, catalogue
    # the default from the zaaktype (zrc-009), read from the summary
    assert response.json_body["vertrouwelijkheidaanduiding"] == "zaakvertrouwelijk"


def test_a_missing_or_unpublished_zaaktype_is_still_refused(api: ZGWClient) -> None:
    concept = zaaktype(api, published=False)["url"]
    missing = concept.rsplit("/", 1)[0] + "/00000000-0000-4000-8000-000000000000"

    for url, code in ((concept, "not-published"), (missing, "bad-url")):
        response = api.post(f"{BASE}/zaken", zaak_body(url), headers=CRS)
        assert response.status_code == 400, response.json_body
        assert [(p["name"], p["code"]) for p in response.json_body["invalidParams"]] == [("zaaktype", code)]
