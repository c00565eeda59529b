"""Many closed zaken with documents, fast, for the archief's benchmark and fault test.

Making a closed zaak with two documents through the APIs takes about ten requests (0.6 s on the
benchmark machine), so 10,000 of them would take hours before the destruction is even measured.
Here ONE zaak is made through the APIs, as any client would (``closed_zaak``), and its rows are
then copied in bulk, in every register's tables, as the APIs left them: the zaak, its statussen,
resultaat and document links; each document with its versions, its own stored content file and
its mirrored relation (objectinformatieobject); and the audit trail lines of all of them. Each copy
gets its own UUIDs and identificatie; every reference to the template is replaced by the copy's.
The registers' kept counts are rebuilt afterwards (docs/adr/0033), as after any bulk load.

Only the data is made this way: what is measured (destroying them, building a package) goes
through the APIs exactly as in production. ``tests/archief/test_bulk.py`` checks that a copy reads
the same as the template through the APIs and is destroyed the same way.
"""

from __future__ import annotations

import json
import uuid as uuid_lib
from typing import Any

from django.db import transaction
from django.db.models import Model

from tests.archief.support import Made
from zaakwerk.core.models import AuditTrail
from zaakwerk.documenten import storage
from zaakwerk.documenten.counts import rebuild_counts as rebuild_document_counts
from zaakwerk.documenten.models import (
    EnkelvoudigInformatieObject,
    EnkelvoudigInformatieObjectVersie,
    Inhoud,
    ObjectInformatieObject,
)
from zaakwerk.zaken.counts import rebuild_counts as rebuild_zaak_counts
from zaakwerk.zaken.models import Resultaat, Status, Zaak, ZaakInformatieObject

BATCH = 250


def _uuid_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def _copy(row: Model, **changes: Any) -> Any:
    """An unsaved copy of ``row`` with a new primary key, a new uuid (if it has one) and ``changes``."""
    values = {
        field.attname: getattr(row, field.attname)
        for field in row._meta.concrete_fields
        if not field.primary_key
    }
    if "uuid" in values:
        values["uuid"] = uuid_lib.uuid4()
    values.update(changes)
    return type(row)(**values)


class Template:
    """The rows of one zaak made through the APIs, read once."""

    def __init__(self, made: Made) -> None:
        self.zaak = Zaak.objects.get(uuid=_uuid_of(made.zaak.url))
        self.url = made.zaak.url
        self.statussen = list(Status.objects.filter(zaak=self.zaak))
        self.resultaat = Resultaat.objects.filter(zaak=self.zaak).first()
        self.links = list(ZaakInformatieObject.objects.filter(zaak=self.zaak))
        self.documents = [
            EnkelvoudigInformatieObject.objects.get(uuid=_uuid_of(link.informatieobject))
            for link in self.links
        ]
        self.versies = {
            document.pk: list(EnkelvoudigInformatieObjectVersie.objects.filter(informatieobject=document))
            for document in self.documents
        }
        self.mirrors = {
            document.pk: list(ObjectInformatieObject.objects.filter(informatieobject=document))
            for document in self.documents
        }
        self.contents: dict[int, bytes] = {}
        for versies in self.versies.values():
            for versie in versies:
                if versie.inhoud_id is not None and versie.inhoud_id not in self.contents:
                    naam = Inhoud.objects.get(pk=versie.inhoud_id).naam
                    self.contents[versie.inhoud_id] = b"".join(storage.read_chunks(naam))
        self.inhouden = {row.pk: row for row in Inhoud.objects.filter(pk__in=list(self.contents))}
        urls = [self.url, *(document.url for document in self.documents)]
        self.audit = list(AuditTrail.objects.filter(hoofd_object__in=urls))


def _replaced(value: Any, replacements: dict[str, str]) -> Any:
    """``value`` (text or JSON) with every template identity replaced by the copy's."""
    if value is None or not replacements:
        return value
    text = value if isinstance(value, str) else json.dumps(value)
    for old, new in replacements.items():
        text = text.replace(old, new)
    return text if isinstance(value, str) else json.loads(text)


def clone(made: Made, count: int, *, prefix: str = "KOPIE") -> list[str]:
    """``count`` copies of the zaak ``made`` (made through the APIs); their URLs."""
    template = Template(made)
    urls: list[str] = []
    for start in range(0, count, BATCH):
        urls += _clone_batch(template, range(start, min(start + BATCH, count)), prefix)
    rebuild_zaak_counts()
    rebuild_document_counts()
    return urls


@transaction.atomic
def _clone_batch(template: Template, numbers: range, prefix: str) -> list[str]:
    store = storage.backend()
    zaken, replacements = [], []
    for number in numbers:
        identificatie = f"{prefix}-{number + 1:08d}"
        zaken.append(_copy(template.zaak, identificatie=identificatie, status_id=None))
        replacements.append({str(template.zaak.uuid): "", template.zaak.identificatie: identificatie})
    Zaak.objects.bulk_create(zaken)
    for zaak, mapping in zip(zaken, replacements, strict=True):
        mapping[str(template.zaak.uuid)] = str(zaak.uuid)
    # statussen and resultaat; the zaak's current status points at its own copy
    statussen = [_copy(status, zaak_id=zaak.pk) for zaak in zaken for status in template.statussen]
    Status.objects.bulk_create(statussen)
    per_zaak = len(template.statussen)
    status_of: list[dict[int, int]] = []
    for index, zaak in enumerate(zaken):
        mine = statussen[index * per_zaak : (index + 1) * per_zaak]
        status_of.append({old.pk: new.pk for old, new in zip(template.statussen, mine, strict=True)})
        zaak.status_id = status_of[-1].get(template.zaak.status_id) if template.zaak.status_id else None
    Zaak.objects.bulk_update(zaken, ["status"])
    if template.resultaat is not None:
        Resultaat.objects.bulk_create([_copy(template.resultaat, zaak_id=zaak.pk) for zaak in zaken])
    # documents: the canonical row, its versions with their own stored content, the mirror
    documents: list[EnkelvoudigInformatieObject] = []
    for index, zaak in enumerate(zaken):
        for position, document in enumerate(template.documents):
            identificatie = f"{zaak.identificatie}-D{position + 1}"
            documents.append(_copy(document, identificatie=identificatie, latest_id=None))
            replacements[index][str(document.uuid)] = ""
            replacements[index][document.identificatie] = identificatie
    EnkelvoudigInformatieObject.objects.bulk_create(documents)
    per_doc = len(template.documents)
    inhouden: list[Inhoud] = []
    versies: list[EnkelvoudigInformatieObjectVersie] = []
    latest: list[tuple[EnkelvoudigInformatieObject, int]] = []
    mirrors: list[ObjectInformatieObject] = []
    links: list[ZaakInformatieObject] = []
    for index, zaak in enumerate(zaken):
        mapping = replacements[index]
        for position, source in enumerate(template.documents):
            document = documents[index * per_doc + position]
            mapping[str(source.uuid)] = str(document.uuid)
            for versie in template.versies[source.pk]:
                inhoud_id = None
                if versie.inhoud_id is not None:
                    original = template.inhouden[versie.inhoud_id]
                    naam = f"{storage.FINAL_PREFIX}{uuid_lib.uuid4().hex}"
                    store.write(naam, [template.contents[versie.inhoud_id]])
                    inhouden.append(Inhoud(naam=naam, omvang=original.omvang, sha256=original.sha256))
                    inhoud_id = len(inhouden) - 1  # resolved after the bulk insert
                copied = _copy(versie, informatieobject_id=document.pk, identificatie=document.identificatie)
                copied.inhoud_id = inhoud_id
                versies.append(copied)
                if versie.pk == source.latest_id:
                    latest.append((document, len(versies) - 1))
            for mirror in template.mirrors[source.pk]:
                mirrors.append(
                    _copy(mirror, informatieobject_id=document.pk, object=_replaced(mirror.object, mapping))
                )
        for link in template.links:
            links.append(
                _copy(
                    link,
                    zaak_id=zaak.pk,
                    informatieobject=_replaced(link.informatieobject, mapping),
                    status_id=status_of[index].get(link.status_id) if link.status_id else None,
                )
            )
    Inhoud.objects.bulk_create(inhouden)
    for versie in versies:
        if versie.inhoud_id is not None:
            versie.inhoud_id = inhouden[versie.inhoud_id].pk
    EnkelvoudigInformatieObjectVersie.objects.bulk_create(versies)
    for document, position in latest:
        document.latest_id = versies[position].pk
    EnkelvoudigInformatieObject.objects.bulk_update(documents, ["latest"])
    ObjectInformatieObject.objects.bulk_create(mirrors)
    ZaakInformatieObject.objects.bulk_create(links)
    # the audit trail lines of the zaak and its documents, naming the copies
    AuditTrail.objects.bulk_create(
        [
            _copy(
                line,
                **{
                    name: _replaced(getattr(line, name), mapping)
                    for name in ("hoofd_object", "resource_url", "resource_weergave", "oud", "nieuw")
                },
            )
            for mapping in replacements
            for line in template.audit
        ]
    )
    return [zaak.url for zaak in zaken]
