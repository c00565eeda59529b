"""Published besluittypen and a zaaktype that allows one, fake Documenten register, bodies."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from tests.catalogi.main_types import besluittype_body, catalogus, create, iot_body, publish, zaaktype_body
from tests.zgw import ZGWClient, client_with
from zaakwerk.besluiten import registers
from zaakwerk.core.references import build_url

BASE = "/besluiten/api/v1"
ORGANISATIE = "517439943"


@dataclass(frozen=True)
class Types:
    """A zaaktype listing ``besluittype``; ``other`` is published, not listed; ``concept`` unpublished."""

    zaaktype: str
    besluittype: str
    other: str
    concept: str
    informatieobjecttype: str
    other_informatieobjecttype: str


def types(api: ZGWClient) -> Types:
    cat = catalogus(api, domein="BESL")
    iot = publish(api, create(api, "informatieobjecttypen", iot_body(cat))["url"])["url"]
    other_iot = publish(api, create(api, "informatieobjecttypen", iot_body(cat, omschrijving="Ander"))["url"])
    besluittype = create(api, "besluittypen", besluittype_body(cat, informatieobjecttypen=["Melding"]))
    other = create(api, "besluittypen", besluittype_body(cat, omschrijving="Weigering"))
    concept = create(api, "besluittypen", besluittype_body(cat, omschrijving="Concept"))
    publish(api, besluittype["url"])
    publish(api, other["url"])
    zaaktype = create(api, "zaaktypen", zaaktype_body(cat, besluittypen=["Vergunning"]))["url"]
    publish(api, zaaktype)
    return Types(zaaktype, besluittype["url"], other["url"], concept["url"], iot, other_iot["url"])


def besluit_body(besluittype: str, **overrides: Any) -> dict[str, Any]:
    return {
        "verantwoordelijkeOrganisatie": ORGANISATIE,
        "besluittype": besluittype,
        "datum": "2024-04-01",
        "ingangsdatum": "2024-04-02",
        **overrides,
    }


def create_besluit(api: ZGWClient, besluittype: str, **overrides: Any) -> dict[str, Any]:
    response = api.post(f"{BASE}/besluiten", besluit_body(besluittype, **overrides))
    assert response.status_code == 201, response.json_body
    return dict(response.json_body)


def besluiten_client(client_id: str, besluittype: str, *scopes: str) -> ZGWClient:
    return client_with(
        client_id,
        autorisaties=[{"component": "brc", "scopes": list(scopes), "besluittype": besluittype}],
    )


def codes(response: Any) -> list[tuple[str, str]]:
    return [(p["name"], p["code"]) for p in response.json_body["invalidParams"]]


@dataclass
class FakeDocumenten(registers.DocumentenRegister):
    """The local Documenten register, as a dict: documents and the mirrors it was asked to keep."""

    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    mirrors: set[tuple[str, str, str]] = field(default_factory=set)
    refuse: bool = False

    def add(self, informatieobjecttype: str, vertrouwelijkheidaanduiding: str = "openbaar") -> str:
        url = build_url("documenten", "enkelvoudiginformatieobjecten", uuid.uuid4())
        self.documents[url] = {
            "url": url,
            "identificatie": f"DOC-{len(self.documents) + 1}",
            "bronorganisatie": ORGANISATIE,
            "titel": "Besluitbrief",
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
