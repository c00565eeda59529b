"""Typed resources of the ZGW APIs, as an application reads them.

Field names are the standard's, in Python's spelling (``zaaktype``, ``einddatum_gepland``); the
JSON names are the camelCase aliases. Fields a deployment may add beyond the standard are kept
(``model_extra``), so an object read and written back loses nothing. ``expanded`` holds what
``expand`` embedded (``_expand``), as plain JSON.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel


class Resource(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="allow")

    url: str = ""
    expanded: dict[str, Any] = Field(default_factory=dict, alias="_expand")

    def as_json(self) -> dict[str, Any]:
        """The object as a request body: the fields that were set, under their JSON names."""
        data: dict[str, Any] = self.model_dump(mode="json", by_alias=True, exclude_unset=True)
        data.pop("_expand", None)
        return data


# --- Zaken API ----------------------------------------------------------------------------------


class Zaak(Resource):
    uuid: str = ""
    identificatie: str = ""
    bronorganisatie: str = ""
    omschrijving: str = ""
    toelichting: str = ""
    zaaktype: str = ""
    registratiedatum: date | None = None
    verantwoordelijke_organisatie: str = ""
    startdatum: date | None = None
    einddatum: date | None = None
    einddatum_gepland: date | None = None
    uiterlijke_einddatum_afdoening: date | None = None
    publicatiedatum: date | None = None
    communicatiekanaal: str = ""
    producten_of_diensten: list[str] = Field(default_factory=list)
    vertrouwelijkheidaanduiding: str = ""
    betalingsindicatie: str = ""
    laatste_betaaldatum: datetime | None = None
    zaakgeometrie: dict[str, Any] | None = None
    verlenging: dict[str, Any] | None = None
    opschorting: dict[str, Any] | None = None
    selectielijstklasse: str = ""
    hoofdzaak: str | None = None
    deelzaken: list[str] = Field(default_factory=list)
    relevante_andere_zaken: list[dict[str, Any]] = Field(default_factory=list)
    eigenschappen: list[str] = Field(default_factory=list)
    rollen: list[str] = Field(default_factory=list)
    status: str | None = None
    zaakinformatieobjecten: list[str] = Field(default_factory=list)
    zaakobjecten: list[str] = Field(default_factory=list)
    kenmerken: list[dict[str, Any]] = Field(default_factory=list)
    archiefnominatie: str | None = None
    archiefstatus: str = ""
    archiefactiedatum: date | None = None
    resultaat: str | None = None
    opdrachtgevende_organisatie: str = ""


class Status(Resource):
    uuid: str = ""
    zaak: str = ""
    statustype: str = ""
    datum_status_gezet: datetime | None = None
    statustoelichting: str = ""
    indicatie_laatst_gezette_status: bool | None = None
    gezetdoor: str = ""
    zaakinformatieobjecten: list[str] = Field(default_factory=list)


class Rol(Resource):
    uuid: str = ""
    zaak: str = ""
    betrokkene: str = ""
    betrokkene_type: str = ""
    afwijkende_naam_betrokkene: str = ""
    roltype: str = ""
    omschrijving: str = ""
    omschrijving_generiek: str = ""
    roltoelichting: str = ""
    registratiedatum: datetime | None = None
    indicatie_machtiging: str = ""
    betrokkene_identificatie: dict[str, Any] | None = None
    statussen: list[str] = Field(default_factory=list)


class Resultaat(Resource):
    uuid: str = ""
    zaak: str = ""
    resultaattype: str = ""
    toelichting: str = ""


class ZaakInformatieObject(Resource):
    uuid: str = ""
    informatieobject: str = ""
    zaak: str = ""
    aard_relatie_weergave: str = ""
    titel: str = ""
    beschrijving: str = ""
    registratiedatum: datetime | None = None
    vernietigingsdatum: datetime | None = None
    status: str | None = None


class ZaakNotitie(Resource):
    """A note on a zaak (Zaken API ``zaaknotities``): intern for staff, extern also for the initiator."""

    onderwerp: str = ""
    tekst: str = ""
    aangemaakt_door: str = ""
    notitie_type: str | None = None
    status: str | None = None
    aanmaakdatum: datetime | None = None
    wijzigingsdatum: datetime | None = None
    gerelateerd_aan: str = ""


class AuditTrail(Resource):
    """One line of an audit trail: who (application and person) did what to which object, why."""

    uuid: str = ""
    bron: str = ""
    applicatie_id: str = ""
    applicatie_weergave: str = ""
    gebruikers_id: str = ""
    gebruikers_weergave: str = ""
    actie: str = ""
    actie_weergave: str = ""
    resultaat: int | None = None
    hoofd_object: str = ""
    resource: str = ""
    resource_url: str = ""
    toelichting: str = ""
    resource_weergave: str = ""
    aanmaakdatum: datetime | None = None
    wijzigingen: dict[str, Any] = Field(default_factory=dict)


# --- Documenten API and Besluiten API -----------------------------------------------------------


class EnkelvoudigInformatieObject(Resource):
    identificatie: str = ""
    bronorganisatie: str = ""
    creatiedatum: date | None = None
    titel: str = ""
    vertrouwelijkheidaanduiding: str = ""
    auteur: str = ""
    status: str = ""
    formaat: str = ""
    taal: str = ""
    versie: int | None = None
    begin_registratie: datetime | None = None
    bestandsnaam: str = ""
    inhoud: str | None = None
    bestandsomvang: int | None = None
    link: str = ""
    beschrijving: str = ""
    ontvangstdatum: date | None = None
    verzenddatum: date | None = None
    informatieobjecttype: str = ""
    locked: bool = False
    bestandsdelen: list[dict[str, Any]] = Field(default_factory=list)
    trefwoorden: list[str] = Field(default_factory=list)


class Besluit(Resource):
    identificatie: str = ""
    verantwoordelijke_organisatie: str = ""
    besluittype: str = ""
    zaak: str = ""
    datum: date | None = None
    toelichting: str = ""
    bestuursorgaan: str = ""
    ingangsdatum: date | None = None
    vervaldatum: date | None = None
    vervalreden: str = ""
    publicatiedatum: date | None = None
    verzenddatum: date | None = None
    uiterlijke_reactiedatum: date | None = None


class BesluitInformatieObject(Resource):
    informatieobject: str = ""
    besluit: str = ""


# --- Catalogi API -------------------------------------------------------------------------------


class CatalogusObject(Resource):
    """What every catalogue type has: its catalogus and its period of validity."""

    catalogus: str | None = None
    begin_geldigheid: date | None = None
    einde_geldigheid: date | None = None


class Catalogus(Resource):
    domein: str = ""
    rsin: str = ""
    naam: str | None = None
    contactpersoon_beheer_naam: str = ""
    zaaktypen: list[str] = Field(default_factory=list)
    besluittypen: list[str] = Field(default_factory=list)
    informatieobjecttypen: list[str] = Field(default_factory=list)


class ZaakType(CatalogusObject):
    identificatie: str = ""
    omschrijving: str = ""
    omschrijving_generiek: str = ""
    vertrouwelijkheidaanduiding: str = ""
    doel: str = ""
    aanleiding: str = ""
    indicatie_intern_of_extern: str = ""
    handeling_initiator: str = ""
    onderwerp: str = ""
    handeling_behandelaar: str = ""
    doorlooptijd: str = ""
    servicenorm: str | None = None
    opschorting_en_aanhouding_mogelijk: bool = False
    verlenging_mogelijk: bool = False
    verlengingstermijn: str | None = None
    publicatie_indicatie: bool = False
    producten_of_diensten: list[str] = Field(default_factory=list)
    selectielijst_procestype: str = ""
    verantwoordelijke: str = ""
    statustypen: list[str] = Field(default_factory=list)
    resultaattypen: list[str] = Field(default_factory=list)
    eigenschappen: list[str] = Field(default_factory=list)
    informatieobjecttypen: list[str] = Field(default_factory=list)
    roltypen: list[str] = Field(default_factory=list)
    besluittypen: list[str] = Field(default_factory=list)
    deelzaaktypen: list[str] = Field(default_factory=list)
    zaakobjecttypen: list[str] = Field(default_factory=list)
    versiedatum: date | None = None
    concept: bool = False


class StatusType(CatalogusObject):
    omschrijving: str = ""
    omschrijving_generiek: str = ""
    statustekst: str = ""
    zaaktype: str = ""
    volgnummer: int = 0
    is_eindstatus: bool = False
    informeren: bool = False
    doorlooptijd: str | None = None
    toelichting: str | None = None
    eigenschappen: list[str] = Field(default_factory=list)


class RolType(CatalogusObject):
    zaaktype: str = ""
    omschrijving: str = ""
    omschrijving_generiek: str = ""


class ResultaatType(CatalogusObject):
    zaaktype: str = ""
    omschrijving: str = ""
    resultaattypeomschrijving: str = ""
    omschrijving_generiek: str = ""
    selectielijstklasse: str = ""
    toelichting: str = ""
    archiefnominatie: str = ""
    archiefactietermijn: str | None = None
    brondatum_archiefprocedure: dict[str, Any] | None = None
    besluittypen: list[str] = Field(default_factory=list)
    informatieobjecttypen: list[str] = Field(default_factory=list)


class InformatieObjectType(CatalogusObject):
    omschrijving: str = ""
    vertrouwelijkheidaanduiding: str = ""
    informatieobjectcategorie: str = ""
    zaaktypen: list[str] = Field(default_factory=list)
    besluittypen: list[str] = Field(default_factory=list)
    concept: bool = False


class BesluitType(CatalogusObject):
    omschrijving: str = ""
    omschrijving_generiek: str = ""
    besluitcategorie: str = ""
    reactietermijn: str | None = None
    publicatie_indicatie: bool = False
    zaaktypen: list[str] = Field(default_factory=list)
    informatieobjecttypen: list[str] = Field(default_factory=list)
    resultaattypen: list[str] = Field(default_factory=list)
    concept: bool = False


class Eigenschap(CatalogusObject):
    naam: str = ""
    definitie: str = ""
    specificatie: dict[str, Any] | None = None
    toelichting: str = ""
    zaaktype: str = ""
    statustype: str | None = None


class ZaakTypeInformatieObjectType(CatalogusObject):
    zaaktype: str = ""
    informatieobjecttype: str = ""
    volgnummer: int = 0
    richting: str = ""
    statustype: str | None = None
