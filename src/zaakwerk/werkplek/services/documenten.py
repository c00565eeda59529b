"""A zaak's documents in the werkplek: adding several at once, new versions, metadata, locking
and downloading — through the Documenten and Zaken APIs only.

A document is reached through its zaak: the zaak passes the access door
(:func:`~zaakwerk.werkplek.services.zaakpagina.open_zaak`) and the document must be one of the
zaak's zaakinformatieobjecten, else it is :class:`DocumentNotFound` (404), whatever its URL.

Changes need the Documenten API's lock. A staff member may lock a document to work on it; the
lock's id is kept in :class:`~zaakwerk.werkplek.models.DocumentLock` (docs/adr/0062). A change to
an unlocked document locks, changes and unlocks it in one go; a document locked by someone else
cannot be changed. When the register no longer accepts the kept lock (someone unlocked it by
force, and perhaps locked again), the change is refused with :class:`LockExpired` and the kept
lock is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.utils.translation import gettext_lazy as _

from zaakwerk.client import HTTPStatusError, ZGWClient, models
from zaakwerk.client import inhoud as inhoud_text
from zaakwerk.werkplek.models import DocumentLock
from zaakwerk.werkplek.services.acties import ActieError, ZaakState
from zaakwerk.werkplek.services.gegevens import ChangeRefused, refused, require_open
from zaakwerk.werkplek.zgw import display_name

# the Documenten API's error codes for a lock it no longer accepts
_STALE_LOCK = {"incorrect-lock-id", "unlocked", "missing-lock-id"}
METADATA = ("titel", "beschrijving", "auteur", "status", "vertrouwelijkheidaanduiding", "taal")


class DocumentNotFound(Exception):
    """Not a document of this zaak (or none at all): 404."""


class TooLarge(Exception):
    """A file is larger than the werkplek accepts (``ZAAKWERK_WERKPLEK_MAX_UPLOAD_BYTES``)."""

    def __init__(self, name: str, size: int) -> None:
        super().__init__(name)
        self.name, self.size = name, size


class LockedByOther(Exception):
    """Someone else holds the document's lock; ``naam`` says who, when the werkplek knows."""

    def __init__(self, naam: str) -> None:
        super().__init__(naam)
        self.naam = naam


class LockExpired(Exception):
    """The register no longer accepts the lock the werkplek kept (it was unlocked by force)."""


@dataclass(frozen=True)
class Upload:
    naam: str
    content_type: str
    content: bytes


def document_body(
    upload: Upload,
    *,
    bronorganisatie: str,
    informatieobjecttype: str,
    auteur: str,
    titel: str = "",
    vertrouwelijkheidaanduiding: str = "",
    status: str = "",
) -> dict[str, Any]:
    """The Documenten API body of a document the werkplek adds (a file, a besluit's document, a
    sent e-mail)."""
    body: dict[str, Any] = {
        "bronorganisatie": bronorganisatie,
        "creatiedatum": date.today().isoformat(),
        "titel": (titel or upload.naam)[:200],
        "auteur": auteur[:200] or "werkplek",
        "taal": "dut",  # ISO 639-2/B, as the standard asks
        "formaat": upload.content_type[:255],
        "bestandsnaam": upload.naam[:255],
        "inhoud": inhoud_text.encode(upload.content),
        "informatieobjecttype": informatieobjecttype,
        # the werkplek registers no gebruiksrechten: saying so lets the zaak be closed (closing
        # needs it known for every document, RULES.md; docs/adr/0062)
        "indicatieGebruiksrecht": False,
    }
    if vertrouwelijkheidaanduiding:
        body["vertrouwelijkheidaanduiding"] = vertrouwelijkheidaanduiding
    if status:
        body["status"] = status
    return body


@dataclass(frozen=True)
class Stuk:
    """A document of the zaak: the link and the informatieobject (latest version)."""

    link: models.ZaakInformatieObject
    informatieobject: models.EnkelvoudigInformatieObject

    @property
    def uuid(self) -> str:
        return self.informatieobject.url.rstrip("/").rsplit("/", 1)[-1]


def document_url(client: ZGWClient, uuid: str) -> str:
    return f"{client.documenten.enkelvoudiginformatieobjecten.url}/{uuid}"


def document_of(client: ZGWClient, zaak: models.Zaak, uuid: str) -> Stuk:
    """The document ``uuid`` if it is one of ``zaak``'s (the zaak already passed the door)."""
    url = document_url(client, uuid)
    links = list(client.zaken.zaakinformatieobjecten.list(zaak=zaak.url, informatieobject=url))
    if not links:
        raise DocumentNotFound(uuid)
    try:
        eio = client.documenten.enkelvoudiginformatieobjecten.get(url)
    except HTTPStatusError as exc:
        if exc.status in (403, 404):
            raise DocumentNotFound(uuid) from exc
        raise
    return Stuk(links[0], eio)


def versions(client: ZGWClient, stuk: Stuk) -> list[models.EnkelvoudigInformatieObject]:
    """Every version of the document, newest first (one request per version)."""
    latest = stuk.informatieobject
    found = [latest]
    for versie in range((latest.versie or 1) - 1, 0, -1):
        data = client.documenten.enkelvoudiginformatieobjecten._request(
            "GET", latest.url, params={"versie": versie}
        )
        found.append(models.EnkelvoudigInformatieObject.model_validate(data))
    return found


def download(
    client: ZGWClient, stuk: Stuk, versie: int | None = None
) -> tuple[bytes, models.EnkelvoudigInformatieObject]:
    """The content of the document (its latest version, or ``versie``)."""
    target = stuk.informatieobject
    if versie is not None and versie != target.versie:
        matches = [version for version in versions(client, stuk) if version.versie == versie]
        if not matches:
            raise DocumentNotFound(f"{stuk.uuid} versie {versie}")
        target = matches[0]
    content = client.documenten.download(target, max_bytes=int(settings.DATA_UPLOAD_MAX_MEMORY_SIZE))
    return content, target


def check_sizes(uploads: list[Upload]) -> None:
    limit = int(settings.WERKPLEK_MAX_UPLOAD_BYTES)
    for upload in uploads:
        if len(upload.content) > limit:
            raise TooLarge(upload.naam, len(upload.content))


def add_documents(
    client: ZGWClient,
    zaak: models.Zaak,
    uploads: list[Upload],
    *,
    informatieobjecttype: str,
    auteur: str,
    vertrouwelijkheidaanduiding: str = "",
    toelichting: str = "",
) -> list[models.EnkelvoudigInformatieObject]:
    """Add every upload to ``zaak`` as a document of ``informatieobjecttype``: all or none.

    The files are checked before anything is written; when the registers refuse one, the
    documents already made for this call are removed again."""
    require_open(zaak)
    check_sizes(uploads)
    made: list[tuple[models.EnkelvoudigInformatieObject, models.ZaakInformatieObject | None]] = []
    try:
        for upload in uploads:
            body = document_body(
                upload,
                bronorganisatie=zaak.bronorganisatie,
                informatieobjecttype=informatieobjecttype,
                auteur=auteur,
                vertrouwelijkheidaanduiding=vertrouwelijkheidaanduiding,
            )
            eio = client.documenten.enkelvoudiginformatieobjecten.create(body, toelichting=toelichting)
            made.append((eio, None))
            link = client.zaken.zaakinformatieobjecten.create(
                {"zaak": zaak.url, "informatieobject": eio.url, "titel": upload.naam[:200]},
                toelichting=toelichting,
            )
            made[-1] = (eio, link)
    except HTTPStatusError as exc:
        _undo(client, made)
        if exc.status == 400:
            raise refused(exc) from exc
        raise
    return [eio for eio, _ in made]


def _undo(
    client: ZGWClient,
    made: list[tuple[models.EnkelvoudigInformatieObject, models.ZaakInformatieObject | None]],
) -> None:
    for eio, link in reversed(made):
        if link is not None:
            client.zaken.zaakinformatieobjecten.delete(link.url, toelichting="Toevoegen mislukt")
        client.documenten.enkelvoudiginformatieobjecten.delete(eio.url, toelichting="Toevoegen mislukt")


# --- locks ----------------------------------------------------------------------------------


def holder(stuk: Stuk) -> DocumentLock | None:
    """Who holds the document's lock through the werkplek (None: nobody, or someone elsewhere)."""
    if not stuk.informatieobject.locked:
        return None
    return DocumentLock.objects.filter(informatieobject=stuk.informatieobject.url).first()


def lock(client: ZGWClient, user: AbstractBaseUser, zaak: models.Zaak, stuk: Stuk) -> DocumentLock:
    """Lock the document for ``user``: others cannot change it until it is unlocked."""
    require_open(zaak)
    if stuk.informatieobject.locked:
        current = holder(stuk)
        raise LockedByOther(current.naam if current else "")
    lock_id = client.documenten.lock(stuk.informatieobject.url)
    DocumentLock.objects.filter(informatieobject=stuk.informatieobject.url).delete()
    return DocumentLock.objects.create(
        informatieobject=stuk.informatieobject.url,
        lock=lock_id,
        username=user.get_username(),
        naam=display_name(user),
    )


def unlock(client: ZGWClient, user: AbstractBaseUser, stuk: Stuk) -> None:
    """Unlock a document ``user`` locked; a lock the register no longer holds is just forgotten."""
    kept = holder(stuk)
    if kept is None or kept.username != user.get_username():
        if stuk.informatieobject.locked:
            raise LockedByOther(kept.naam if kept else "")
        DocumentLock.objects.filter(informatieobject=stuk.informatieobject.url).delete()
        return
    try:
        client.documenten.unlock(stuk.informatieobject.url, kept.lock)
    except HTTPStatusError as exc:
        if exc.status != 400:
            raise
    kept.delete()


def _codes(exc: HTTPStatusError) -> set[str]:
    return {str(param.get("code", "")) for param in exc.invalid_params}


def change(
    client: ZGWClient,
    user: AbstractBaseUser,
    zaak: models.Zaak,
    stuk: Stuk,
    values: dict[str, Any],
    *,
    toelichting: str,
) -> models.EnkelvoudigInformatieObject:
    """PATCH the document (metadata, or ``inhoud`` for a new version) under a lock.

    With the user's own kept lock the document stays locked; an unlocked document is locked for
    this change only. LockedByOther, LockExpired, ChangeRefused or ZaakClosed change nothing."""
    require_open(zaak)
    url = stuk.informatieobject.url
    mine = DocumentLock.objects.filter(informatieobject=url, username=user.get_username()).first()
    if mine is not None and not stuk.informatieobject.locked:
        # the user locked it, but the register no longer holds that lock: unlocked by force
        mine.delete()
        raise LockExpired(url)
    kept = holder(stuk)
    own = kept is not None and kept.username == user.get_username()
    if stuk.informatieobject.locked and not own:
        raise LockedByOther(kept.naam if kept else "")
    lock_id = kept.lock if own and kept else client.documenten.lock(url)
    try:
        return client.documenten.enkelvoudiginformatieobjecten.partial_update(
            url, {**values, "lock": lock_id}, toelichting=toelichting
        )
    except HTTPStatusError as exc:
        if exc.status == 400 and own and _codes(exc) & _STALE_LOCK:
            DocumentLock.objects.filter(informatieobject=url).delete()
            raise LockExpired(url) from exc
        if exc.status == 400:
            raise refused(exc) from exc
        raise
    finally:
        if not own:
            client.documenten.unlock(url, lock_id)


def new_version(
    client: ZGWClient,
    user: AbstractBaseUser,
    zaak: models.Zaak,
    stuk: Stuk,
    upload: Upload,
    *,
    toelichting: str,
) -> models.EnkelvoudigInformatieObject:
    check_sizes([upload])
    values = {
        "inhoud": inhoud_text.encode(upload.content),
        "bestandsnaam": upload.naam[:255],
        "formaat": upload.content_type[:255],
    }
    return change(client, user, zaak, stuk, values, toelichting=toelichting)


__all__ = [
    "ChangeRefused",
    "DocumentNotFound",
    "LockExpired",
    "LockedByOther",
    "TooLarge",
    "Upload",
    "add_documents",
    "change",
    "document_of",
    "download",
    "lock",
    "new_version",
    "unlock",
    "versions",
]


# --- documents the werkplek writes for an action (a besluit's document, a sent e-mail) --------


def zaak_informatieobjecttype(
    client: ZGWClient, state: ZaakState, wanted: str = ""
) -> models.InformatieObjectType:
    """The zaaktype's informatieobjecttype named ``wanted`` (omschrijving), else its first
    outgoing one (richting ``uitgaand``), else its first."""
    links = sorted(
        client.catalogi.zaaktype_informatieobjecttypen.list(zaaktype=state.zaaktype.url),
        key=lambda item: item.volgnummer,
    )
    types = {
        url: client.catalogi.informatieobjecttypen.get(url) for url in state.zaaktype.informatieobjecttypen
    }
    if wanted:
        for found in types.values():
            if found.omschrijving == wanted:
                return found
    for link in links:
        if link.richting == "uitgaand" and link.informatieobjecttype in types:
            return types[link.informatieobjecttype]
    if not types:
        raise ActieError(_("Het zaaktype heeft geen documenttypen; het document kan niet worden opgeslagen."))
    return next(iter(types.values()))


def create_document(
    client: ZGWClient,
    state: ZaakState,
    informatieobjecttype: models.InformatieObjectType,
    upload: Upload,
    *,
    titel: str,
    auteur: str,
    toelichting: str,
) -> models.EnkelvoudigInformatieObject:
    body = document_body(
        upload,
        bronorganisatie=state.zaak.bronorganisatie,
        informatieobjecttype=informatieobjecttype.url,
        auteur=auteur,
        titel=titel,
        vertrouwelijkheidaanduiding=informatieobjecttype.vertrouwelijkheidaanduiding or "zaakvertrouwelijk",
        status="definitief",
    )
    return client.documenten.enkelvoudiginformatieobjecten.create(body, toelichting=toelichting)


def link_to_zaak(
    client: ZGWClient,
    state: ZaakState,
    document: models.EnkelvoudigInformatieObject,
    *,
    titel: str,
    toelichting: str,
) -> models.ZaakInformatieObject:
    return client.zaken.zaakinformatieobjecten.create(
        {"zaak": state.zaak.url, "informatieobject": document.url, "titel": titel[:200]},
        toelichting=toelichting,
    )
