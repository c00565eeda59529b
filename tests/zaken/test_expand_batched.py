"""``expand`` fetches what one level of a path embeds together: the queries of a zaak with its
documents do not grow with the number of documents (docs/adr/0069)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.zaken.factories import CRS, create_zaak
from tests.zaken.relation_helpers import DocumentType, FakeDocumenten, document_zaaktype, documenten, relate
from tests.zgw import ZGWClient

pytestmark = pytest.mark.django_db
__all__ = ["documenten"]  # fixture

EXPAND = "zaaktype,zaaktype.statustypen,zaakinformatieobjecten,zaakinformatieobjecten.informatieobject"


@pytest.fixture
def types(api: ZGWClient) -> DocumentType:
    return document_zaaktype(api)


def zaak_with_documents(api: ZGWClient, types: DocumentType, documenten: FakeDocumenten, count: int) -> str:
    zaak = create_zaak(api, types.zaaktype)
    for _ in range(count):
        relate(api, zaak["url"], documenten.add(types.informatieobjecttype))
    return str(zaak["url"])


def expanded(api: ZGWClient, url: str) -> tuple[int, list[str]]:
    """The queries one expanded read of ``url`` runs, and the documents it embedded."""
    with CaptureQueriesContext(connection) as captured:
        response = api.get(url, headers=CRS, expand=EXPAND)
    assert response.status_code == 200, response.json_body
    embedded = response.json_body["_expand"]["zaakinformatieobjecten"]
    return len(captured), [item["_expand"]["informatieobject"]["url"] for item in embedded]


def test_queries_do_not_grow_with_the_embedded_objects(
    api: ZGWClient, types: DocumentType, documenten: FakeDocumenten
) -> None:
    # given a zaak with two documents and one with eight
    few = zaak_with_documents(api, types, documenten, 2)
    many = zaak_with_documents(api, types, documenten, 8)
    expanded(api, few)  # warm: the caller's autorisaties are read once
    # when
    few_queries, few_documents = expanded(api, few)
    many_queries, many_documents = expanded(api, many)
    # then every document is embedded, in as many queries for eight as for two
    assert len(few_documents) == 2
    assert len(many_documents) == 8
    assert set(many_documents) <= set(documenten.documents)
    assert many_queries == few_queries
