"""Request bodies of ``/zaken`` (Zaken API 1.7.0 ``Zaak``, ``ZaakZoek``, zaaknummer reservations)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from zaakwerk.api import url_fields
from zaakwerk.api.moments import DateTime
from zaakwerk.api.schemas import Duration, RequestSchema, Rsin
from zaakwerk.core.vertrouwelijkheid import VertrouwelijkheidAanduiding
from zaakwerk.zaken.models.choices import AardZaakRelatie, Archiefnominatie, Archiefstatus, Betalingsindicatie

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

    def to_values(self, fields: set[str] | None = None) -> dict[str, Any]:
        """Service input: model field values for the fields given (all for POST/PUT)."""
        sent = fields if fields is not None else set(type(self).model_fields)
        values: dict[str, Any] = {}
        for name in sent:
            value = getattr(self, name)
            if name == "verlenging":
                values["verlenging_reden"] = value.reden if value else ""
                values["verlenging_duur"] = value.duur if value else None
            elif name == "opschorting":
                values["opschorting_indicatie"] = value.indicatie if value else False
                values["opschorting_reden"] = value.reden if value else ""
            elif name in ("relevante_andere_zaken", "kenmerken"):
                values[name] = [item.model_dump(by_alias=True, mode="json") for item in value]
            elif name == "processobject":
                values[name] = value.model_dump(mode="json") if value else None
            elif name == "archiefnominatie":
                values[name] = value or ""
            elif name in ("vertrouwelijkheidaanduiding", "registratiedatum") and value is None:
                continue  # derived (zrc-009) or today; PUT without it keeps the stored value
            elif name == "identificatie" and not value:
                continue  # generated on create (zrc-002); PUT without it keeps the stored one
            else:
                values[name] = getattr(value, "value", value)
        return values


class ReserveringIn(RequestSchema):
    bronorganisatie: Rsin
    aantal: int = Field(1, ge=1)


class GeoWithinIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    within: dict[str, Any]
