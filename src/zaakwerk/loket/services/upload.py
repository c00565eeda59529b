"""A resident adds a document to their open zaak (docs/adr/0072).

Everything is checked before anything is written: the zaak is the visitor's and open, its zaaktype
has an inkomend informatieobjecttype, the file is not empty, not larger than
``ZAAKWERK_LOKET_MAX_UPLOAD_BYTES``, and its content is one of ``ZAAKWERK_LOKET_UPLOAD_TYPES``
(recognised by its first bytes, not by its name). Then the document is created (status definitief,
received today) and linked to the zaak.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils.translation import gettext as _

from zaakwerk.client import ZGWClient, models
from zaakwerk.client import inhoud as inhoud_text
from zaakwerk.loket.identity import Identity
from zaakwerk.loket.services import zaak as zaak_service

# the first bytes of each media type the loket recognises
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "application/pdf": (b"%PDF-",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
}
EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}


class UploadRefused(Exception):
    """The file or the zaak does not allow the upload; the message says why, for the page."""


@dataclass(frozen=True)
class Upload:
    naam: str
    inhoud: bytes
    titel: str = ""


def media_type(content: bytes) -> str:
    """The media type recognised from the content, or ""."""
    for kind, signatures in SIGNATURES.items():
        if content.startswith(signatures):
            return kind
    return ""


def allowed_types() -> list[str]:
    return [kind for kind in settings.LOKET_UPLOAD_TYPES if kind in SIGNATURES]


def check_file(upload: Upload) -> str:
    """The file's media type, or UploadRefused with a message the resident understands."""
    limit = int(settings.LOKET_MAX_UPLOAD_BYTES)
    if not upload.inhoud:
        raise UploadRefused(_("Het bestand is leeg. Kies een ander bestand."))
    if len(upload.inhoud) > limit:
        raise UploadRefused(
            _("Het bestand is te groot: het mag hoogstens %(mb)s MB zijn.") % {"mb": f"{limit / 1048576:.0f}"}
        )
    kind = media_type(upload.inhoud)
    if kind not in allowed_types():
        names = ", ".join(EXTENSIONS[k].upper() for k in allowed_types())
        raise UploadRefused(
            _("Dit soort bestand kunt u niet toevoegen. Toegestaan: %(types)s.") % {"types": names}
        )
    return kind


def add_document(
    client: ZGWClient, identity: Identity, uuid: str, upload: Upload
) -> models.EnkelvoudigInformatieObject:
    """Add ``upload`` to the visitor's zaak ``uuid``; ZaakNotFound or UploadRefused when it may not."""
    zaak = zaak_service.open_zaak(client, identity, uuid, expand=("zaaktype", "rollen"))
    if zaak.einddatum is not None:
        raise UploadRefused(_("Deze zaak is afgerond; u kunt geen documenten meer toevoegen."))
    types = zaak_service.upload_types(client, zaak)
    if not types:
        raise UploadRefused(_("Bij deze zaak kunt u geen documenten toevoegen."))
    kind = check_file(upload)
    titel = (upload.titel.strip() or upload.naam.rsplit(".", 1)[0].strip() or _("Document"))[:200]
    bestandsnaam = (upload.naam.strip() or f"document.{EXTENSIONS[kind]}")[-255:]
    eio = client.documenten.enkelvoudiginformatieobjecten.create(
        {
            "bronorganisatie": zaak.bronorganisatie,
            "creatiedatum": date.today().isoformat(),
            "ontvangstdatum": date.today().isoformat(),
            "titel": titel,
            "auteur": _("Inwoner") if identity.is_resident else _("Ondernemer"),
            "taal": "nld",
            "status": "definitief",
            "formaat": kind,
            "bestandsnaam": bestandsnaam,
            "inhoud": inhoud_text.encode(upload.inhoud),
            "informatieobjecttype": types[0].informatieobjecttype,
            "indicatieGebruiksrecht": False,
        },
        toelichting="Toegevoegd door de betrokkene in het loket",
    )
    client.zaken.zaakinformatieobjecten.create(
        {"zaak": zaak.url, "informatieobject": eio.url, "titel": titel},
        toelichting="Toegevoegd door de betrokkene in het loket",
    )
    return eio
