"""A published zaaktype with statustypen and resultaattypen, and helpers to close zaken."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests.catalogi.main_types import catalogus, create, publish, zaaktype_body
from tests.catalogi.sub_types import (
    PROCESTYPE_1,
    RESULTAAT_BEWAREN,
    brondatum,
    resultaattype_body,
    statustype_body,
)
from tests.zaken.factories import BASE, CRS, create_zaak
from tests.zgw import ZGWClient, ZGWResponse

BEGIN = "2024-03-02T09:00:00Z"
EIND = "2024-05-10T10:00:00+02:00"


@dataclass(frozen=True)
class ClosableType:
    """A published zaaktype: two statustypen (the second the eindstatus), two resultaattypen."""

    zaaktype: str
    begin: str  # statustype volgnummer 1
    eind: str  # statustype volgnummer 2: the eindstatus
    vernietigen: str  # resultaattype: vernietigen after P10Y from the einddatum
    bewaren: str  # resultaattype: blijvend_bewaren, no termijn


def closable_zaaktype(api: ZGWClient, *, identificatie: str = "ZT-SLUIT", **overrides: Any) -> ClosableType:
    cat = catalogus(api, domein=identificatie[-5:])
    zaaktype = create(
        api,
        "zaaktypen",
        zaaktype_body(cat, identificatie=identificatie, selectielijstProcestype=PROCESTYPE_1, **overrides),
    )["url"]
    begin = create(api, "statustypen", statustype_body(zaaktype, omschrijving="Ontvangen", volgnummer=1))[
        "url"
    ]
    eind = create(api, "statustypen", statustype_body(zaaktype, omschrijving="Afgehandeld", volgnummer=2))[
        "url"
    ]
    vernietigen = create(
        api,
        "resultaattypen",
        resultaattype_body(zaaktype, archiefnominatie="vernietigen", archiefactietermijn="P10Y"),
    )["url"]
    bewaren = create(
        api,
        "resultaattypen",
        resultaattype_body(
            zaaktype,
            omschrijving="Bewaren",
            selectielijstklasse=RESULTAAT_BEWAREN,
            archiefnominatie="blijvend_bewaren",
            brondatumArchiefprocedure=brondatum("afgehandeld"),
        ),
    )["url"]
    publish(api, zaaktype)
    return ClosableType(zaaktype, begin, eind, vernietigen, bewaren)


def add_status(api: ZGWClient, zaak: str, statustype: str, datum: str = BEGIN, **extra: Any) -> ZGWResponse:
    return api.post(
        f"{BASE}/statussen", {"zaak": zaak, "statustype": statustype, "datumStatusGezet": datum, **extra}
    )


def add_resultaat(api: ZGWClient, zaak: str, resultaattype: str, **extra: Any) -> ZGWResponse:
    return api.post(f"{BASE}/resultaten", {"zaak": zaak, "resultaattype": resultaattype, **extra})


def closed_zaak(api: ZGWClient, types: ClosableType, **zaak: Any) -> dict[str, Any]:
    """A zaak with a resultaat (vernietigen) and its eindstatus: closed."""
    created = create_zaak(api, types.zaaktype, **zaak)
    assert add_resultaat(api, created["url"], types.vernietigen).status_code == 201
    response = add_status(api, created["url"], types.eind, EIND)
    assert response.status_code == 201, response.json_body
    return read_zaak(api, created["url"])


def read_zaak(api: ZGWClient, url: str) -> dict[str, Any]:
    response = api.get(url, headers=CRS)
    assert response.status_code == 200, response.json_body
    return dict(response.json_body)
