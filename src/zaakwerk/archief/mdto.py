"""MDTO XML for a transfer package (docs/adr/0084): a zaak as a dossier, each of its documents as
an archiefstuk, each file as a bestand with its sha256 checksum; validated against the Nationaal
Archief's XSD (MDTO 1.0.2, vendored unchanged in ``schemas/``).

The elements are written in the order the schema's sequences demand; labels from MDTO's own
begrippenlijsten where MDTO has one (aggregatieniveau, waardering, checksumalgoritme, event types),
otherwise named after their source (the zaaktypecatalogus, the Selectielijst, the ZGW
vertrouwelijkheidaanduiding).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import resources
from xml.etree import ElementTree as ET

import xmlschema

NAMESPACE = "https://www.nationaalarchief.nl/mdto"
XSD = "MDTO-XML1.0.2.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

AGGREGATIE = "Begrippenlijst Aggregatieniveaus MDTO"
WAARDERING = "Begrippenlijst Waarderingen MDTO"
EVENTS = "Begrippenlijst EventTypeLijst MDTO"
CHECKSUM = "Begrippenlijst ChecksumAlgoritme MDTO"

ET.register_namespace("", NAMESPACE)


class InvalidMdto(Exception):
    """Metadata that does not validate against the MDTO schema (a fault in this module)."""


@functools.cache
def schema() -> xmlschema.XMLSchema:
    path = resources.files("zaakwerk.archief").joinpath(f"schemas/{XSD}")
    with resources.as_file(path) as file:
        return xmlschema.XMLSchema(str(file))


def validate(document: bytes) -> None:
    """InvalidMdto with the schema's reason when ``document`` is not valid MDTO."""
    errors = list(schema().iter_errors(document.decode("utf-8")))
    if errors:
        raise InvalidMdto(str(errors[0].reason or errors[0]))


@dataclass(frozen=True)
class Ref:
    """A verwijzing: a name, and optionally an identification (kenmerk at a bron)."""

    naam: str
    kenmerk: str = ""
    bron: str = ""


@dataclass(frozen=True)
class Begrip:
    label: str
    lijst: str
    code: str = ""


@dataclass
class Informatieobject:
    identificaties: list[tuple[str, str]]  # (kenmerk, bron)
    naam: str
    aggregatieniveau: str  # Dossier, Archiefstuk
    archiefvormer: Ref
    beperking: Begrip
    waardering: Begrip
    classificatie: Begrip | None = None
    omschrijving: str = ""
    begin: date | None = None
    einde: date | None = None
    taal: str = ""
    events: list[tuple[str, date | datetime | None]] = field(default_factory=list)
    informatiecategorie: Begrip | None = None
    is_onderdeel_van: list[Ref] = field(default_factory=list)
    bevat_onderdeel: list[Ref] = field(default_factory=list)
    heeft_representatie: list[Ref] = field(default_factory=list)


@dataclass
class Bestand:
    kenmerk: str
    bron: str
    naam: str
    omvang: int
    formaat: str
    sha256: str
    checked_at: datetime
    representatie_van: Ref


def _text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{NAMESPACE}}}{tag}")
    element.text = value
    return element


def _identificatie(parent: ET.Element, tag: str, kenmerk: str, bron: str) -> None:
    element = ET.SubElement(parent, f"{{{NAMESPACE}}}{tag}")
    _text(element, "identificatieKenmerk", kenmerk)
    _text(element, "identificatieBron", bron)


def _verwijzing(parent: ET.Element, tag: str, ref: Ref) -> None:
    element = ET.SubElement(parent, f"{{{NAMESPACE}}}{tag}")
    _text(element, "verwijzingNaam", ref.naam)
    if ref.kenmerk:
        _identificatie(element, "verwijzingIdentificatie", ref.kenmerk, ref.bron)


def _begrip(parent: ET.Element, tag: str, begrip: Begrip) -> None:
    element = ET.SubElement(parent, f"{{{NAMESPACE}}}{tag}")
    _text(element, "begripLabel", begrip.label)
    if begrip.code:
        _text(element, "begripCode", begrip.code)
    _verwijzing(element, "begripBegrippenlijst", Ref(begrip.lijst))


def _root() -> tuple[ET.Element, ET.Element]:
    root = ET.Element(f"{{{NAMESPACE}}}MDTO")
    root.set(f"{{{XSI}}}schemaLocation", f"{NAMESPACE} {XSD}")
    return root, root


def _serialise(root: ET.Element) -> bytes:
    ET.register_namespace("xsi", XSI)
    data: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return data


def informatieobject_xml(item: Informatieobject) -> bytes:
    root, _ = _root()
    element = ET.SubElement(root, f"{{{NAMESPACE}}}informatieobject")
    for kenmerk, bron in item.identificaties:
        _identificatie(element, "identificatie", kenmerk, bron)
    _text(element, "naam", item.naam)
    _begrip(element, "aggregatieniveau", Begrip(item.aggregatieniveau, AGGREGATIE))
    if item.classificatie:
        _begrip(element, "classificatie", item.classificatie)
    if item.omschrijving:
        _text(element, "omschrijving", item.omschrijving)
    if item.begin:
        dekking = ET.SubElement(element, f"{{{NAMESPACE}}}dekkingInTijd")
        _begrip(dekking, "dekkingInTijdType", Begrip("Looptijd", "Begrippenlijst DekkingInTijd"))
        _text(dekking, "dekkingInTijdBegindatum", item.begin.isoformat())
        if item.einde:
            _text(dekking, "dekkingInTijdEinddatum", item.einde.isoformat())
    if item.taal:
        _text(element, "taal", item.taal)
    for label, moment in item.events:
        event = ET.SubElement(element, f"{{{NAMESPACE}}}event")
        _begrip(event, "eventType", Begrip(label, EVENTS))
        if moment is not None:
            value = moment.isoformat() if isinstance(moment, datetime) else f"{moment.isoformat()}T00:00:00"
            _text(event, "eventTijd", value)
    _begrip(element, "waardering", item.waardering)
    if item.informatiecategorie:
        _begrip(element, "informatiecategorie", item.informatiecategorie)
    for ref in item.is_onderdeel_van:
        _verwijzing(element, "isOnderdeelVan", ref)
    for ref in item.bevat_onderdeel:
        _verwijzing(element, "bevatOnderdeel", ref)
    for ref in item.heeft_representatie:
        _verwijzing(element, "heeftRepresentatie", ref)
    _verwijzing(element, "archiefvormer", item.archiefvormer)
    beperking = ET.SubElement(element, f"{{{NAMESPACE}}}beperkingGebruik")
    _begrip(beperking, "beperkingGebruikType", item.beperking)
    data = _serialise(root)
    validate(data)
    return data


def bestand_xml(item: Bestand) -> bytes:
    root, _ = _root()
    element = ET.SubElement(root, f"{{{NAMESPACE}}}bestand")
    _identificatie(element, "identificatie", item.kenmerk, item.bron)
    _text(element, "naam", item.naam)
    _text(element, "omvang", str(item.omvang))
    _begrip(
        element, "bestandsformaat", Begrip(item.formaat or "application/octet-stream", "IANA Media Types")
    )
    checksum = ET.SubElement(element, f"{{{NAMESPACE}}}checksum")
    _begrip(checksum, "checksumAlgoritme", Begrip("SHA256", CHECKSUM))
    _text(checksum, "checksumWaarde", item.sha256)
    _text(checksum, "checksumDatum", item.checked_at.replace(microsecond=0, tzinfo=None).isoformat())
    _verwijzing(element, "isRepresentatieVan", item.representatie_van)
    data = _serialise(root)
    validate(data)
    return data
