"""Request bodies of ``/enkelvoudiginformatieobjecten`` (Documenten API 1.7.0)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal
from uuid import UUID

from pydantic import Field, model_validator

from zaakwerk.api import url_fields
from zaakwerk.api.schemas import RequestSchema, Rsin, ZGWValueError
from zaakwerk.core.values import only
from zaakwerk.core.vertrouwelijkheid import VertrouwelijkheidAanduiding
from zaakwerk.documenten.models.choices import Algoritme, Ondertekeningsoort, Status
from zaakwerk.documenten.services.inputs import InformatieObjectValues, Integriteit, Ondertekening

Url = url_fields.Url200
RequiredUrl = url_fields.RequiredUrl200


def _text(value: str) -> str:
    """A choice as the plain text stored (``""`` for none)."""
    return str(getattr(value, "value", value))


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


class _Groep(RequestSchema):
    """A gegevensgroep whose fields the spec all requires: an empty group means "none", a partly
    filled one is refused."""

    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in type(self).model_fields)

    @model_validator(mode="after")
    def _all_or_nothing(self) -> _Groep:
        if not self.is_empty() and not all(getattr(self, name) for name in type(self).model_fields):
            names = ", ".join(type(self).model_fields)
            raise ZGWValueError("required", f"Geef alle velden van de groep ({names}) of geen.")
        return self


class OndertekeningIn(_Groep):
    soort: Ondertekeningsoort | Literal[""] = ""
    datum: date | None = None

    def to_value(self) -> Ondertekening | None:
        """As stored; None for the empty group."""
        if self.is_empty():
            return None
        return {"soort": _text(self.soort), "datum": _iso(self.datum)}


class IntegriteitIn(_Groep):
    algoritme: Algoritme | Literal[""] = ""
    waarde: str = Field("", max_length=128)
    datum: date | None = None

    def to_value(self) -> Integriteit | None:
        """As stored; None for the empty group."""
        if self.is_empty():
            return None
        return {"algoritme": _text(self.algoritme), "waarde": self.waarde, "datum": _iso(self.datum)}


class InformatieObjectIn(RequestSchema):
    """``EnkelvoudigInformatieObjectCreateLockRequest``; PUT adds the required ``lock``."""

    identificatie: str = Field("", max_length=40)
    bronorganisatie: Rsin
    creatiedatum: date
    titel: str = Field(min_length=1, max_length=200)
    vertrouwelijkheidaanduiding: VertrouwelijkheidAanduiding | Literal[""] = ""
    is_gereed_voor_publicatie: bool | None = None
    tonen_aan_initiator: bool = False
    auteur: str = Field(min_length=1, max_length=200)
    status: Status | Literal[""] = ""
    inhoud_is_vervallen: bool | None = None
    formaat: str = Field("", max_length=255)
    taal: str = Field(min_length=3, max_length=3)
    bestandsnaam: str = Field("", max_length=255)
    inhoud: str | None = None
    bestandsomvang: int | None = Field(None, ge=0, le=2**63 - 1)
    link: Url = ""
    beschrijving: str = Field("", max_length=1000)
    ontvangstdatum: date | None = None
    verzenddatum: date | None = None
    indicatie_gebruiksrecht: bool | None = None
    verschijningsvorm: str = ""
    ondertekening: OndertekeningIn | None = None
    integriteit: IntegriteitIn | None = None
    informatieobjecttype: RequiredUrl
    trefwoorden: list[Annotated[str, Field(max_length=100)]] = Field(default_factory=list)

    def to_values(self, fields: set[str] | None = None) -> InformatieObjectValues:
        """Version field values (all, or only ``fields`` for PATCH); ``inhoud`` and ``lock`` apart."""
        values: InformatieObjectValues = {
            "identificatie": self.identificatie,
            "bronorganisatie": self.bronorganisatie,
            "creatiedatum": self.creatiedatum,
            "titel": self.titel,
            "vertrouwelijkheidaanduiding": _text(self.vertrouwelijkheidaanduiding),
            "is_gereed_voor_publicatie": self.is_gereed_voor_publicatie,
            "tonen_aan_initiator": self.tonen_aan_initiator,
            "auteur": self.auteur,
            "status": _text(self.status),
            "inhoud_is_vervallen": self.inhoud_is_vervallen,
            "formaat": self.formaat,
            "taal": self.taal,
            "bestandsnaam": self.bestandsnaam,
            "bestandsomvang": self.bestandsomvang,
            "link": self.link,
            "beschrijving": self.beschrijving,
            "ontvangstdatum": self.ontvangstdatum,
            "verzenddatum": self.verzenddatum,
            "indicatie_gebruiksrecht": self.indicatie_gebruiksrecht,
            "verschijningsvorm": self.verschijningsvorm,
            "ondertekening": self.ondertekening.to_value() if self.ondertekening is not None else None,
            "integriteit": self.integriteit.to_value() if self.integriteit is not None else None,
            "informatieobjecttype": self.informatieobjecttype,
            "trefwoorden": self.trefwoorden,
        }
        return only(values, fields) if fields is not None else values


class InformatieObjectWithLockIn(InformatieObjectIn):
    """``EnkelvoudigInformatieObjectWithLockRequest``: PUT (and, all optional, PATCH)."""

    lock: str = Field(min_length=1, max_length=100)


class UnlockIn(RequestSchema):
    lock: str = Field("", max_length=100)


class ZoekIn(RequestSchema):
    uuid__in: list[UUID] = Field(alias="uuid__in")
    identificatie: str | None = Field(None, max_length=40)
    bronorganisatie: str | None = Field(None, max_length=9)
    expand: str | None = Field(None, max_length=1000)
