"""Contents of a document: base64 ``inhoud``, bestandsdelen and their merge (RULES.md 4.1, 4.4).

Everything streams in chunks into :mod:`zaakwerk.documenten.storage`; only the base64 text of a
JSON body is in memory, because the JSON body itself is.
"""

from __future__ import annotations

import binascii
from collections.abc import Iterable, Iterator

import pybase64
from django.conf import settings

from zaakwerk.core.errors import NON_FIELD, ValidationError
from zaakwerk.documenten import storage
from zaakwerk.documenten.models import BestandsDeel, EnkelvoudigInformatieObject, Inhoud

# a multiple of 4 base64 characters decodes on its own
_B64_CHUNK = 4 * 16 * 1024


def _decoded(text: str) -> Iterator[bytes]:
    for start in range(0, len(text), _B64_CHUNK):
        part = text[start : start + _B64_CHUNK]
        try:
            # pybase64 (SIMD): about 20 times the standard library's speed (docs/adr/0105)
            yield pybase64.b64decode(part, validate=True)
        except (binascii.Error, ValueError):
            raise ValidationError.single(
                "inhoud", "invalid", "De inhoud is geen geldige base64-gecodeerde tekst."
            ) from None


def store(chunks: Iterable[bytes]) -> Inhoud:
    """Stage ``chunks`` and record the file; both become real when the transaction commits."""
    staged = storage.stage(chunks)
    return Inhoud.objects.create(naam=staged.naam, omvang=staged.omvang, sha256=staged.sha256)


def from_base64(text: str, bestandsomvang: int | None) -> Inhoud | None:
    """Decode and store base64 ``inhoud``; its size must equal ``bestandsomvang`` when that is given."""
    if not text:
        return None
    if len(text) % 4:
        raise ValidationError.single(
            "inhoud", "invalid", "De inhoud is geen geldige base64-gecodeerde tekst."
        )
    inhoud = store(_decoded(text))
    if bestandsomvang is not None and bestandsomvang != inhoud.omvang:
        raise ValidationError.single(
            "bestandsomvang",
            "file-size",
            f"De bestandsomvang ({bestandsomvang}) is niet gelijk aan de grootte van de inhoud "
            f"({inhoud.omvang}).",
        )
    return inhoud


def create_parts(
    eio: EnkelvoudigInformatieObject, bestandsomvang: int, *, replace: bool = True
) -> list[BestandsDeel]:
    """Replace the document's parts by new, empty ones covering ``bestandsomvang`` bytes
    (``replace`` False: a document created in this transaction, which has none yet)."""
    if replace:
        discard_parts(eio)
    size = max(1, settings.DOCUMENT_PART_SIZE)
    parts = [
        BestandsDeel(informatieobject=eio, volgnummer=number, omvang=min(size, bestandsomvang - start))
        for number, start in enumerate(range(0, bestandsomvang, size), start=1)
    ]
    return BestandsDeel.objects.bulk_create(parts)


def discard_parts(eio: EnkelvoudigInformatieObject) -> None:
    for naam in (
        BestandsDeel.objects.filter(informatieobject=eio).exclude(naam="").values_list("naam", flat=True)
    ):
        storage.discard_on_commit(naam)
    BestandsDeel.objects.filter(informatieobject=eio).delete()


def upload_part(deel: BestandsDeel, chunks: Iterable[bytes], size: int) -> BestandsDeel:
    """Store one part. Parts may arrive in any order; uploading a part again replaces it (PUT is
    idempotent, so a client may safely retry after a lost response)."""
    if size != deel.omvang:
        raise ValidationError.single(
            "inhoud",
            "file-size",
            f"Het bestandsdeel moet precies {deel.omvang} bytes zijn, niet {size}.",
        )
    staged = storage.stage(chunks)
    if deel.naam:
        storage.discard_on_commit(deel.naam)
    deel.naam = staged.naam
    deel.save(update_fields=["naam"])
    return deel


def merge_parts(eio: EnkelvoudigInformatieObject) -> Inhoud | None:
    """All parts complete: one file of them in order, the parts removed; None when there are none."""
    parts = list(BestandsDeel.objects.filter(informatieobject=eio).order_by("volgnummer"))
    if not parts:
        return None
    if not all(part.voltooid for part in parts):
        raise ValidationError.single(
            NON_FIELD, "incomplete-upload", "Alle bestandsdelen moeten geüpload zijn voor het unlocken."
        )

    def chunks() -> Iterator[bytes]:
        for part in parts:
            yield from storage.read_chunks(part.naam)

    inhoud = store(chunks())
    discard_parts(eio)
    return inhoud
