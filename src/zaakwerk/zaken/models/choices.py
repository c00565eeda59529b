"""Enumerations of the Zaken API 1.7.0."""

from __future__ import annotations

from django.db import models


class Betalingsindicatie(models.TextChoices):
    nvt = "nvt", "Er is geen sprake van te betalen, met de zaak gemoeide, kosten."
    nog_niet = "nog_niet", "De met de zaak gemoeide kosten zijn (nog) niet betaald."
    gedeeltelijk = "gedeeltelijk", "De met de zaak gemoeide kosten zijn gedeeltelijk betaald."
    geheel = "geheel", "De met de zaak gemoeide kosten zijn geheel betaald."


class Archiefnominatie(models.TextChoices):
    blijvend_bewaren = "blijvend_bewaren", "Het zaakdossier moet bewaard blijven."
    vernietigen = "vernietigen", "Het zaakdossier moet op termijn vernietigd worden."


class Archiefstatus(models.TextChoices):
    nog_te_archiveren = "nog_te_archiveren", "Nog te archiveren"
    gearchiveerd = "gearchiveerd", "Gearchiveerd"
    gearchiveerd_procestermijn_onbekend = (
        "gearchiveerd_procestermijn_onbekend",
        "Gearchiveerd (procestermijn onbekend)",
    )
    overgedragen = "overgedragen", "Overgedragen"


class AardZaakRelatie(models.TextChoices):
    vervolg = "vervolg", "Vervolg"
    onderwerp = "onderwerp", "Onderwerp"
    bijdrage = "bijdrage", "Bijdrage"


class BetrokkeneType(models.TextChoices):
    natuurlijk_persoon = "natuurlijk_persoon", "Natuurlijk persoon"
    niet_natuurlijk_persoon = "niet_natuurlijk_persoon", "Niet-natuurlijk persoon"
    vestiging = "vestiging", "Vestiging"
    organisatorische_eenheid = "organisatorische_eenheid", "Organisatorische eenheid"
    medewerker = "medewerker", "Medewerker"


class IndicatieMachtiging(models.TextChoices):
    gemachtigde = "gemachtigde", "Gemachtigde"
    machtiginggever = "machtiginggever", "Machtiginggever"


class ObjectType(models.TextChoices):
    adres = "adres", "Adres"
    besluit = "besluit", "Besluit"
    buurt = "buurt", "Buurt"
    enkelvoudig_document = "enkelvoudig_document", "Enkelvoudig document"
    gemeente = "gemeente", "Gemeente"
    gemeentelijke_openbare_ruimte = "gemeentelijke_openbare_ruimte", "Gemeentelijke openbare ruimte"
    huishouden = "huishouden", "Huishouden"
    inrichtingselement = "inrichtingselement", "Inrichtingselement"
    kadastrale_onroerende_zaak = "kadastrale_onroerende_zaak", "Kadastrale onroerende zaak"
    kunstwerkdeel = "kunstwerkdeel", "Kunstwerkdeel"
    maatschappelijke_activiteit = "maatschappelijke_activiteit", "Maatschappelijke activiteit"
    medewerker = "medewerker", "Medewerker"
    natuurlijk_persoon = "natuurlijk_persoon", "Natuurlijk persoon"
    niet_natuurlijk_persoon = "niet_natuurlijk_persoon", "Niet-natuurlijk persoon"
    openbare_ruimte = "openbare_ruimte", "Openbare ruimte"
    organisatorische_eenheid = "organisatorische_eenheid", "Organisatorische eenheid"
    pand = "pand", "Pand"
    spoorbaandeel = "spoorbaandeel", "Spoorbaandeel"
    status = "status", "Status"
    terreindeel = "terreindeel", "Terreindeel"
    terrein_gebouwd_object = "terrein_gebouwd_object", "Terrein gebouwd object"
    vestiging = "vestiging", "Vestiging"
    waterdeel = "waterdeel", "Waterdeel"
    wegdeel = "wegdeel", "Wegdeel"
    wijk = "wijk", "Wijk"
    woonplaats = "woonplaats", "Woonplaats"
    woz_deelobject = "woz_deelobject", "WOZ-deelobject"
    woz_object = "woz_object", "WOZ-object"
    woz_waarde = "woz_waarde", "WOZ-waarde"
    zakelijk_recht = "zakelijk_recht", "Zakelijk recht"
    overige = "overige", "Overige"


class AardRelatieInformatieObject(models.TextChoices):
    hoort_bij = "hoort_bij", "Hoort bij, omgekeerd: kent"
    legt_vast = "legt_vast", "Legt vast, omgekeerd: kan vastgelegd zijn als"


class NotitieType(models.TextChoices):
    intern = "intern", "Intern"
    extern = "extern", "Extern"


class NotitieStatus(models.TextChoices):
    concept = "concept", "Concept"
    definitief = "definitief", "Definitief"
