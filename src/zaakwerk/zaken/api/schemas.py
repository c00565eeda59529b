"""Request bodies of ``/zaken`` (Zaken API 1.7.0 ``Zaak``, ``ZaakZoek``, zaaknummer reservations)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from zaakwerk.api import url_fields
from zaakwerk.api.moments import DateTime
from zaakwerk.api.schemas import Duration, RequestSchema, Rsin
from zaakwerk.core.values import only
from zaakwerk.core.vertrouwelijkheid import VertrouwelijkheidAanduiding
from zaakwerk.zaken.models.choices import AardZaakRelatie, Archiefnominatie, Archiefstatus, Betalingsindicatie
from zaakwerk.zaken.services.inputs import Processobject, ZaakValues

Url = url_fields.Url1000
RequiredUrl = url_fields.RequiredUrl1000


class RelevanteZaakIn(RequestSchema):
    url: RequiredUrl
    aard_relatie: AardZaakRelatie


class KenmerkIn(RequestSchema):
    kenmerk: str = Field(min_length=1, max_length=40)
    bron: str = Field(min_length=1, max_length=40)


class OpschortingIn(RequestSchema):
    indicatie: bool
    reden: str = Field(max_length=200)


class VerlengingIn(RequestSchema):
    reden: str = Field(max_length=200)
    duur: Duration


class ProcessobjectIn(RequestSchema):
    datumkenmerk: str = Field(min_length=1, max_length=250)
    identificatie: str = Field(min_length=1, max_length=250)
    objecttype: str = Field(min_length=1, max_length=250)
    registratie: str = Field(min_length=1, max_length=250)

    def to_value(self) -> Processobject:
        return {
            "datumkenmerk": self.datumkenmerk,
            "identificatie": self.identificatie,
            "objecttype": self.objecttype,
            "registratie": self.registratie,
        }


class ZaakIn(RequestSchema):
    identificatie: str = Field("", max_length=40)
    bronorganisatie: Rsin
    omschrijving: str = Field("", max_length=80)
    toelichting: str = Field("", max_length=1000)
    zaaktype: RequiredUrl
    registratiedatum: date | None = None
    verantwoordelijke_organisatie: Rsin
    startdatum: date
    einddatum_gepland: date | None = None
    uiterlijke_einddatum_afdoening: date | None = None
    publicatiedatum: date | None = None
    communicatiekanaal: Url = ""
    producten_of_diensten: list[RequiredUrl] = Field(default_factory=list)
    vertrouwelijkheidaanduiding: VertrouwelijkheidAanduiding | None = None
    betalingsindicatie: Betalingsindicatie | Literal[""] = ""
    laatste_betaaldatum: DateTime | None = None
    zaakgeometrie: dict[str, Any] | None = None
    verlenging: VerlengingIn | None = None
    opschorting: OpschortingIn | None = None
    selectielijstklasse: Url = ""
    hoofdzaak: RequiredUrl | None = None
    relevante_andere_zaken: list[RelevanteZaakIn] = Field(default_factory=list)
    kenmerken: list[KenmerkIn] = Field(default_factory=list)
    archiefnominatie: Archiefnominatie | Literal[""] | None = None
    archiefstatus: Archiefstatus = Archiefstatus.nog_te_archiveren
    archiefactiedatum: date | None = None
    opdrachtgevende_organisatie: str = Field("", max_length=9)
    processobjectaard: str | None = Field(None, max_length=200)
    startdatum_bewaartermijn: date | None = None
    processobject: ProcessobjectIn | None = None

    def to_values(self, fields: set[str] | None = None) -> ZaakValues:
        """Service input: model field values for the fields given (all for POST/PUT)."""
        sent = fields if fields is not None else set(type(self).model_fields)
        values: ZaakValues = {
            "bronorganisatie": self.bronorganisatie,
            "omschrijving": self.omschrijving,
            "toelichting": self.toelichting,
            "zaaktype": self.zaaktype,
            "verantwoordelijke_organisatie": self.verantwoordelijke_organisatie,
            "startdatum": self.startdatum,
            "einddatum_gepland": self.einddatum_gepland,
            "uiterlijke_einddatum_afdoening": self.uiterlijke_einddatum_afdoening,
            "publicatiedatum": self.publicatiedatum,
            "communicatiekanaal": self.communicatiekanaal,
            "producten_of_diensten": self.producten_of_diensten,
            "betalingsindicatie": getattr(self.betalingsindicatie, "value", self.betalingsindicatie),
            "laatste_betaaldatum": self.laatste_betaaldatum,
            "zaakgeometrie": self.zaakgeometrie,
            "verlenging_reden": self.verlenging.reden if self.verlenging else "",
            "verlenging_duur": self.verlenging.duur if self.verlenging else None,
            "opschorting_indicatie": self.opschorting.indicatie if self.opschorting else False,
            "opschorting_reden": self.opschorting.reden if self.opschorting else "",
            "selectielijstklasse": self.selectielijstklasse,
            "hoofdzaak": self.hoofdzaak,
            "relevante_andere_zaken": [
                {"url": item.url, "aardRelatie": item.aard_relatie.value}
                for item in self.relevante_andere_zaken
            ],
            "kenmerken": [{"kenmerk": item.kenmerk, "bron": item.bron} for item in self.kenmerken],
            "archiefnominatie": self.archiefnominatie or "",
            "archiefstatus": self.archiefstatus.value,
            "archiefactiedatum": self.archiefactiedatum,
            "opdrachtgevende_organisatie": self.opdrachtgevende_organisatie,
            "processobjectaard": self.processobjectaard,
            "startdatum_bewaartermijn": self.startdatum_bewaartermijn,
            "processobject": self.processobject.to_value() if self.processobject else None,
        }
        # derived (zrc-009), today, or generated (zrc-002) on create; PUT without them keeps the
        # stored values
        if self.vertrouwelijkheidaanduiding is not None:
            values["vertrouwelijkheidaanduiding"] = self.vertrouwelijkheidaanduiding.value
        if self.registratiedatum is not None:
            values["registratiedatum"] = self.registratiedatum
        if self.identificatie:
            values["identificatie"] = self.identificatie
        # a nested group sent is stored as its columns
        names = sent | ({"verlenging_reden", "verlenging_duur"} if "verlenging" in sent else set())
        names |= {"opschorting_indicatie", "opschorting_reden"} if "opschorting" in sent else set()
        return only(values, names)


class ReserveringIn(RequestSchema):
    bronorganisatie: Rsin
    aantal: int = Field(1, ge=1)


class GeoWithinIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    within: dict[str, Any]
