"""A zaak with something in every part of the zaak page, made through the APIs (any deployment)."""

from __future__ import annotations

import base64
import copy
import uuid
from dataclasses import dataclass

from zaakwerk.client import ZGWClient, models
from zaakwerk.ops.demo import DemoReport, _zaaktype, definition, load_demo

RSIN = "002220647"


@dataclass(frozen=True)
class Demo:
    melding: models.ZaakType
    parkeren: models.ZaakType
    bezwaar: models.ZaakType


def demo(client: ZGWClient, referentielijsten: str) -> Demo:
    report = load_demo(client, referentielijsten=referentielijsten)
    get = client.catalogi.zaaktypen.get
    return Demo(
        get(report.zaaktypen["MELDING-OPENBARE-RUIMTE"]),
        get(report.zaaktypen["PARKEERVERGUNNING"]),
        get(report.zaaktypen["BEZWAAR"]),
    )


def zaak(
    client: ZGWClient, zaaktype: models.ZaakType, omschrijving: str = "", **extra: object
) -> models.Zaak:
    return client.zaken.zaken.create(
        {
            "bronorganisatie": RSIN,
            "verantwoordelijkeOrganisatie": RSIN,
            "zaaktype": zaaktype.url,
            "startdatum": "2026-11-02",
            "omschrijving": omschrijving or f"losse stoeptegel {uuid.uuid4().hex[:6]}",
            **extra,
        }
    )


def statustypen(client: ZGWClient, zaaktype: models.ZaakType) -> list[models.StatusType]:
    return sorted(client.catalogi.statustypen.list(zaaktype=zaaktype.url), key=lambda t: t.volgnummer)


def set_status(
    client: ZGWClient, zaak_: models.Zaak, statustype: models.StatusType, when: str
) -> models.Status:
    return client.zaken.statussen.create(
        {
            "zaak": zaak_.url,
            "statustype": statustype.url,
            "datumStatusGezet": when,
            "statustoelichting": "gezet",
        }
    )


def document(
    client: ZGWClient,
    zaak_: models.Zaak,
    zaaktype: models.ZaakType,
    titel: str,
    content: bytes = b"%PDF-1.4 demo",
) -> models.EnkelvoudigInformatieObject:
    eio = client.documenten.enkelvoudiginformatieobjecten.create(
        {
            "bronorganisatie": RSIN,
            "creatiedatum": "2026-11-02",
            "titel": titel,
            "auteur": "Melder",
            "taal": "nld",
            "inhoud": base64.b64encode(content).decode(),
            "informatieobjecttype": zaaktype.informatieobjecttypen[0],
            "bestandsnaam": f"{titel}.pdf",
            "formaat": "application/pdf",
            "indicatieGebruiksrecht": False,  # known, so that the zaak can be closed
        }
    )
    client.zaken.zaakinformatieobjecten.create({"zaak": zaak_.url, "informatieobject": eio.url})
    return eio


def zaaktype_met_besluit(
    client: ZGWClient, referentielijsten: str
) -> tuple[models.ZaakType, models.BesluitType]:
    """A copy of the demo's parkeervergunning whose zaken can have a besluit (the demo's has no
    besluittype): a published besluittype ``Parkeerbesluit`` and a zaaktype that names it."""
    catalogus = load_demo(client, referentielijsten=referentielijsten).catalogus
    found = list(client.catalogi.besluittypen.list(catalogus=catalogus, omschrijving="Parkeerbesluit"))
    if found:
        besluittype = found[0]
    else:
        besluittype = client.catalogi.besluittypen.create(
            {
                "catalogus": catalogus,
                "omschrijving": "Parkeerbesluit",
                "zaaktypen": [],
                "informatieobjecttypen": [],
                "publicatieIndicatie": False,
                "beginGeldigheid": "2024-01-01",
            }
        )
        client.catalogi.publish(besluittype.url)
    item = copy.deepcopy(
        next(
            item
            for item in definition(referentielijsten)["zaaktypen"]
            if item["identificatie"] == "PARKEERVERGUNNING"
        )
    )
    item.update(identificatie="PARKEREN-MET-BESLUIT", besluittypen=["Parkeerbesluit"])
    report = DemoReport()
    _zaaktype(client.catalogi, catalogus, item, report)
    return client.catalogi.zaaktypen.get(report.zaaktypen["PARKEREN-MET-BESLUIT"]), besluittype
