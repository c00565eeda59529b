"""``/rollen``: list, create, read, delete (Zaken API 1.7.0)."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

import pydantic
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import AfterValidator, Field

from zaakwerk.api.errors import ApiValidationError
from zaakwerk.api.etag import detail_response
from zaakwerk.api.pagination import paginate
from zaakwerk.api.params import QuerySchema, filter_fields, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import RequestSchema, ZGWValueError, parse_body
from zaakwerk.zaken.access import access_zaak, may_access
from zaakwerk.zaken.api import expansion, spec_shapes
from zaakwerk.zaken.api.common import FORCED, READ, UPDATE, caller_with
from zaakwerk.zaken.api.filters import OmschrijvingGeneriek
from zaakwerk.zaken.api.schemas import RequiredUrl, Url
from zaakwerk.zaken.api.sub_common import find, render_with_expand, visible, zaak_from_url, zaak_lookup
from zaakwerk.zaken.models import Rol
from zaakwerk.zaken.models.choices import BetrokkeneType, IndicatieMachtiging
from zaakwerk.zaken.models.rol import IDENTIFICATIE_COLUMNS
from zaakwerk.zaken.services.inputs import ContactpersoonRol, RolValues
from zaakwerk.zaken.services.rollen import create_rol, delete_rol
from zaakwerk.zaken.subresource_representations import render_rollen

router = Router(tags=["rollen"])

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _email(value: str) -> str:
    if value and not _EMAIL.match(value):
        raise ZGWValueError("invalid", "Voer een geldig e-mailadres in.")
    return value


class ContactpersoonRolIn(RequestSchema):
    emailadres: Annotated[str, Field(max_length=254), AfterValidator(_email)] = ""
    functie: str = Field("", max_length=50)
    telefoonnummer: str = Field("", max_length=20)
    naam: str = Field(min_length=1, max_length=40)

    def to_value(self) -> ContactpersoonRol:
        return {
            "emailadres": self.emailadres,
            "functie": self.functie,
            "telefoonnummer": self.telefoonnummer,
            "naam": self.naam,
        }


class RolIn(RequestSchema):
    zaak: RequiredUrl
    betrokkene: Url = ""
    betrokkene_type: BetrokkeneType
    afwijkende_naam_betrokkene: str = Field("", max_length=625)
    roltype: RequiredUrl
    roltoelichting: str = Field(max_length=1000)
    indicatie_machtiging: IndicatieMachtiging | Literal[""] = ""
    contactpersoon_rol: ContactpersoonRolIn | None = None
    betrokkene_identificatie: dict[str, Any] | None = None

    def to_values(self) -> RolValues:
        return {
            "betrokkene": self.betrokkene,
            "betrokkene_type": self.betrokkene_type.value,
            "afwijkende_naam_betrokkene": self.afwijkende_naam_betrokkene,
            "roltype": self.roltype,
            "roltoelichting": self.roltoelichting,
            "indicatie_machtiging": getattr(self.indicatie_machtiging, "value", self.indicatie_machtiging),
            "contactpersoon_rol": self.contactpersoon_rol.to_value() if self.contactpersoon_rol else None,
            "betrokkene_identificatie": self.betrokkene_identificatie,
        }


_PREFIX = {
    "natuurlijk_persoon": "natuurlijkPersoon",
    "niet_natuurlijk_persoon": "nietNatuurlijkPersoon",
    "vestiging": "vestiging",
    "medewerker": "medewerker",
    "organisatorische_eenheid": "organisatorischeEenheid",
}
Text = Annotated[str, Field(max_length=1000)]
# query parameter → Rol lookup (the identificatie ones on their indexed columns)
FILTERS: dict[str, tuple[Any, str]] = {
    "zaak": (Text, ""),
    "betrokkene": (Text, "betrokkene"),
    "betrokkeneType": (BetrokkeneType, "betrokkene_type"),
    **{
        f"betrokkeneIdentificatie__{_PREFIX[kind]}__{key}": (Text, column)
        for (kind, key), column in IDENTIFICATIE_COLUMNS.items()
        if column != "kvk_nummer"  # not a filter of the OAS
    },
    "roltype": (Text, "roltype"),
    "omschrijving": (Text, "omschrijving"),
    "omschrijvingGeneriek": (OmschrijvingGeneriek, "omschrijving_generiek"),
}


class _RolQuery(QuerySchema):
    expand: Text | None = Field(None, alias="expand")


RolQuery = pydantic.create_model("RolQuery", __base__=_RolQuery, **filter_fields(FILTERS))


class DetailQuery(QuerySchema):
    expand: str | None = Field(None, max_length=1000)


def _filtered(rows: QuerySet[Rol], values: dict[str, Any]) -> QuerySet[Rol]:
    lookups: dict[str, Any] = zaak_lookup(values.get("zaak"))
    for param, (_, column) in FILTERS.items():
        value = values.get(param)
        if value is not None and column:
            lookups[column] = getattr(value, "value", value)
    return rows.filter(**lookups)


@router.get("/rollen")
def list_rollen(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, READ)
    values: dict[str, Any] = parse_query(request, RolQuery).model_dump(by_alias=True)
    rows = _filtered(visible(caller, Rol.objects.all(), READ), values).order_by("id")
    result = paginate(request, rows, render_rollen)
    expansion.expand(caller, result["results"], values.get("expand"))
    return json_response(result)


def _identificatie_errors(body: RolIn) -> None:
    if body.betrokkene_identificatie is None:
        return
    schema = spec_shapes.variant_schema("Rol", body.betrokkene_type.value, "betrokkeneIdentificatie")
    errors = spec_shapes.validate(schema or {}, body.betrokkene_identificatie, "betrokkeneIdentificatie")
    if errors:
        raise ApiValidationError(errors)


@router.post("/rollen")
def create(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, UPDATE, FORCED)
    body = parse_body(request, RolIn)
    _identificatie_errors(body)
    zaak = zaak_from_url(caller, body.zaak, scope=(UPDATE, FORCED))
    rol = create_rol(
        zaak, body.to_values(), caller.actor(request), geforceerd=may_access(caller, zaak, FORCED)
    )
    data = render_rollen([rol])[0]
    return json_response(data, status=201, headers={"Location": data["url"]})


@router.api_operation(["GET", "HEAD"], "/rollen/{uuid}")
def read(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, DetailQuery)
    rol = find(Rol.objects.select_related("zaak"), uuid)
    access_zaak(caller, rol.zaak.uuid, scope=READ)
    data = render_with_expand(caller, [rol], render_rollen, query.expand)[0]
    return detail_response(request, data)


@router.delete("/rollen/{uuid}")
def delete(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, UPDATE, FORCED)
    rol = find(Rol.objects.select_related("zaak"), uuid)
    zaak = access_zaak(caller, rol.zaak.uuid, scope=(UPDATE, FORCED))
    delete_rol(rol, caller.actor(request), geforceerd=may_access(caller, zaak, FORCED))
    return HttpResponse(status=204)
