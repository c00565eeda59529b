"""The inputs of the Catalogi register's service functions, keyed by model field name (docs/adr/0050).

Each is a ``TypedDict`` whose keys are all optional: a PATCH gives only the fields it sent, and a
key's presence is what tells "sent" from "not sent". The endpoints build them field by field, so a
renamed model field is a type error in the endpoint and in the service alike. The services read
them and never change them. A nested group of the request (``referentieproces``,
``specificatie``, ``brondatumArchiefprocedure``) is given as the columns it is stored in; a
relation to another type (``catalogus``, ``zaaktype``, ``statustype``) as the URL or name the
client sent, which the service resolves.
"""

from datetime import date
from typing import TypedDict

# No ``from __future__ import annotations``: a ``TypedDict``'s keys are read at run time.


class CatalogusValues(TypedDict, total=False):
    """A catalogus's fields to change (all for PUT, those sent for PATCH); a new catalogus is a
    complete ``CatalogusData``."""

    domein: str
    rsin: str
    contactpersoon_beheer_naam: str
    contactpersoon_beheer_telefoonnummer: str
    contactpersoon_beheer_emailadres: str
    naam: str
    versie: str
    begindatum_versie: date | None


class GerelateerdZaaktype(TypedDict):
    """An item of ``gerelateerdeZaaktypen``: ``zaaktype`` an identificatie or URL."""

    zaaktype: str
    aard_relatie: str
    toelichting: str


class ZaakTypeValues(TypedDict, total=False):
    """A zaaktype version's fields: all of them to create or replace, those sent to patch.
    ``catalogus`` is a URL; ``besluittypen`` and ``deelzaaktypen`` are names or URLs of local
    versions, resolved to the names stored."""

    identificatie: str
    omschrijving: str
    omschrijving_generiek: str
    vertrouwelijkheidaanduiding: str
    doel: str
    aanleiding: str
    toelichting: str
    indicatie_intern_of_extern: str
    handeling_initiator: str
    onderwerp: str
    handeling_behandelaar: str
    doorlooptijd: str
    servicenorm: str | None
    opschorting_en_aanhouding_mogelijk: bool
    verlenging_mogelijk: bool
    verlengingstermijn: str | None
    trefwoorden: list[str]
    publicatie_indicatie: bool
    publicatietekst: str
    verantwoordingsrelatie: list[str]
    producten_of_diensten: list[str]
    selectielijst_procestype: str
    referentieproces_naam: str
    referentieproces_link: str
    verantwoordelijke: str
    broncatalogus_url: str
    broncatalogus_domein: str
    broncatalogus_rsin: str
    bronzaaktype_url: str
    bronzaaktype_identificatie: str
    bronzaaktype_omschrijving: str
    catalogus: str
    besluittypen: list[str]
    deelzaaktypen: list[str]
    gerelateerde_zaaktypen: list[GerelateerdZaaktype]
    begin_geldigheid: date
    einde_geldigheid: date | None
    versiedatum: date | None


class InformatieObjectTypeValues(TypedDict, total=False):
    """An informatieobjecttype version's fields: all to create or replace, those sent to patch.
    ``catalogus`` is a URL; ``omschrijvingGeneriek`` is given as its columns."""

    catalogus: str
    omschrijving: str
    vertrouwelijkheidaanduiding: str
    begin_geldigheid: date
    einde_geldigheid: date | None
    informatieobjectcategorie: str
    trefwoord: list[str]
    omschrijving_generiek_informatieobjecttype: str
    omschrijving_generiek_definitie: str
    omschrijving_generiek_herkomst: str
    omschrijving_generiek_hierarchie: str
    omschrijving_generiek_opmerking: str | None


class BesluitTypeValues(TypedDict, total=False):
    """A besluittype version's fields: all to create or replace, those sent to patch.
    ``catalogus`` is a URL; ``informatieobjecttypen`` names or URLs of local versions."""

    catalogus: str
    omschrijving: str
    omschrijving_generiek: str
    besluitcategorie: str
    reactietermijn: str | None
    publicatie_indicatie: bool
    publicatietekst: str
    publicatietermijn: str | None
    toelichting: str
    informatieobjecttypen: list[str]
    begin_geldigheid: date
    einde_geldigheid: date | None


class ChecklistItem(TypedDict):
    """An item of a statustype's ``checklistitemStatustype``, stored as given."""

    itemnaam: str
    toelichting: str | None
    vraagstelling: str
    verplicht: bool


class StatusTypeValues(TypedDict, total=False):
    """A statustype's fields (``zaaktype``, a URL, always on create); those sent to patch."""

    zaaktype: str
    omschrijving: str
    omschrijving_generiek: str
    statustekst: str
    volgnummer: int
    informeren: bool
    doorlooptijd: str | None
    toelichting: str | None
    checklistitem_statustype: list[ChecklistItem]
    begin_geldigheid: date | None
    einde_geldigheid: date | None
    begin_object: date | None
    einde_object: date | None


class RolTypeValues(TypedDict, total=False):
    """A roltype's fields (``zaaktype``, a URL, always on create); those sent to patch.
    ``catalogus``, if given, must be the zaaktype's."""

    zaaktype: str
    omschrijving: str
    omschrijving_generiek: str
    catalogus: str | None
    begin_geldigheid: date | None
    einde_geldigheid: date | None
    begin_object: date | None
    einde_object: date | None


class ResultaatTypeValues(TypedDict, total=False):
    """A resultaattype's fields (``zaaktype``, a URL, always on create); those sent to patch.
    ``brondatumArchiefprocedure`` is given as its columns; ``besluittypen`` and
    ``informatieobjecttypen`` are names or URLs of local versions."""

    zaaktype: str
    omschrijving: str
    resultaattypeomschrijving: str
    selectielijstklasse: str
    toelichting: str
    archiefnominatie: str
    archiefactietermijn: str | None
    brondatum_afleidingswijze: str
    brondatum_datumkenmerk: str
    brondatum_einddatum_bekend: bool
    brondatum_objecttype: str
    brondatum_registratie: str
    brondatum_procestermijn: str | None
    procesobjectaard: str | None
    catalogus: str | None
    begin_geldigheid: date | None
    einde_geldigheid: date | None
    begin_object: date | None
    einde_object: date | None
    indicatie_specifiek: bool | None
    procestermijn: str | None
    besluittypen: list[str]
    informatieobjecttypen: list[str]


class EigenschapValues(TypedDict, total=False):
    """An eigenschap's fields (``zaaktype``, a URL, always on create); those sent to patch.
    ``specificatie`` is given as its columns; ``statustype`` is a URL."""

    zaaktype: str
    naam: str
    definitie: str
    toelichting: str
    statustype: str | None
    specificatie_groep: str
    specificatie_formaat: str
    specificatie_lengte: str
    specificatie_kardinaliteit: str
    specificatie_waardenverzameling: list[str]
    begin_geldigheid: date | None
    einde_geldigheid: date | None
    begin_object: date | None
    einde_object: date | None


class ZaakObjectTypeValues(TypedDict, total=False):
    """A zaakobjecttype's fields (``zaaktype``, a URL, always on create); those sent to patch.
    ``catalogus`` must be the zaaktype's."""

    zaaktype: str
    catalogus: str
    ander_objecttype: bool
    objecttype: str
    relatie_omschrijving: str
    begin_geldigheid: date | None
    einde_geldigheid: date | None
    begin_object: date | None
    einde_object: date | None


class ZaakTypeInformatieObjectTypeValues(TypedDict, total=False):
    """A zaaktype-informatieobjecttype's fields (``zaaktype``, a URL, always on create); those
    sent to patch. ``informatieobjecttype`` is an omschrijving or the URL of a local version,
    ``statustype`` a URL."""

    zaaktype: str
    informatieobjecttype: str
    volgnummer: int
    richting: str
    statustype: str | None
