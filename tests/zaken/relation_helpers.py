"""Fakes of the Documenten and Besluiten registers, and a zaaktype that allows documents.

The fakes are installed as this deployment's local registers (zaakwerk.zaken.registers), the
way the real registers plug in, so the Zaken register's code paths are the production ones.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.catalogi.main_types import catalogus, create, iot_body, publish, zaaktype_body
from tests.catalogi.sub_types import statustype_body, ziot_body
from tests.zaken.factories import BASE, create_zaak
from tests.zgw import ZGWClient
from zaakwerk.core.references import build_url
from zaakwerk.zaken import registers


@dataclass
class FakeDocumenten(registers.DocumentenRegister):
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    mirrors: set[tuple[str, str, str]] = field(default_factory=set)
    refuse: bool = False

    def add(self, informatieobjecttype: str, vertrouwelijkheidaanduiding: str = "openbaar") -> str:
        url = build_url("documenten", "enkelvoudiginformatieobjecten", uuid.uuid4())
        self.documents[url] = {
            "url": url,
            "identificatie": f"DOC-{len(self.documents) + 1}",
            "bronorganisatie": "517439943",
            "titel": "Foto van de stoeptegel",
            "informatieobjecttype": informatieobjecttype,
            "vertrouwelijkheidaanduiding": vertrouwelijkheidaanduiding,
        }
        return url

    def informatieobject(self, url: str) -> dict[str, Any] | None:
        return self.documents.get(url)

    def create_objectinformatieobject(self, informatieobject: str, object_url: str, object_type: str) -> None:
        if self.refuse:
            raise registers.RegisterError("geweigerd")
        self.mirrors.add((informatieobject, object_url, object_type))

    def delete_objectinformatieobject(self, informatieobject: str, object_url: str) -> None:
        if self.refuse:
            raise registers.RegisterError("geweigerd")
        self.mirrors = {m for m in self.mirrors if m[:2] != (informatieobject, object_url)}


@dataclass
class FakeBesluiten(registers.BesluitenRegister):
    besluiten: dict[str, dict[str, Any]] = field(default_factory=dict)

    def add(self, besluittype: str, zaak: str = "") -> str:
        url = build_url("besluiten", "besluiten", uuid.uuid4())
        self.besluiten[url] = {
            "url": url,
            "identificatie": f"BESLUIT-{len(self.besluiten) + 1}",
            "verantwoordelijkeOrganisatie": "517439943",
            "besluittype": besluittype,
            "zaak": zaak,
            "datum": "2024-04-01",
            "ingangsdatum": "2024-04-02",
        }
        return url

    def besluit(self, url: str) -> dict[str, Any] | None:
        return self.besluiten.get(url)


@pytest.fixture
def documenten() -> Iterator[FakeDocumenten]:
    fake = FakeDocumenten()
    with registers.local_documenten.replaced("documenten", fake):
        yield fake


@pytest.fixture
def besluiten() -> Iterator[FakeBesluiten]:
    fake = FakeBesluiten()
    with registers.local_besluiten.replaced("besluiten", fake):
        yield fake


@dataclass(frozen=True)
class DocumentType:
    """A published zaaktype: a first statustype (not the eindstatus), one allowed informatieobjecttype."""

    zaaktype: str
    statustype: str
    informatieobjecttype: str
    other_informatieobjecttype: str  # in the catalogus, not related to the zaaktype


def document_zaaktype(api: ZGWClient, *, identificatie: str = "ZT-DOC", **overrides: Any) -> DocumentType:
    cat = catalogus(api, domein=identificatie[-5:])
    zaaktype = create(api, "zaaktypen", zaaktype_body(cat, identificatie=identificatie, **overrides))["url"]
    iot = publish(api, create(api, "informatieobjecttypen", iot_body(cat))["url"])["url"]
    other_iot = create(api, "informatieobjecttypen", iot_body(cat, omschrijving="Ander"))
    other = publish(api, other_iot["url"])["url"]
    create(api, "zaaktype-informatieobjecttypen", ziot_body(zaaktype, iot))
    statustype = create(api, "statustypen", statustype_body(zaaktype))["url"]
    create(api, "statustypen", statustype_body(zaaktype, omschrijving="Afgehandeld", volgnummer=2))
    publish(api, zaaktype)
    return DocumentType(zaaktype, statustype, iot, other)


def zio_body(zaak: str, informatieobject: str, **overrides: Any) -> dict[str, Any]:
    return {"zaak": zaak, "informatieobject": informatieobject, "titel": "Foto", **overrides}


def relate(api: ZGWClient, zaak: str, informatieobject: str, **overrides: Any) -> dict[str, Any]:
    response = api.post(f"{BASE}/zaakinformatieobjecten", zio_body(zaak, informatieobject, **overrides))
    assert response.status_code == 201, response.json_body
    return dict(response.json_body)


def zaak_with_document(
    api: ZGWClient, types: DocumentType, documenten: FakeDocumenten, **zaak: Any
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A zaak of ``types`` with one related document: (zaak, zaakinformatieobject)."""
    created = create_zaak(api, types.zaaktype, **zaak)
    return created, relate(api, created["url"], documenten.add(types.informatieobjecttype))


def grant(zaaktype: str, maximum: str, *scopes: str) -> tuple[str, str, list[str]]:
    return (zaaktype, maximum, list(scopes))
