"""The benchmark's bulk copies of a zaak (``tests/archief/bulk.py``) read through the APIs exactly
like the zaak made through the APIs, and are destroyed the same way: so the benchmark measures
what production does."""

from __future__ import annotations

from typing import Any

import pytest

from tests.archief.bulk import clone
from tests.archief.support import archief_client, closed_zaak, exists, staff, zaaktype
from zaakwerk.archief.models import ListState, Step
from zaakwerk.archief.roles import ArchiefRole
from zaakwerk.archief.services import destruction, lists, selection
from zaakwerk.client import ZGWClient

pytestmark = pytest.mark.django_db(transaction=True)  # document contents are stored on commit

IDENTITY = {"url", "uuid", "identificatie", "status", "resultaat", "zaakinformatieobjecten"}


def _zaak(client: ZGWClient, url: str) -> dict[str, Any]:
    zaak = client.zaken.zaken.get(url)
    data = zaak.model_dump(exclude=IDENTITY | {"expanded"})
    # the references to its own parts differ per copy; that they are there does not
    data["has"] = [bool(zaak.status), bool(zaak.resultaat), len(zaak.zaakinformatieobjecten)]
    links = list(client.zaken.zaakinformatieobjecten.list(zaak=url))
    documents = []
    for link in links:
        document = client.documenten.enkelvoudiginformatieobjecten.get(link.informatieobject)
        mirrors = list(client.documenten.objectinformatieobjecten.list(informatieobject=document.url))
        documents.append(
            {
                "link": (link.titel, link.aard_relatie_weergave, link.registratiedatum is not None),
                "document": document.model_dump(exclude={"url", "identificatie", "inhoud", "expanded"}),
                "content": client.documenten.download(document, max_bytes=10_000_000),
                "mirrors": [(mirror.object == url, mirror.object_type) for mirror in mirrors],
            }
        )
    statussen = [(s.statustype, s.datum_status_gezet) for s in client.zaken.statussen.list(zaak=url)]
    resultaat = [r.resultaattype for r in client.zaken.resultaten.list(zaak=url)]
    audit = [(line.actie, line.resource) for line in client.zaken.audittrail(url)]
    return {
        "zaak": data,
        "documents": documents,
        "statussen": statussen,
        "resultaat": resultaat,
        "audit": audit,
    }


def test_a_copy_reads_like_the_zaak_made_through_the_apis_and_is_destroyed_alike() -> None:
    client = archief_client()
    melding = zaaktype(client)
    made = closed_zaak(client, melding, documenten=2)
    # when it is copied twice
    urls = clone(made, 2)
    # then each copy reads the same through the APIs, but for its own identity
    template = _zaak(client, made.zaak.url)
    assert len(template["documents"]) == 2 and template["audit"]
    for url in urls:
        copy = _zaak(client, url)
        for document in copy["documents"]:
            document["document"].pop("uuid", None)
        for document in template["documents"]:
            document["document"].pop("uuid", None)
        assert copy == template
    # the lists count them (the kept counts are rebuilt)
    filters = selection.Filters(kind=selection.Kind.VERNIETIGEN)
    chosen = list(selection.candidates(client, filters, made.zaak.archiefactiedatum))  # type: ignore[arg-type]
    assert {found.url for found in chosen} == {made.zaak.url, *urls}
    # and the copies are destroyed through the APIs with their documents, as the original is
    rm, rev, arch = (
        staff("rm", ArchiefRole.RECORDMANAGER),
        staff("rev", ArchiefRole.REVIEWER),
        staff("arch", ArchiefRole.ARCHIVARIS),
    )
    found = lists.compose(rm, "Kopieën", chosen)
    lists.submit(rm, found, rev)
    lists.approve(rev, found)
    lists.approve(arch, found)
    assert destruction.run(client).finished
    found.refresh_from_db()
    assert found.state == ListState.VERNIETIGD
    for item in found.items.all():
        assert item.step == Step.VERNIETIGD and len(item.plan["documenten"]) == 2
        assert not exists(client.zaken.zaken, item.zaak_url)
        assert not any(
            exists(client.documenten.enkelvoudiginformatieobjecten, url) for url in item.plan["documenten"]
        )
