"""``/zaaktypen``: list, create, read, update, delete, publish (Catalogi 1.3.3)."""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any

from django.db import connection
from django.db.models import QuerySet
from pydantic import AfterValidator, BaseModel, Field

from zaakwerk.api.params import csv_list
from zaakwerk.api.schemas import Duration, RequestSchema, valid_rsin
from zaakwerk.catalogi.api.common import TypeIn, sent_keys
from zaakwerk.catalogi.api.main_type_endpoints import MainTypeApi, build_router
from zaakwerk.catalogi.api.versioned import VersionQuery
from zaakwerk.catalogi.models import ZaakType
from zaakwerk.catalogi.models.choices import AardRelatie, IndicatieInternOfExtern
from zaakwerk.catalogi.representations import render_zaaktypen
from zaakwerk.catalogi.services.inputs import GerelateerdZaaktype, ZaakTypeValues
from zaakwerk.catalogi.services.zaaktypen import (
    create_zaaktype,
    delete_zaaktype,
    publish_zaaktype,
    update_zaaktype,
)
from zaakwerk.core.values import only
from zaakwerk.core.vertrouwelijkheid import VertrouwelijkheidAanduiding


class ReferentieProcesIn(BaseModel):
    naam: str = Field(max_length=80, min_length=1)
    link: str = Field("", max_length=200)


class BronCatalogusIn(BaseModel):
    url: str = Field(max_length=200)
    domein: str = Field(max_length=5)
    rsin: Annotated[str, Field(max_length=9), AfterValidator(valid_rsin)]


class BronZaaktypeIn(BaseModel):
    url: str = Field(max_length=200)
    identificatie: str = Field(max_length=50)
    omschrijving: str = Field(max_length=80)


class ZaakTypenRelatieIn(RequestSchema):
    zaaktype: str = Field(min_length=1, max_length=200)
    aard_relatie: AardRelatie
    toelichting: str = Field("", max_length=255)

    def to_value(self) -> GerelateerdZaaktype:
        return {"zaaktype": self.zaaktype, "aard_relatie": self.aard_relatie, "toelichting": self.toelichting}


class ZaakTypeIn(TypeIn):
    identificatie: str = Field(max_length=50, min_length=1)
    omschrijving: str = Field(max_length=80, min_length=1)
    omschrijving_generiek: str = Field("", max_length=80)
    vertrouwelijkheidaanduiding: VertrouwelijkheidAanduiding
    doel: str = Field(min_length=1)
    aanleiding: str = Field(min_length=1)
    toelichting: str = ""
    indicatie_intern_of_extern: IndicatieInternOfExtern
    handeling_initiator: str = Field(max_length=20, min_length=1)
    onderwerp: str = Field(max_length=80, min_length=1)
    handeling_behandelaar: str = Field(max_length=20, min_length=1)
    doorlooptijd: Duration
    servicenorm: Duration | None = None
    opschorting_en_aanhouding_mogelijk: bool
    verlenging_mogelijk: bool
    verlengingstermijn: Duration | None = None
    trefwoorden: list[str] = Field(default_factory=list)
    publicatie_indicatie: bool
    publicatietekst: str = ""
    verantwoordingsrelatie: list[str] = Field(default_factory=list)
    producten_of_diensten: list[str] = Field(default_factory=list)
    selectielijst_procestype: str = Field("", max_length=200)
    referentieproces: ReferentieProcesIn
    verantwoordelijke: str = Field(max_length=50, min_length=1)
    broncatalogus: BronCatalogusIn | None = None
    bronzaaktype: BronZaaktypeIn | None = None
    catalogus: str = Field(min_length=1, max_length=1000)
    # besluittypen: omschrijvingen (1.3.x) or URLs of besluittype versions (as Open Zaak)
    besluittypen: list[str]
    # deelzaaktypen: identificaties (1.3.x) or URLs of zaaktype versions
    deelzaaktypen: list[str] = Field(default_factory=list)
    gerelateerde_zaaktypen: list[ZaakTypenRelatieIn]
    begin_geldigheid: date
    einde_geldigheid: date | None = None
    versiedatum: date | None = None

    def to_values(self, fields: set[str] | None = None) -> ZaakTypeValues:
        """Service input: column values by model field name, relations as given."""
        broncatalogus, bronzaaktype = self.broncatalogus, self.bronzaaktype
        values: ZaakTypeValues = {
            "identificatie": self.identificatie,
            "omschrijving": self.omschrijving,
            "omschrijving_generiek": self.omschrijving_generiek or "",
            "vertrouwelijkheidaanduiding": self.vertrouwelijkheidaanduiding,
            "doel": self.doel,
            "aanleiding": self.aanleiding,
            "toelichting": self.toelichting or "",
            "indicatie_intern_of_extern": self.indicatie_intern_of_extern,
            "handeling_initiator": self.handeling_initiator,
            "onderwerp": self.onderwerp,
            "handeling_behandelaar": self.handeling_behandelaar,
            "doorlooptijd": self.doorlooptijd,
            "servicenorm": self.servicenorm,
            "opschorting_en_aanhouding_mogelijk": self.opschorting_en_aanhouding_mogelijk,
            "verlenging_mogelijk": self.verlenging_mogelijk,
            "verlengingstermijn": self.verlengingstermijn,
            "trefwoorden": list(self.trefwoorden or []),
            "publicatie_indicatie": self.publicatie_indicatie,
            "publicatietekst": self.publicatietekst or "",
            "verantwoordingsrelatie": list(self.verantwoordingsrelatie or []),
            "producten_of_diensten": list(self.producten_of_diensten or []),
            "selectielijst_procestype": self.selectielijst_procestype or "",
            "verantwoordelijke": self.verantwoordelijke,
            "broncatalogus_url": broncatalogus.url if broncatalogus is not None else "",
            "broncatalogus_domein": broncatalogus.domein if broncatalogus is not None else "",
            "broncatalogus_rsin": broncatalogus.rsin if broncatalogus is not None else "",
            "bronzaaktype_url": bronzaaktype.url if bronzaaktype is not None else "",
            "bronzaaktype_identificatie": bronzaaktype.identificatie if bronzaaktype is not None else "",
            "bronzaaktype_omschrijving": bronzaaktype.omschrijving if bronzaaktype is not None else "",
            "catalogus": self.catalogus,
            "besluittypen": list(self.besluittypen or []),
            "deelzaaktypen": list(self.deelzaaktypen or []),
            "gerelateerde_zaaktypen": [item.to_value() for item in self.gerelateerde_zaaktypen or []],
            "begin_geldigheid": self.begin_geldigheid,
            "einde_geldigheid": self.einde_geldigheid,
            "versiedatum": self.versiedatum,
        }
        referentieproces = self.referentieproces
        if referentieproces is not None:  # left out of a PATCH
            values["referentieproces_naam"] = referentieproces.naam
            values["referentieproces_link"] = referentieproces.link or ""
        return only(values, sent_keys(fields, GROUPS)) if fields is not None else values


# request group → the columns it is stored in
GROUPS = {
    "referentieproces": ("referentieproces_naam", "referentieproces_link"),
    "broncatalogus": ("broncatalogus_url", "broncatalogus_domein", "broncatalogus_rsin"),
    "bronzaaktype": ("bronzaaktype_url", "bronzaaktype_identificatie", "bronzaaktype_omschrijving"),
}


class ZaakTypeQuery(VersionQuery):
    identificatie: str | None = None
    trefwoorden: str | None = None


def _filter(rows: QuerySet[Any], query: ZaakTypeQuery) -> QuerySet[Any]:
    """``identificatie`` and ``trefwoorden`` (each trefwoord given is one of the zaaktype's)."""
    if query.identificatie is not None:
        rows = rows.filter(identificatie=query.identificatie)
    for trefwoord in csv_list(query.trefwoorden):
        if connection.vendor == "postgresql":
            rows = rows.filter(trefwoorden__contains=[trefwoord])
        else:
            rows = rows.filter(trefwoorden__icontains=json.dumps(trefwoord))
    return rows


router = build_router(
    MainTypeApi(
        collection="zaaktypen",
        model=ZaakType,
        schema=ZaakTypeIn,
        query=ZaakTypeQuery,
        filter=_filter,
        render=render_zaaktypen,
        create=create_zaaktype,
        update=update_zaaktype,
        delete=delete_zaaktype,
        publish=publish_zaaktype,
    )
)
