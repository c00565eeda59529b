"""Published informatieobjecttypen (through the Catalogi API), document bodies and clients."""

from __future__ import annotations

import base64
from typing import Any

from tests.catalogi.main_types import catalogus, create, iot_body, publish
from tests.zgw import ZGWClient, client_with

BASE = "/documenten/api/v1"
EIO = f"{BASE}/enkelvoudiginformatieobjecten"
BRONORGANISATIE = "517439943"


def informatieobjecttype(api: ZGWClient, *, published: bool = True, **overrides: Any) -> dict[str, Any]:
    """An informatieobjecttype in a new catalogus, published unless asked otherwise."""
    cat = catalogus(api, domein=overrides.pop("domein", "DOC"))
    created = create(api, "informatieobjecttypen", iot_body(cat, **overrides))
    return publish(api, created["url"]) if published else created


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def eio_body(iot_url: str, **overrides: Any) -> dict[str, Any]:
    return {
        "bronorganisatie": BRONORGANISATIE,
        "creatiedatum": "2024-03-01",
        "titel": "Foto van de losliggende stoeptegel",
        "auteur": "Melder",
        "taal": "nld",
        "bestandsnaam": "stoeptegel.txt",
        "inhoud": b64(b"een losliggende stoeptegel"),
        "informatieobjecttype": iot_url,
        **overrides,
    }


def create_eio(api: ZGWClient, iot_url: str, **overrides: Any) -> dict[str, Any]:
    response = api.post(EIO, eio_body(iot_url, **overrides))
    assert response.status_code == 201, response.json_body
    return dict(response.json_body)


def lock(api: ZGWClient, url: str) -> str:
    response = api.post(f"{url}/lock")
    assert response.status_code == 200, response.json_body
    return str(response.json_body["lock"])


def documenten_client(client_id: str, *grants: tuple[str, str, list[str]], gereed: bool = False) -> ZGWClient:
    """A client with, per grant, (informatieobjecttype URL, max vertrouwelijkheidaanduiding, scopes)."""
    client = client_with(
        client_id,
        autorisaties=[
            {
                "component": "drc",
                "scopes": scopes,
                "informatieobjecttype": url,
                "max_vertrouwelijkheidaanduiding": maximum,
            }
            for url, maximum, scopes in grants
        ],
    )
    if gereed:
        from zaakwerk.autorisaties.models import Applicatie, AuthorisationsGeneration

        Applicatie.objects.filter(label=client_id).update(alleen_is_gereed_voor_publicatie=True)
        AuthorisationsGeneration.bump()
    return client


def codes(response: Any) -> list[tuple[str, str]]:
    return [(p["name"], p["code"]) for p in response.json_body["invalidParams"]]
