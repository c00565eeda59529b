"""The curl commands ``zaakwerk quickstart`` prints: one Catalogi and two Zaken API calls.

The Zaken API requires ``Accept-Crs`` on every request that may return a geometry and
``Content-Crs`` on every request that sends one (ZGW 1.7; this deployment knows EPSG:4326), so
the examples send them; without them the API answers 412 and 415, as the standard says.
"""

from __future__ import annotations

import json
from datetime import date

# a valid RSIN (11-proef) for the demo's own organisation, as in the demo catalogus
DEMO_RSIN = "002220647"
CRS = "EPSG:4326"


def _auth(token: str) -> str:
    return f"-H 'Authorization: Bearer {token}'"


def list_zaaktypen_command(root: str, token: str) -> str:
    return f"curl {_auth(token)} {root}/catalogi/api/v1/zaaktypen"


def list_zaken_command(root: str, token: str) -> str:
    return f"curl {_auth(token)} -H 'Accept-Crs: {CRS}' {root}/zaken/api/v1/zaken"


def create_zaak_body(zaaktype: str, startdatum: date) -> dict[str, str]:
    return {
        "zaaktype": zaaktype,
        "bronorganisatie": DEMO_RSIN,
        "verantwoordelijkeOrganisatie": DEMO_RSIN,
        "startdatum": startdatum.isoformat(),
        "omschrijving": "Losliggende stoeptegel",
    }


def create_zaak_command(root: str, token: str, zaaktype: str, startdatum: date | None = None) -> str:
    body = json.dumps(create_zaak_body(zaaktype, startdatum or date.today()), ensure_ascii=False)
    return " \\\n    ".join(
        [
            f"curl -X POST {root}/zaken/api/v1/zaken {_auth(token)}",
            f"-H 'Content-Type: application/json' -H 'Accept-Crs: {CRS}' -H 'Content-Crs: {CRS}'",
            f"-d '{body}'",
        ]
    )
