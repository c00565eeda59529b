"""Published zaaktypen (through the Catalogi API), zaak bodies and clients for the Zaken tests."""

from __future__ import annotations

from typing import Any

from tests.catalogi.main_types import catalogus, create, publish, zaaktype_body
from tests.zgw import ZGWClient, client_with

BASE = "/zaken/api/v1"
CRS = {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}
BRONORGANISATIE = "517439943"
PRODUCT = "https://example.com/product/1"


def zaaktype(api: ZGWClient, *, published: bool = True, **overrides: Any) -> dict[str, Any]:
    """A zaaktype in a new catalogus, published unless asked otherwise."""
    cat = catalogus(api, domein=overrides.pop("domein", "ZAAK"))
    created = create(api, "zaaktypen", zaaktype_body(cat, **overrides))
    return publish(api, created["url"]) if published else created


def zaak_body(zaaktype_url: str, **overrides: Any) -> dict[str, Any]:
    return {
        "bronorganisatie": BRONORGANISATIE,
        "verantwoordelijkeOrganisatie": BRONORGANISATIE,
        "zaaktype": zaaktype_url,
        "startdatum": "2024-03-01",
        "omschrijving": "Melding over een losliggende stoeptegel",
        **overrides,
    }


def create_zaak(api: ZGWClient, zaaktype_url: str, **overrides: Any) -> dict[str, Any]:
    response = api.post(f"{BASE}/zaken", zaak_body(zaaktype_url, **overrides), headers=CRS)
    assert response.status_code == 201, response.json_body
    return dict(response.json_body)


def zaken_client(client_id: str, *grants: tuple[str, str, list[str]]) -> ZGWClient:
    """A client with, per grant, (zaaktype URL, max vertrouwelijkheidaanduiding, scopes)."""
    return client_with(
        client_id,
        autorisaties=[
            {
                "component": "zrc",
                "scopes": scopes,
                "zaaktype": url,
                "max_vertrouwelijkheidaanduiding": maximum,
            }
            for url, maximum, scopes in grants
        ],
    )


def codes(response: Any) -> list[tuple[str, str]]:
    return [(p["name"], p["code"]) for p in response.json_body["invalidParams"]]
