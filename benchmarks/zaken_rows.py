"""Rows of the Zaken tables for the benchmark dataset, as the Zaken services would write them.

Pure generation: no database. Each row is a dict of column → value (None is NULL, JSON columns
as JSON text) for ``COPY``; :mod:`zaken_dataset` writes them. What a service derives is derived
here the same way: vertrouwelijkheid_rank, bounding-box columns, the current status, einddatum
and the archiving fields of a closed zaak (with :func:`zaakwerk.zaken.archiving.derive`), the
copied roltype and eigenschap fields and the indexed copies of the betrokkene identifiers.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import orjson

from zaakwerk.core.vertrouwelijkheid import rank
from zaakwerk.zaken import archiving
from zaakwerk.zaken.services.identificatie import format_number
from zaakwerk.zaken.services.rollen import identificatie_columns

Row = dict[str, Any]

# A handful of organisations (RSINs that pass the elfproef).
BRONORGANISATIES = ("002220647", "517439943", "123456782", "001234560", "818515454")
VERTROUWELIJKHEID = (
    ("openbaar", 30),
    ("beperkt_openbaar", 10),
    ("intern", 15),
    ("zaakvertrouwelijk", 25),
    ("vertrouwelijk", 14),
    ("confidentieel", 4),
    ("geheim", 2),
)
FIRST_DAY = date(2016, 1, 1)
DOCUMENTEN = "https://documenten.bench.example/documenten/api/v1/enkelvoudiginformatieobjecten"
VOORNAMEN = ("Jan", "Fatima", "Sanne", "Mohammed", "Pieter", "Ayşe", "Daan", "Emma", "Noah", "Julia")
ACHTERNAMEN = ("Jansen", "de Vries", "Bakker", "Yılmaz", "Visser", "Smit", "Meijer", "El Amrani", "Bos")


@dataclass(frozen=True)
class ZaaktypeInfo:
    """A published zaaktype and its sub-types, as the Catalogi API returned them."""

    url: str
    omschrijving: str
    producten_of_diensten: list[str]
    doorlooptijd_days: int
    statustypen: list[dict[str, Any]]  # ordered by volgnummer; the last is the eindstatus
    roltypen: list[dict[str, Any]]
    resultaattypen: list[dict[str, Any]]
    eigenschappen: list[dict[str, Any]]


@dataclass
class Batch:
    """The rows of a batch of zaken, per table."""

    zaken: list[Row] = field(default_factory=list)
    statussen: list[Row] = field(default_factory=list)
    rollen: list[Row] = field(default_factory=list)
    resultaten: list[Row] = field(default_factory=list)
    zios: list[Row] = field(default_factory=list)
    eigenschappen: list[Row] = field(default_factory=list)


def elfproef_number(rng: random.Random) -> str:
    """A random 9-digit number that passes the elfproef (a BSN or RSIN)."""
    while True:
        digits = [rng.randrange(10) for _ in range(8)]
        check = sum(weight * digit for weight, digit in zip(range(9, 1, -1), digits, strict=True)) % 11
        if check < 10:
            return "".join(map(str, digits)) + str(check)


def fast_uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


class Generator:
    """Generates zaken with their statussen, rollen, resultaten, documents and eigenschappen.

    Keeps the id counters of every table and the identificatie counter per bronorganisatie and
    year (:attr:`tellers`), which the loader stores afterwards as the services' counter rows.
    """

    def __init__(self, zaaktypen: list[ZaaktypeInfo], first_ids: dict[str, int], seed: int, today: date):
        self.rng = random.Random(seed)
        self.zaaktypen = zaaktypen
        self.next_id = dict(first_ids)
        self.today = today
        self.tellers: dict[tuple[str, int], int] = defaultdict(int)
        self.span = (today - timedelta(days=30) - FIRST_DAY).days
        self.bsns = [elfproef_number(self.rng) for _ in range(20_000)]
        names, weights = zip(*VERTROUWELIJKHEID, strict=True)
        self.vertrouwelijkheid = self.rng.choices(names, weights, k=10_007)

    def _id(self, table: str) -> int:
        value = self.next_id[table]
        self.next_id[table] = value + 1
        return value

    def _moment(self, day: date) -> datetime:
        seconds = self.rng.randrange(8 * 3600, 18 * 3600)
        return datetime.combine(day, time(), tzinfo=UTC) + timedelta(seconds=seconds)

    def batch(self, size: int) -> Batch:
        batch = Batch()
        for _ in range(size):
            self._zaak(batch)
        return batch

    def _zaak(self, batch: Batch) -> None:
        rng = self.rng
        zaaktype = self.zaaktypen[rng.randrange(len(self.zaaktypen))]
        start = FIRST_DAY + timedelta(days=rng.randrange(self.span))
        bron = BRONORGANISATIES[rng.randrange(len(BRONORGANISATIES))]
        self.tellers[(bron, start.year)] += 1
        aanduiding = self.vertrouwelijkheid[rng.randrange(len(self.vertrouwelijkheid))]
        zaak_id = self._id("zaak")
        gepland = start + timedelta(days=zaaktype.doorlooptijd_days)
        zaak: Row = {
            "id": zaak_id,
            "uuid": fast_uuid(rng),
            "identificatie": format_number(start.year, self.tellers[(bron, start.year)]),
            "bronorganisatie": bron,
            "omschrijving": f"{zaaktype.omschrijving[:60]} {zaak_id}",
            "toelichting": "",
            "zaaktype": zaaktype.url,
            "registratiedatum": min(start + timedelta(days=rng.randrange(3)), self.today),
            "verantwoordelijke_organisatie": bron,
            "startdatum": start,
            "einddatum": None,
            "einddatum_gepland": gepland,
            "uiterlijke_einddatum_afdoening": gepland + timedelta(days=14),
            "publicatiedatum": None,
            "communicatiekanaal": "",
            "producten_of_diensten": orjson.dumps(zaaktype.producten_of_diensten[:1]).decode(),
            "vertrouwelijkheidaanduiding": aanduiding,
            "vertrouwelijkheid_rank": rank(aanduiding),
            "betalingsindicatie": "",
            "laatste_betaaldatum": None,
            "verlenging_reden": "",
            "verlenging_duur": None,
            "opschorting_indicatie": False,
            "opschorting_reden": "",
            "selectielijstklasse": "",
            "hoofdzaak_id": None,
            "relevante_andere_zaken": "[]",
            "kenmerken": "[]",
            "archiefnominatie": "",
            "archiefstatus": "nog_te_archiveren",
            "archiefactiedatum": None,
            "opdrachtgevende_organisatie": "",
            "processobjectaard": None,
            "startdatum_bewaartermijn": None,
            "processobject": None,
            **self._geometry(),
        }
        rollen = self._rollen(zaak_id, zaaktype, start)
        closed = rng.random() < 0.5
        statussen = self._statussen(zaak_id, zaaktype, start, closed, rollen)
        zaak["status_id"] = statussen[-1]["id"]
        if closed:
            self._close(zaak, zaaktype, statussen[-1]["datum_status_gezet"], batch)
        batch.zaken.append(zaak)
        batch.statussen.extend(statussen)
        batch.rollen.extend(rollen)
        self._documents(zaak_id, start, statussen, batch)
        self._eigenschap(zaak_id, zaaktype, start, batch)

    def _geometry(self) -> Row:
        if self.rng.random() >= 0.2:
            return {
                "zaakgeometrie": None,
                "bbox_min_x": None,
                "bbox_min_y": None,
                "bbox_max_x": None,
                "bbox_max_y": None,
            }
        x = round(self.rng.uniform(3.4, 7.2), 6)
        y = round(self.rng.uniform(50.8, 53.5), 6)
        geometry = orjson.dumps({"type": "Point", "coordinates": [x, y]}).decode()
        return {"zaakgeometrie": geometry, "bbox_min_x": x, "bbox_min_y": y, "bbox_max_x": x, "bbox_max_y": y}

    def _statussen(
        self, zaak_id: int, zaaktype: ZaaktypeInfo, start: date, closed: bool, rollen: list[Row]
    ) -> list[Row]:
        """Open: the first (and maybe the second) statustype; closed: up to the eindstatus."""
        types = zaaktype.statustypen
        if closed:
            chosen = [types[0], types[-1]] if self.rng.random() < 0.5 else [*types[:2], types[-1]]
        else:
            chosen = types[: 1 + (self.rng.random() < 0.5)]
        last = min(start + timedelta(days=self.rng.randrange(1, 180)), self.today - timedelta(days=1))
        rows = []
        for position, statustype in enumerate(chosen):
            day = start if position == 0 else start + (last - start) * position // (len(chosen) - 1)
            rows.append(
                {
                    "id": self._id("status"),
                    "uuid": fast_uuid(self.rng),
                    "zaak_id": zaak_id,
                    "statustype": statustype["url"],
                    "datum_status_gezet": self._moment(day) + timedelta(minutes=position),
                    "statustoelichting": statustype.get("statustekst") or "",
                    "gezetdoor_id": rollen[-1]["id"] if position else None,
                }
            )
        return rows

    def _close(self, zaak: Row, zaaktype: ZaaktypeInfo, gezet_op: datetime, batch: Batch) -> None:
        """The eindstatus was set: a resultaat, einddatum and the archiving parameters (zrc-021)."""
        resultaattype = zaaktype.resultaattypen[self.rng.randrange(len(zaaktype.resultaattypen))]
        zaak["einddatum"] = gezet_op.date()
        derived = archiving.derive(resultaattype, archiving.ZaakFacts(einddatum=zaak["einddatum"]))
        zaak["archiefnominatie"] = derived.archiefnominatie
        zaak["archiefactiedatum"] = derived.archiefactiedatum
        batch.resultaten.append(
            {
                "id": self._id("resultaat"),
                "uuid": fast_uuid(self.rng),
                "zaak_id": zaak["id"],
                "resultaattype": resultaattype["url"],
                "toelichting": resultaattype.get("toelichting") or "",
            }
        )

    def _rollen(self, zaak_id: int, zaaktype: ZaaktypeInfo, start: date) -> list[Row]:
        """An initiator (natuurlijk persoon); half the zaken also a behandelaar (medewerker)."""
        rng = self.rng
        initiator, behandelaar = zaaktype.roltypen[0], zaaktype.roltypen[1]
        persoon = {
            "inpBsn": self.bsns[rng.randrange(len(self.bsns))],
            "geslachtsnaam": ACHTERNAMEN[rng.randrange(len(ACHTERNAMEN))],
            "voornamen": VOORNAMEN[rng.randrange(len(VOORNAMEN))],
        }
        rows = [self._rol(zaak_id, initiator, "natuurlijk_persoon", persoon, start)]
        if rng.random() < 0.5:
            medewerker = {"identificatie": f"mdw{rng.randrange(400):04d}", "achternaam": "Medewerker"}
            rows.append(self._rol(zaak_id, behandelaar, "medewerker", medewerker, start))
        return rows

    def _rol(
        self, zaak_id: int, roltype: dict[str, Any], kind: str, identificatie: dict[str, Any], day: date
    ) -> Row:
        return {
            "id": self._id("rol"),
            "uuid": fast_uuid(self.rng),
            "zaak_id": zaak_id,
            "betrokkene": "",
            "betrokkene_type": kind,
            "afwijkende_naam_betrokkene": "",
            "roltype": roltype["url"],
            "omschrijving": roltype["omschrijving"],
            "omschrijving_generiek": roltype["omschrijvingGeneriek"],
            "roltoelichting": roltype["omschrijving"],
            "registratiedatum": self._moment(day),
            "indicatie_machtiging": "",
            "contactpersoon_rol": None,
            "betrokkene_identificatie": orjson.dumps(identificatie).decode(),
            **identificatie_columns(kind, identificatie),
        }

    def _documents(self, zaak_id: int, start: date, statussen: list[Row], batch: Batch) -> None:
        """0, 1 or 2 documents (1 on average), the first one linked to the first status."""
        count = (self.rng.random() < 0.5) + (self.rng.random() < 0.5)
        for position in range(count):
            batch.zios.append(
                {
                    "id": self._id("zio"),
                    "uuid": fast_uuid(self.rng),
                    "zaak_id": zaak_id,
                    "informatieobject": f"{DOCUMENTEN}/{fast_uuid(self.rng)}",
                    "aard_relatie": "hoort_bij",
                    "titel": f"Document {position + 1}",
                    "beschrijving": "",
                    "registratiedatum": self._moment(start),
                    "vernietigingsdatum": None,
                    "status_id": statussen[0]["id"] if position == 0 else None,
                }
            )

    def _eigenschap(self, zaak_id: int, zaaktype: ZaaktypeInfo, start: date, batch: Batch) -> None:
        eigenschap = zaaktype.eigenschappen[self.rng.randrange(len(zaaktype.eigenschappen))]
        batch.eigenschappen.append(
            {
                "id": self._id("eigenschap"),
                "uuid": fast_uuid(self.rng),
                "zaak_id": zaak_id,
                "eigenschap": eigenschap["url"],
                "naam": eigenschap["naam"],
                "waarde": self._waarde(eigenschap.get("specificatie") or {}, start),
            }
        )

    def _waarde(self, specificatie: dict[str, Any], start: date) -> str:
        """A waarde that meets the specificatie (zrc-018)."""
        choices = specificatie.get("waardenverzameling") or []
        if choices:
            return str(choices[self.rng.randrange(len(choices))])
        formaat = specificatie.get("formaat")
        if formaat == "datum":
            return (start - timedelta(days=self.rng.randrange(1, 60))).strftime("%Y%m%d")
        if formaat == "getal":
            return str(self.rng.randrange(1, 1000))
        letters = "BDFGHJKLNPRSTVXZ"
        text = "".join(letters[self.rng.randrange(len(letters))] for _ in range(2))
        value = f"{text}-{self.rng.randrange(100, 1000)}-{letters[self.rng.randrange(len(letters))]}"
        return value[: int(specificatie.get("lengte") or len(value))]
