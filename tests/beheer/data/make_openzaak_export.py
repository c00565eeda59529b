"""Writes ``openzaak-export.zip``: a catalogus export as Open Zaak makes it, built from the format's
description (one JSON file per resource, named after it, each a list of API representations that
refer to each other by the exporting deployment's URLs). Run it to rebuild the checked-in file:

    python tests/beheer/data/make_openzaak_export.py
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
BASE = "https://openzaak.gemeente-voorbeeld.example/catalogi/api/v1"
SELECTIELIJST = "https://selectielijst.openzaak.nl/api/v1"
OMSCHRIJVINGEN = f"{SELECTIELIJST}/resultaattypeomschrijvingen"

CATALOGUS = f"{BASE}/catalogussen/5c4c492b-1e2a-4e3e-9c2f-6a1a4b9b9f01"
ZAAKTYPE = f"{BASE}/zaaktypen/0f6f1f04-7a71-4c2d-8d5b-2f5f3f0b1a01"
AANVRAAG = f"{BASE}/informatieobjecttypen/9a0a4f2e-5b1d-4c55-bb4e-1e0a3f9d2b01"
BESLUIT_DOC = f"{BASE}/informatieobjecttypen/9a0a4f2e-5b1d-4c55-bb4e-1e0a3f9d2b02"
BESLUITTYPE = f"{BASE}/besluittypen/3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b01"
ST = [f"{BASE}/statustypen/6e5d4c3b-2a19-4f08-9e7d-6c5b4a392{n:03d}" for n in range(1, 4)]
RT = [f"{BASE}/roltypen/7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2{n:03d}" for n in range(1, 3)]
RES = [f"{BASE}/resultaattypen/8a7f6e5d-4c3b-4a21-9f8e-7d6c5b4a3{n:03d}" for n in range(1, 3)]
EIG = f"{BASE}/eigenschappen/9b8a7f6e-5d4c-4b32-8a9f-8e7d6c5b4001"
ZIOT = [
    f"{BASE}/zaaktype-informatieobjecttypen/ac9b8a7f-6e5d-4c43-9b8a-9f8e7d6c5{n:03d}" for n in range(1, 3)
]
PROCESTYPE = f"{SELECTIELIJST}/procestypen/035d5ce8-d4f8-4f23-a386-fe2ea136d9e3"

GELDIG = {"beginGeldigheid": "2024-01-01", "eindeGeldigheid": None}


def files() -> dict[str, list[dict[str, Any]]]:
    return {
        "Catalogus.json": [
            {
                "url": CATALOGUS,
                "domein": "VRBLD",
                "rsin": "002220647",
                "contactpersoonBeheerNaam": "Team Informatiebeheer",
                "contactpersoonBeheerTelefoonnummer": "",
                "contactpersoonBeheerEmailadres": "informatiebeheer@gemeente-voorbeeld.example",
                "zaaktypen": [ZAAKTYPE],
                "besluittypen": [BESLUITTYPE],
                "informatieobjecttypen": [AANVRAAG, BESLUIT_DOC],
                "naam": "Gemeente Voorbeeld",
                "versie": "2024",
                "begindatumVersie": "2024-01-01",
            }
        ],
        "InformatieObjectType.json": [
            {
                "url": AANVRAAG,
                "catalogus": CATALOGUS,
                "omschrijving": "Aanvraag kapvergunning",
                "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
                "informatieobjectcategorie": "Aanvraag",
                "trefwoord": ["kap"],
                "concept": False,
                **GELDIG,
            },
            {
                "url": BESLUIT_DOC,
                "catalogus": CATALOGUS,
                "omschrijving": "Besluit kapvergunning",
                "vertrouwelijkheidaanduiding": "openbaar",
                "informatieobjectcategorie": "Besluit",
                "trefwoord": [],
                "concept": False,
                **GELDIG,
            },
        ],
        "BesluitType.json": [
            {
                "url": BESLUITTYPE,
                "catalogus": CATALOGUS,
                "zaaktypen": [ZAAKTYPE],
                "omschrijving": "Kapvergunning verleend",
                "omschrijvingGeneriek": "",
                "besluitcategorie": "vergunning",
                "reactietermijn": "P6W",
                "publicatieIndicatie": True,
                "publicatietekst": "Een kapvergunning is verleend.",
                "publicatietermijn": "P2W",
                "toelichting": "",
                "informatieobjecttypen": [BESLUIT_DOC],
                "concept": False,
                **GELDIG,
            }
        ],
        "ZaakType.json": [
            {
                "url": ZAAKTYPE,
                "identificatie": "KAPVERGUNNING",
                "omschrijving": "Aanvraag kapvergunning",
                "omschrijvingGeneriek": "",
                "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
                "doel": "Toestemming geven om een boom te kappen.",
                "aanleiding": "Een inwoner wil een boom kappen.",
                "toelichting": "",
                "indicatieInternOfExtern": "extern",
                "handelingInitiator": "aanvragen",
                "onderwerp": "Kapvergunning",
                "handelingBehandelaar": "beoordelen",
                "doorlooptijd": "P8W",
                "servicenorm": None,
                "opschortingEnAanhoudingMogelijk": True,
                "verlengingMogelijk": True,
                "verlengingstermijn": "P6W",
                "trefwoorden": ["bomen", "kappen"],
                "publicatieIndicatie": False,
                "publicatietekst": "",
                "verantwoordingsrelatie": [],
                "productenOfDiensten": ["https://producten.gemeente-voorbeeld.example/kapvergunning"],
                "selectielijstProcestype": PROCESTYPE,
                "referentieproces": {"naam": "Toestemming verlenen", "link": ""},
                "verantwoordelijke": "Team Vergunningen",
                "catalogus": CATALOGUS,
                "statustypen": ST,
                "resultaattypen": RES,
                "eigenschappen": [EIG],
                "informatieobjecttypen": [AANVRAAG, BESLUIT_DOC],
                "roltypen": RT,
                "besluittypen": [BESLUITTYPE],
                "deelzaaktypen": [],
                "gerelateerdeZaaktypen": [],
                "versiedatum": "2024-01-01",
                "concept": False,
                **GELDIG,
            }
        ],
        "StatusType.json": [
            {
                "url": url,
                "omschrijving": omschrijving,
                "omschrijvingGeneriek": "",
                "statustekst": tekst,
                "zaaktype": ZAAKTYPE,
                "volgnummer": index + 1,
                "isEindstatus": index == 2,
                "informeren": index != 1,
            }
            for index, (url, omschrijving, tekst) in enumerate(
                zip(
                    ST,
                    ["Ontvangen", "In behandeling", "Afgehandeld"],
                    [
                        "Wij hebben uw aanvraag ontvangen.",
                        "Wij beoordelen uw aanvraag.",
                        "Wij hebben op uw aanvraag besloten.",
                    ],
                    strict=True,
                )
            )
        ],
        "RolType.json": [
            {
                "url": RT[0],
                "zaaktype": ZAAKTYPE,
                "omschrijving": "Aanvrager",
                "omschrijvingGeneriek": "initiator",
            },
            {
                "url": RT[1],
                "zaaktype": ZAAKTYPE,
                "omschrijving": "Behandelaar",
                "omschrijvingGeneriek": "behandelaar",
            },
        ],
        "ResultaatType.json": [
            {
                "url": RES[0],
                "zaaktype": ZAAKTYPE,
                "omschrijving": "Verleend",
                "resultaattypeomschrijving": f"{OMSCHRIJVINGEN}/fb65d251-1518-4185-865f-b8bdcfad07b1",
                "omschrijvingGeneriek": "Verleend",
                "selectielijstklasse": f"{SELECTIELIJST}/resultaten/183352aa-26d1-4bc3-8bbf-aec3a180ebbb",
                "toelichting": "De kapvergunning is verleend.",
                "archiefnominatie": "vernietigen",
                "archiefactietermijn": "P10Y",
                "brondatumArchiefprocedure": {
                    "afleidingswijze": "afgehandeld",
                    "datumkenmerk": "",
                    "einddatumBekend": False,
                    "objecttype": "",
                    "registratie": "",
                    "procestermijn": None,
                },
                "besluittypen": [BESLUITTYPE],
            },
            {
                "url": RES[1],
                "zaaktype": ZAAKTYPE,
                "omschrijving": "Geweigerd",
                "resultaattypeomschrijving": f"{OMSCHRIJVINGEN}/e6a0c939-3404-45b0-88e3-76c94fb80ea7",
                "omschrijvingGeneriek": "Geweigerd",
                "selectielijstklasse": f"{SELECTIELIJST}/resultaten/bcd33d3a-4a34-4143-9569-4d161ea6da6b",
                "toelichting": "De kapvergunning is geweigerd.",
                "archiefnominatie": "vernietigen",
                "archiefactietermijn": "P10Y",
                "brondatumArchiefprocedure": {
                    "afleidingswijze": "afgehandeld",
                    "datumkenmerk": "",
                    "einddatumBekend": False,
                    "objecttype": "",
                    "registratie": "",
                    "procestermijn": None,
                },
                "besluittypen": [],
            },
        ],
        "Eigenschap.json": [
            {
                "url": EIG,
                "naam": "aantalBomen",
                "definitie": "Het aantal bomen dat gekapt wordt.",
                "specificatie": {
                    "groep": "",
                    "formaat": "getal",
                    "lengte": "3",
                    "kardinaliteit": "1",
                    "waardenverzameling": [],
                },
                "toelichting": "",
                "zaaktype": ZAAKTYPE,
                "statustype": None,
            }
        ],
        "ZaakTypeInformatieObjectType.json": [
            {
                "url": ZIOT[0],
                "zaaktype": ZAAKTYPE,
                "informatieobjecttype": AANVRAAG,
                "volgnummer": 1,
                "richting": "inkomend",
                "statustype": ST[0],
            },
            {
                "url": ZIOT[1],
                "zaaktype": ZAAKTYPE,
                "informatieobjecttype": BESLUIT_DOC,
                "volgnummer": 2,
                "richting": "uitgaand",
                "statustype": None,
            },
        ],
    }


def write(path: Path = HERE / "openzaak-export.zip") -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, items in files().items():
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, json.dumps(items, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    write()
