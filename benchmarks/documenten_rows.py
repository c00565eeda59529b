"""Rows of the Documenten tables for the benchmark dataset, as the Documenten services write them.

Pure generation: no database. Each row is a dict of column → value (None is NULL, JSON columns
as JSON text) for ``COPY``; :mod:`documenten_dataset` writes them. Per document: the canonical
row (``latest`` pointing at its newest version), 1–3 versions (about 1.4) that share one
stored file (later versions change metadata, e.g. the status, not the content), and that file's
``Inhoud`` row. Identificaties come from the counters per bronorganisatie and year, as the
identificatie service generates them. Import after Django is set up.
"""

from __future__ import annotations

import hashlib
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import orjson
from documenten_setup import Informatieobjecttype
from zaken_rows import ACHTERNAMEN, BRONORGANISATIES, FIRST_DAY, VERTROUWELIJKHEID, VOORNAMEN, fast_uuid

from zaakwerk.core.vertrouwelijkheid import rank
from zaakwerk.documenten.services.identificatie import PREFIX

Row = dict[str, Any]

# (formaat, extension, share)
FORMATEN = (
    ("application/pdf", "pdf", 55),
    ("image/jpeg", "jpg", 20),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", 15),
    ("text/plain", "txt", 5),
    ("message/rfc822", "eml", 5),
)
VERSIONS = ((1, 70), (2, 20), (3, 10))
TREFWOORDEN = ("aanvraag", "bijlage", "foto", "melding", "besluit", "bezwaar", "advies")


@dataclass
class Batch:
    """The rows of a batch of documents, per table."""

    inhouden: list[Row] = field(default_factory=list)
    informatieobjecten: list[Row] = field(default_factory=list)
    versies: list[Row] = field(default_factory=list)


@dataclass
class File:
    """A stored file of the dataset: its name in the content storage and its bytes."""

    naam: str
    data: bytes


class Generator:
    """Generates documents with their versions and contents.

    Keeps the id counters of every table and the identificatie counter per bronorganisatie and
    year (:attr:`tellers`), which the loader stores afterwards as the service's counter rows.
    """

    def __init__(
        self, types: list[Informatieobjecttype], first_ids: dict[str, int], seed: int, today: date
    ) -> None:
        self.rng = random.Random(seed)
        self.types = types
        self.next_id = dict(first_ids)
        self.today = today
        self.tellers: dict[tuple[str, int], int] = defaultdict(int)
        self.span = (today - timedelta(days=2) - FIRST_DAY).days
        names, weights = zip(*VERTROUWELIJKHEID, strict=True)
        self.vertrouwelijkheid = self.rng.choices(names, weights, k=10_007)
        formaten = [(formaat, ext) for formaat, ext, _ in FORMATEN]
        self.formaten = self.rng.choices(formaten, [share for *_, share in FORMATEN], k=1009)
        counts, shares = zip(*VERSIONS, strict=True)
        self.versions = self.rng.choices(counts, shares, k=1013)
        self.files: list[File] = []

    def _id(self, table: str) -> int:
        value = self.next_id[table]
        self.next_id[table] = value + 1
        return value

    def batch(self, size: int) -> Batch:
        batch = Batch()
        self.files = []
        for _ in range(size):
            self._document(batch)
        return batch

    def _moment(self, day: date) -> datetime:
        seconds = self.rng.randrange(8 * 3600, 18 * 3600)
        return datetime.combine(day, time(), tzinfo=UTC) + timedelta(seconds=seconds)

    def _document(self, batch: Batch) -> None:
        rng = self.rng
        number = self._id("informatieobject")
        iot = self.types[rng.randrange(len(self.types))]
        bron = BRONORGANISATIES[rng.randrange(len(BRONORGANISATIES))]
        creatiedatum = FIRST_DAY + timedelta(days=rng.randrange(self.span))
        self.tellers[(bron, creatiedatum.year)] += 1
        identificatie = f"{PREFIX}-{creatiedatum.year}-{self.tellers[(bron, creatiedatum.year)]:010d}"
        vertrouwelijkheid = self.vertrouwelijkheid[number % len(self.vertrouwelijkheid)]
        formaat, ext = self.formaten[number % len(self.formaten)]
        auteur = f"{VOORNAMEN[rng.randrange(len(VOORNAMEN))]} {ACHTERNAMEN[rng.randrange(len(ACHTERNAMEN))]}"
        titel = f"{iot.omschrijving.rsplit(' ', 1)[0]} {identificatie}"
        data = f"{titel}\n{auteur}\n{creatiedatum.isoformat()}\n".encode() * rng.randint(2, 12)
        inhoud_id = self._id("inhoud")
        naam = f"inhoud/{fast_uuid(rng).replace('-', '')}"
        self.files.append(File(naam, data))
        registered = self._moment(creatiedatum)
        batch.inhouden.append(
            {
                "id": inhoud_id,
                "naam": naam,
                "omvang": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
                "aangemaakt_op": registered,
            }
        )
        count = self.versions[number % len(self.versions)]
        base = {
            "informatieobject_id": number,
            "identificatie": identificatie,
            "bronorganisatie": bron,
            "creatiedatum": creatiedatum,
            "titel": titel,
            "vertrouwelijkheidaanduiding": vertrouwelijkheid,
            "vertrouwelijkheid_rank": rank(vertrouwelijkheid),
            "is_gereed_voor_publicatie": None,
            "tonen_aan_initiator": rng.random() < 0.3,
            "auteur": auteur,
            "inhoud_is_vervallen": None,
            "formaat": formaat,
            "taal": "nld",
            "bestandsnaam": f"{identificatie.lower()}.{ext}",
            "bestandsomvang": len(data),
            "inhoud_id": inhoud_id,
            "link": "",
            "beschrijving": "",
            "ontvangstdatum": creatiedatum if rng.random() < 0.4 else None,
            "verzenddatum": None,
            "indicatie_gebruiksrecht": None,
            "verschijningsvorm": "",
            "ondertekening": None,
            "integriteit": None,
            "informatieobjecttype": iot.url,
            "trefwoorden": orjson.dumps(rng.sample(TREFWOORDEN, rng.randint(0, 2))).decode(),
        }
        latest = 0
        for versie in range(1, count + 1):
            latest = self._id("versie")
            final = versie == count
            batch.versies.append(
                {
                    **base,
                    "id": latest,
                    "versie": versie,
                    "begin_registratie": registered + timedelta(days=versie - 1),
                    # drafts first; the current version of most documents is final
                    "status": "definitief" if final and rng.random() < 0.8 else "in_bewerking",
                    "is_gereed_voor_publicatie": (final and rng.random() < 0.2) or None,
                }
            )
        batch.informatieobjecten.append(
            {
                "id": number,
                "uuid": fast_uuid(rng),
                "bronorganisatie": bron,
                "identificatie": identificatie,
                "lock": "",
                "latest_id": latest,
                # the current version's, as the service copies them
                "informatieobjecttype": iot.url,
                "vertrouwelijkheid_rank": rank(vertrouwelijkheid),
            }
        )
