"""Transfer packages: closed zaken with their documents as a BagIt ZIP with MDTO metadata that
validates against the Nationaal Archief's XSD, and sha256 checksums that match the files."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest
import xmlschema

from tests.archief.support import archief_client, closed_zaak, staff, zaaktype
from zaakwerk.archief import mdto
from zaakwerk.archief.models import PackageState
from zaakwerk.archief.roles import ArchiefRole
from zaakwerk.archief.services import transfer
from zaakwerk.client import ZGWClient

XSD = Path(mdto.__file__).parent / "schemas" / mdto.XSD
NS = {"m": mdto.NAMESPACE}


@pytest.fixture
def client() -> ZGWClient:
    return archief_client()


@pytest.mark.django_db(transaction=True)  # document contents are stored when the transaction commits
def test_a_package_holds_each_zaak_its_documents_and_valid_mdto(client: ZGWClient, settings: object) -> None:
    settings.ARCHIEF_EXPORT_DIR = ""  # type: ignore[attr-defined]
    melding = zaaktype(client)
    made = [
        closed_zaak(client, melding, documenten=2, archiefnominatie="blijvend_bewaren"),
        closed_zaak(client, melding, documenten=1, archiefnominatie="blijvend_bewaren"),
    ]
    user = staff("rm", ArchiefRole.RECORDMANAGER)
    # when a package of both is made
    package = transfer.create(client, user, "Overbrenging 2026", [item.zaak.url for item in made])
    # then it is ready, with a checksum of the ZIP
    assert package.state == PackageState.KLAAR, package.problem
    assert (package.zaken, package.documenten) == (2, 3)
    path = transfer.export_dir() / package.file_name
    assert hashlib.sha256(path.read_bytes()).hexdigest() == package.sha256
    schema = xmlschema.XMLSchema(str(XSD))
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        root = names[0].split("/")[0]
        assert {f"{root}/bagit.txt", f"{root}/bag-info.txt", f"{root}/manifest-sha256.txt"} <= set(names)
        # every payload file is in the manifest with its sha256, and nothing else is
        manifest = archive.read(f"{root}/manifest-sha256.txt").decode().splitlines()
        listed = {line.split("  ", 1)[1]: line.split("  ", 1)[0] for line in manifest}
        payload = {name.removeprefix(f"{root}/") for name in names if name.startswith(f"{root}/data/")}
        assert set(listed) == payload
        for name, digest in listed.items():
            assert hashlib.sha256(archive.read(f"{root}/{name}")).hexdigest() == digest
        # every MDTO file is valid against the XSD
        xml_files = [name for name in payload if name.endswith(".mdto.xml")]
        assert len(xml_files) == 2 + 3 * 2  # a dossier per zaak, an archiefstuk and a bestand per document
        for name in xml_files:
            schema.validate(archive.read(f"{root}/{name}").decode())
        # a zaak's dossier names its documents; a bestand's checksum is that of its file
        zaak = made[0].zaak
        folder = f"data/{zaak.identificatie}"
        dossier = ElementTree.fromstring(archive.read(f"{root}/{folder}/{zaak.identificatie}.mdto.xml"))
        assert (
            dossier.findtext("./m:informatieobject/m:aggregatieniveau/m:begripLabel", namespaces=NS)
            == "Dossier"
        )
        assert len(dossier.findall("m:informatieobject/m:bevatOnderdeel", NS)) == 2
        bestanden = [name for name in payload if name.startswith(folder) and name.endswith(".pdf.mdto.xml")]
        for name in bestanden:
            bestand = ElementTree.fromstring(archive.read(f"{root}/{name}"))
            content = archive.read(f"{root}/{name.removesuffix('.mdto.xml')}")
            value = bestand.findtext("m:bestand/m:checksum/m:checksumWaarde", namespaces=NS)
            assert value == hashlib.sha256(content).hexdigest()
            assert bestand.findtext("m:bestand/m:omvang", namespaces=NS) == str(len(content))


@pytest.mark.django_db
def test_an_open_zaak_fails_the_package_and_leaves_no_file(client: ZGWClient) -> None:
    melding = zaaktype(client)
    open_zaak = client.zaken.zaken.create(
        {
            "bronorganisatie": "002220647",
            "verantwoordelijkeOrganisatie": "002220647",
            "zaaktype": melding.url,
            "startdatum": "2014-01-15",
        }
    )
    user = staff("rm", ArchiefRole.RECORDMANAGER)
    package = transfer.create(client, user, "Mislukt", [open_zaak.url])
    assert package.state == PackageState.FOUT and "niet afgesloten" in package.problem
    assert not list(transfer.export_dir().glob(f"*{package.uuid.hex[:8]}*"))
    with pytest.raises(transfer.TransferError):
        transfer.create(client, user, " ", [open_zaak.url])


def test_metadata_outside_the_schema_is_refused() -> None:
    bestand = mdto.Bestand(
        kenmerk="1",
        bron="bron",
        naam="a.pdf",
        omvang=3,
        formaat="application/pdf",
        sha256="ab",
        checked_at=datetime(2026, 1, 1, tzinfo=UTC),
        representatie_van=mdto.Ref("stuk"),
    )
    assert b"<checksumWaarde>ab</checksumWaarde>" in mdto.bestand_xml(bestand)
    with pytest.raises(mdto.InvalidMdto):
        mdto.bestand_xml(
            mdto.Bestand(**{**bestand.__dict__, "naam": ""})  # naam must not be empty (NietLegeWaarde)
        )
