"""``/verzendingen``: list (paginated), create, read, update, delete (Documenten API 1.7.0, RULES.md 4.6).

The standard's OAS declares no scopes here; this register applies the Documenten scopes of the
document the verzending belongs to, so a verzending is visible exactly when its document is.
"""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import Field

from zaakwerk.api.etag import detail_response
from zaakwerk.api.pagination import paginate
from zaakwerk.api.params import NoQuery, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import RequestSchema, parse_body, parse_partial
from zaakwerk.core.values import only
from zaakwerk.documenten.api.common import CREATE, DELETE, READ, UPDATE, caller_with
from zaakwerk.documenten.api.relations import (
    ExpandQuery,
    expanded,
    filter_informatieobject,
    informatieobject_for,
    row_for,
    visible,
)
from zaakwerk.documenten.api.schemas import RequiredUrl
from zaakwerk.documenten.models import Verzending
from zaakwerk.documenten.models.choices import AardRelatie, PostadresType
from zaakwerk.documenten.representations_relations import render_verzending
from zaakwerk.documenten.services.inputs import (
    BinnenlandsAdres,
    BuitenlandsAdres,
    Postadres,
    VerzendingValues,
)
from zaakwerk.documenten.services.verzendingen import create_verzending, delete_verzending, update_verzending

router = Router(tags=["verzendingen"])
PATH = "/verzendingen/{uuid}"


class ListQuery(ExpandQuery):
    aard_relatie: AardRelatie | None = Field(None, alias="aardRelatie")
    informatieobject: str | None = Field(None, max_length=1000)
    betrokkene: str | None = Field(None, max_length=1000)


class BinnenlandsAdresIn(RequestSchema):
    huisletter: str = Field("", max_length=1)
    huisnummer: int = Field(ge=1, le=99999)
    huisnummer_toevoeging: str = Field("", max_length=4)
    naam_openbare_ruimte: str = Field(min_length=1, max_length=80)
    postcode: str = Field("", max_length=6)
    woonplaatsnaam: str = Field(min_length=1, max_length=80)

    def to_value(self) -> BinnenlandsAdres:
        return {
            "huisletter": self.huisletter,
            "huisnummer": self.huisnummer,
            "huisnummerToevoeging": self.huisnummer_toevoeging,
            "naamOpenbareRuimte": self.naam_openbare_ruimte,
            "postcode": self.postcode,
            "woonplaatsnaam": self.woonplaatsnaam,
        }


class BuitenlandsAdresIn(RequestSchema):
    adres_buitenland1: str = Field(min_length=1, max_length=35, alias="adresBuitenland1")
    adres_buitenland2: str = Field("", max_length=35, alias="adresBuitenland2")
    adres_buitenland3: str = Field("", max_length=35, alias="adresBuitenland3")
    land_postadres: RequiredUrl

    def to_value(self) -> BuitenlandsAdres:
        return {
            "adresBuitenland1": self.adres_buitenland1,
            "adresBuitenland2": self.adres_buitenland2,
            "adresBuitenland3": self.adres_buitenland3,
            "landPostadres": self.land_postadres,
        }


class PostadresIn(RequestSchema):
    post_bus_of_antwoordnummer: int = Field(ge=1, le=9999)
    postadres_postcode: str = Field(min_length=1, max_length=6)
    postadres_type: PostadresType
    woonplaatsnaam: str = Field(min_length=1, max_length=80)

    def to_value(self) -> Postadres:
        return {
            "postBusOfAntwoordnummer": self.post_bus_of_antwoordnummer,
            "postadresPostcode": self.postadres_postcode,
            "postadresType": _text(self.postadres_type),
            "woonplaatsnaam": self.woonplaatsnaam,
        }


class VerzendingIn(RequestSchema):
    """``VerzendingRequest``."""

    betrokkene: RequiredUrl
    informatieobject: str = Field(min_length=1, max_length=1000)
    aard_relatie: AardRelatie
    toelichting: str = Field("", max_length=200)
    ontvangstdatum: date | None = None
    verzenddatum: date | None = None
    contact_persoon: str = Field(min_length=1, max_length=1000)
    contactpersoonnaam: str = Field("", max_length=40)
    binnenlands_correspondentieadres: BinnenlandsAdresIn | None = None
    buitenlands_correspondentieadres: BuitenlandsAdresIn | None = None
    correspondentie_postadres: PostadresIn | None = None
    faxnummer: str | None = Field(None, max_length=15)
    emailadres: str | None = Field(None, max_length=100)
    mijn_overheid: bool = False
    telefoonnummer: str | None = Field(None, max_length=15)

    def to_values(self, fields: set[str] | None = None) -> VerzendingValues:
        """Model field values (all, or only ``fields`` for PATCH), the document apart; addresses
        in the standard's shape."""
        values: VerzendingValues = {
            "betrokkene": self.betrokkene,
            "aard_relatie": _text(self.aard_relatie),
            "toelichting": self.toelichting,
            "ontvangstdatum": self.ontvangstdatum,
            "verzenddatum": self.verzenddatum,
            "contact_persoon": self.contact_persoon,
            "contactpersoonnaam": self.contactpersoonnaam,
            "binnenlands_correspondentieadres": (
                self.binnenlands_correspondentieadres.to_value()
                if self.binnenlands_correspondentieadres is not None
                else None
            ),
            "buitenlands_correspondentieadres": (
                self.buitenlands_correspondentieadres.to_value()
                if self.buitenlands_correspondentieadres is not None
                else None
            ),
            "correspondentie_postadres": (
                self.correspondentie_postadres.to_value()
                if self.correspondentie_postadres is not None
                else None
            ),
            "faxnummer": self.faxnummer,
            "emailadres": self.emailadres,
            "mijn_overheid": self.mijn_overheid,
            "telefoonnummer": self.telefoonnummer,
        }
        return only(values, fields) if fields is not None else values


def _text(value: str) -> str:
    """A choice as the plain text stored."""
    return str(getattr(value, "value", value))


@router.get("/verzendingen")
def list_verzendingen(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, ListQuery)
    rows = visible(Verzending.objects.select_related("informatieobject"), caller, READ)
    rows = filter_informatieobject(rows, query.informatieobject)
    if query.aard_relatie is not None:
        rows = rows.filter(aard_relatie=query.aard_relatie)
    if query.betrokkene is not None:
        rows = rows.filter(betrokkene=query.betrokkene)
    page = paginate(request, rows.order_by("id"), lambda page: [render_verzending(v) for v in page])
    expanded(caller, page["results"], query.expand)
    return json_response(page)


@router.post("/verzendingen")
def create(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, CREATE)
    parse_query(request, NoQuery)
    body = parse_body(request, VerzendingIn)
    eio = informatieobject_for(caller, body.informatieobject, CREATE)
    verzending = create_verzending(eio, body.to_values(), caller.actor(request))
    data = render_verzending(verzending)
    return json_response(data, status=201, headers={"Location": data["url"]})


@router.api_operation(["GET", "HEAD"], PATH)
def read(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, ExpandQuery)
    verzending = row_for(Verzending.objects.all(), caller, uuid, READ)
    return detail_response(request, expanded(caller, render_verzending(verzending), query.expand))


@router.api_operation(["PUT", "PATCH"], PATH)
def update(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, UPDATE)
    parse_query(request, NoQuery)
    verzending = row_for(Verzending.objects.all(), caller, uuid, UPDATE)
    if request.method == "PUT":
        body = parse_body(request, VerzendingIn)
        sent = set(type(body).model_fields)
    else:
        body, sent = parse_partial(request, VerzendingIn)
    eio = informatieobject_for(caller, body.informatieobject, UPDATE) if "informatieobject" in sent else None
    verzending = update_verzending(
        verzending, eio, body.to_values(sent), caller.actor(request), partial=request.method == "PATCH"
    )
    return json_response(render_verzending(verzending))


@router.delete(PATH)
def delete(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, DELETE)
    parse_query(request, NoQuery)
    verzending = row_for(Verzending.objects.all(), caller, uuid, DELETE)
    delete_verzending(verzending, caller.actor(request))
    return HttpResponse(status=204)
