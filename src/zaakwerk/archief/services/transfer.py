"""Transfer (overbrengen): closed zaken as an archive package an e-Depot can ingest
(docs/adr/0084).

The package is a ZIP holding a BagIt bag (RFC 8493)::

    bagit.txt  bag-info.txt  manifest-sha256.txt  tagmanifest-sha256.txt
    data/<zaak>/<zaak>.mdto.xml                       the zaak as an MDTO dossier
    data/<zaak>/<document>/<document>.mdto.xml        each document as an MDTO archiefstuk
    data/<zaak>/<document>/<bestandsnaam>             its content
    data/<zaak>/<document>/<bestandsnaam>.mdto.xml    the file as an MDTO bestand (sha256)

It is written straight to disk as it is read: one document's content is in memory at a time and
every file's sha256 is computed while it is written, so memory does not grow with the number of
zaken. Every MDTO file is validated against the XSD before it goes in.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from zaakwerk.archief import mdto
from zaakwerk.archief.models import PackageState, TransferItem, TransferPackage, TransferState
from zaakwerk.archief.services.selection import EXPAND, Labels, candidate
from zaakwerk.client import ClientError, ZGWClient, models

CHUNK = 1024 * 1024


class TransferError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def export_dir() -> Path:
    folder = (
        Path(settings.ARCHIEF_EXPORT_DIR) if settings.ARCHIEF_EXPORT_DIR else settings.DATA_DIR / "archief"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def safe(name: str) -> str:
    """A file or folder name from an identificatie or bestandsnaam: no separators, no dots first."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", name).lstrip("._")
    return cleaned[:120] or "_"


class Writer:
    """Files into the ZIP, each hashed as it is written; the payload manifest on disk."""

    def __init__(self, archive: zipfile.ZipFile, root: str) -> None:
        self.archive = archive
        self.root = root
        # closed in _bag_files, once the manifest is copied into the package
        self.manifest: IO[str] = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self.octets = 0
        self.files = 0

    def add(self, path: str, data: bytes, *, payload: bool = True) -> str:
        digest = hashlib.sha256()
        with self.archive.open(f"{self.root}/{path}", "w", force_zip64=True) as target:
            for start in range(0, len(data), CHUNK):
                piece = data[start : start + CHUNK]
                digest.update(piece)
                target.write(piece)
        if payload:
            self.manifest.write(f"{digest.hexdigest()}  {path}\n")
            self.octets += len(data)
            self.files += 1
        return digest.hexdigest()


@dataclass
class Context:
    client: ZGWClient
    organisation: str
    waardering: mdto.Begrip
    max_bytes: int
    labels: Labels


def _archiefvormer(context: Context, zaak: models.Zaak) -> mdto.Ref:
    return mdto.Ref(context.organisation, zaak.bronorganisatie, "RSIN")


def _beperking(vertrouwelijkheid: str) -> mdto.Begrip:
    return mdto.Begrip(vertrouwelijkheid or "openbaar", "ZGW vertrouwelijkheidaanduiding")


def add_zaak(context: Context, writer: Writer, url: str) -> TransferItem:
    """The zaak at ``url`` with its documents into the package; what went in, as an item that
    is not saved yet."""
    client = context.client
    zaak = client.zaken.zaken.get(url, expand=EXPAND)
    if zaak.einddatum is None:
        raise TransferError(_("Zaak %(id)s is niet afgesloten.") % {"id": zaak.identificatie})
    zaaktype: dict[str, Any] = zaak.expanded.get("zaaktype") or {}
    folder = safe(zaak.identificatie)
    bron = f"Zaakregistratie {zaak.bronorganisatie}"
    zaak_ref = mdto.Ref(zaak.omschrijving or zaak.identificatie, zaak.identificatie, bron)
    onderdelen: list[mdto.Ref] = []
    documenten: list[tuple[str, int | None]] = []
    links = list(client.zaken.zaakinformatieobjecten.list(zaak=zaak.url))
    for link in links:
        document = client.documenten.enkelvoudiginformatieobjecten.get(
            link.informatieobject, expand=["informatieobjecttype"]
        )
        onderdelen.append(_add_document(context, writer, folder, zaak, zaak_ref, document))
        # the version read, so that only what the package holds is marked overgedragen later
        documenten.append((link.informatieobject, document.versie))
    klasse = candidate(zaak, context.labels).selectielijstklasse_label
    dossier = mdto.Informatieobject(
        identificaties=[(zaak.identificatie, bron), (zaak.url, "ZGW Zaken API")],
        naam=zaak.omschrijving or zaak.identificatie,
        aggregatieniveau="Dossier",
        archiefvormer=_archiefvormer(context, zaak),
        beperking=_beperking(zaak.vertrouwelijkheidaanduiding),
        waardering=context.waardering,
        classificatie=mdto.Begrip(
            str(zaaktype.get("omschrijving") or zaak.zaaktype),
            "Zaaktypecatalogus",
            str(zaaktype.get("identificatie") or ""),
        ),
        omschrijving=zaak.toelichting,
        begin=zaak.startdatum,
        einde=zaak.einddatum,
        events=[("Creatie", zaak.registratiedatum or zaak.startdatum), ("Afsluiting", zaak.einddatum)],
        informatiecategorie=mdto.Begrip(klasse, "Selectielijst gemeenten en intergemeentelijke organen")
        if klasse
        else None,
        bevat_onderdeel=onderdelen,
    )
    writer.add(f"data/{folder}/{folder}.mdto.xml", mdto.informatieobject_xml(dossier))
    return TransferItem(
        zaak_url=zaak.url,
        identificatie=zaak.identificatie,
        zaaktype_omschrijving=str(zaaktype.get("omschrijving") or "")[:80],
        documenten=[list(pair) for pair in documenten],
    )


def _add_document(
    context: Context,
    writer: Writer,
    folder: str,
    zaak: models.Zaak,
    zaak_ref: mdto.Ref,
    document: models.EnkelvoudigInformatieObject,
) -> mdto.Ref:
    bron = f"Documentregistratie {document.bronorganisatie}"
    name = safe(document.identificatie)
    base = f"data/{folder}/{name}"
    ref = mdto.Ref(document.titel or document.identificatie, document.identificatie, bron)
    representaties = []
    if document.inhoud:
        content = context.client.documenten.download(document, max_bytes=context.max_bytes)
        filename = safe(document.bestandsnaam or f"{name}.bin")
        digest = writer.add(f"{base}/{filename}", content)
        bestand = mdto.Bestand(
            kenmerk=f"{document.identificatie}/{document.versie or 1}",
            bron=bron,
            naam=document.bestandsnaam or filename,
            omvang=len(content),
            formaat=document.formaat,
            sha256=digest,
            checked_at=timezone.now(),
            representatie_van=ref,
        )
        writer.add(f"{base}/{filename}.mdto.xml", mdto.bestand_xml(bestand))
        representaties.append(mdto.Ref(bestand.naam, bestand.kenmerk, bron))
    iotype: dict[str, Any] = document.expanded.get("informatieobjecttype") or {}
    stuk = mdto.Informatieobject(
        identificaties=[(document.identificatie, bron), (document.url, "ZGW Documenten API")],
        naam=document.titel or document.identificatie,
        aggregatieniveau="Archiefstuk",
        archiefvormer=_archiefvormer(context, zaak),
        beperking=_beperking(document.vertrouwelijkheidaanduiding),
        waardering=context.waardering,
        classificatie=mdto.Begrip(str(iotype["omschrijving"]), "Zaaktypecatalogus") if iotype else None,
        omschrijving=document.beschrijving,
        taal=document.taal if re.fullmatch(r"[a-zA-Z]{1,8}", document.taal or "") else "",
        events=[("Creatie", document.creatiedatum)],
        is_onderdeel_van=[zaak_ref],
        heeft_representatie=representaties,
    )
    writer.add(f"{base}/{name}.mdto.xml", mdto.informatieobject_xml(stuk))
    return ref


def build(
    client: ZGWClient,
    package: TransferPackage,
    *,
    progress: Callable[[int], None] | None = None,
) -> TransferPackage:
    """Write the package's ZIP; on a problem the package is marked failed and the file removed."""
    root = safe(f"overbrenging-{package.created_at:%Y%m%d}-{package.uuid.hex[:8]}")
    path = export_dir() / f"{root}.zip"
    context = Context(
        client=client,
        organisation=str(settings.WEB_ORGANISATION_NAME),
        waardering=mdto.Begrip("Blijvend te bewaren", mdto.WAARDERING, "B"),
        max_bytes=int(settings.ARCHIEF_MAX_DOCUMENT_BYTES),
        labels=Labels(client),
    )
    items: list[TransferItem] = []
    try:
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            writer = Writer(archive, root)
            for count, url in enumerate(package.zaak_urls, start=1):
                item = add_zaak(context, writer, url)
                item.package, item.position = package, count
                items.append(item)
                if progress is not None:
                    progress(count)
            _bag_files(writer, package, context.organisation)
    except (TransferError, ClientError, mdto.InvalidMdto) as exc:
        path.unlink(missing_ok=True)
        package.state = PackageState.FOUT
        package.problem = exc.message if isinstance(exc, TransferError) else str(exc)
        package.finished_at = timezone.now()
        package.save()
        return package
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for piece in iter(lambda: file.read(CHUNK), b""):
            digest.update(piece)
    package.state = PackageState.KLAAR
    package.file_name = path.name
    package.size = path.stat().st_size
    package.sha256 = digest.hexdigest()
    package.zaken = len(package.zaak_urls)
    package.documenten = sum(len(item.documenten) for item in items)
    package.finished_at = timezone.now()
    with transaction.atomic():
        package.save()
        TransferItem.objects.bulk_create(items, batch_size=500)
    return package


def _bag_files(writer: Writer, package: TransferPackage, organisation: str) -> None:
    tags: list[tuple[str, str]] = []
    writer.manifest.seek(0)
    manifest = hashlib.sha256()
    with writer.archive.open(f"{writer.root}/manifest-sha256.txt", "w", force_zip64=True) as target:
        for line in writer.manifest:
            data = line.encode("utf-8")
            manifest.update(data)
            target.write(data)
    writer.manifest.close()
    tags.append((manifest.hexdigest(), "manifest-sha256.txt"))
    bagit = b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    tags.append((writer.add("bagit.txt", bagit, payload=False), "bagit.txt"))
    info = (
        f"Source-Organization: {organisation}\n"
        f"Bagging-Date: {timezone.localdate().isoformat()}\n"
        f"Payload-Oxum: {writer.octets}.{writer.files}\n"
        f"External-Identifier: {package.uuid}\n"
        f"External-Description: {package.naam}\n"
        f"Bag-Count: 1 of 1\n"
    ).encode()
    tags.append((writer.add("bag-info.txt", info, payload=False), "bag-info.txt"))
    lines = "".join(f"{digest}  {name}\n" for digest, name in tags).encode()
    writer.add("tagmanifest-sha256.txt", lines, payload=False)


OPEN = (PackageState.KLAAR, PackageState.ONTVANGEN)


def in_open_packages(urls: Iterable[str]) -> set[str]:
    """Those of ``urls`` in a package that the e-Depot has not yet received, or whose zaken are
    still being marked overgedragen: they are not put in another package (docs/adr/0098)."""
    return set(
        TransferItem.objects.filter(
            zaak_url__in=list(urls), package__state__in=OPEN, state=TransferState.IN_PAKKET
        ).values_list("zaak_url", flat=True)
    )


def create(client: ZGWClient, user: User, naam: str, zaak_urls: list[str]) -> TransferPackage:
    """A package of the chosen zaken, built now."""
    naam = naam.strip()
    if not naam:
        raise TransferError(_("Geef het pakket een naam."))
    if not zaak_urls:
        raise TransferError(_("Kies ten minste één zaak."))
    busy = in_open_packages(zaak_urls)
    if busy:
        raise TransferError(
            _("Deze zaken zitten al in een pakket dat nog niet is overgedragen: %(zaken)s.")
            % {
                "zaken": ", ".join(
                    sorted(
                        set(
                            TransferItem.objects.filter(zaak_url__in=busy).values_list(
                                "identificatie", flat=True
                            )
                        )
                    )
                )
            }
        )
    package = TransferPackage.objects.create(
        naam=naam[:200], created_by=user, zaak_urls=list(dict.fromkeys(zaak_urls))
    )
    return build(client, package)
