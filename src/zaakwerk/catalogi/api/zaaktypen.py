"""``/zaaktypen``: list, create, read, update, delete, publish (Catalogi 1.3.3)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import connection
from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import BaseModel, Field

from zaakwerk.api import expand
from zaakwerk.api.etag import detail_response
from zaakwerk.api.pagination import paginate
from zaakwerk.api.params import csv_list, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import Duration, RequestSchema, parse_body, parse_partial
from zaakwerk.catalogi.api.common import (
    DELETE_OR_FORCED,
    READ_ZAAKTYPE,
    WRITE,
    WRITE_OR_FORCED,
    caller_with,
    get_by_uuid,
)
from zaakwerk.catalogi.api.versioned import (
    DetailQuery,
    VersionQuery,
    day_of,
    filter_versions,
    is_correctie,
    may_force_delete,
)
from zaakwerk.catalogi.models import ZaakType
from zaakwerk.catalogi.models.choices import AardRelatie, IndicatieInternOfExtern
from zaakwerk.catalogi.representations import render_zaaktypen
from zaakwerk.catalogi.services.zaaktypen import (
    create_zaaktype,
    delete_zaaktype,
    publish_zaaktype,
    update_zaaktype,
)
from zaakwerk.core.vertrouwelijkheid import VertrouwelijkheidAanduiding

router = Router(tags=["zaaktypen"])


class ReferentieProcesIn(BaseModel):
    naam: str = Field(max_length=80, min_length=1)
    link: str = Field("", max_length=200)


class BronCatalogusIn(BaseModel):
    url: str = Field(max_length=200)
    domein: str = Field(max_length=5)
    rsin: str = Field(max_length=9)


class BronZaaktypeIn(BaseModel):
    url: str = Field(max_length=200)
    identificatie: str = Field(max_length=50)
    omschrijving: str = Field(max_length=80)


class ZaakTypenRelatieIn(RequestSchema):
    zaaktype: str = Field(min_length=1, max_length=200)
    aard_relatie: AardRelatie
    toelichting: str = Field("", max_length=255)


class ZaakTypeIn(RequestSchema):
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

    def to_values(self, fields: set[str] | None = None) -> dict[str, Any]:
        """Service input: column values by model field name, relations as given."""
        sent = fields if fields is not None else set(type(self).model_fields)
        values: dict[str, Any] = {}
        for name in sent:
            value = getattr(self, name)
            if name == "referentieproces":
                values["referentieproces_naam"] = value.naam
                values["referentieproces_link"] = value.link or ""
            elif name in ("broncatalogus", "bronzaaktype"):
                parts = (
                    ("url", "domein", "rsin")
                    if name == "broncatalogus"
                    else ("url", "identificatie", "omschrijving")
                )
                for part in parts:
                    values[f"{name}_{part}"] = getattr(value, part) if value is not None else ""
            elif name == "gerelateerde_zaaktypen":
                values[name] = [item.model_dump() for item in value]
            elif name in (
                "omschrijving_generiek",
                "toelichting",
                "publicatietekst",
                "selectielijst_procestype",
            ):
                values[name] = value or ""
            elif name in (
                "trefwoorden",
                "verantwoordingsrelatie",
                "producten_of_diensten",
                "besluittypen",
                "deelzaaktypen",
            ):
                values[name] = list(value or [])
            else:
                values[name] = value
        return values


class ZaakTypeQuery(VersionQuery):
    identificatie: str | None = None
    trefwoorden: str | None = None


def _render(rows: Any, day: date | None = None) -> list[dict[str, Any]]:
    return render_zaaktypen(rows, day)


@router.get("/zaaktypen")
def list_zaaktypen(request: HttpRequest) -> HttpResponse:
    caller_with(request, *READ_ZAAKTYPE)
    query = parse_query(request, ZaakTypeQuery)
    rows = filter_versions(ZaakType.objects.order_by("id"), query)
    if query.identificatie is not None:
        rows = rows.filter(identificatie=query.identificatie)
    for trefwoord in csv_list(query.trefwoorden):
        # every trefwoord given must be one of the zaaktype's trefwoorden
        if connection.vendor == "postgresql":
            rows = rows.filter(trefwoorden__contains=[trefwoord])
        else:
            rows = rows.filter(trefwoorden__icontains=_json_string(trefwoord))
    day = day_of(query)
    page = paginate(request, rows, lambda batch: _render(batch, day))
    expand.apply(page["results"], query.expand)
    return json_response(page)


def _json_string(value: str) -> str:
    import json

    return json.dumps(value)


@router.post("/zaaktypen")
def create(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, *WRITE)
    body = parse_body(request, ZaakTypeIn)
    zaaktype = create_zaaktype(body.to_values(), caller.actor(request))
    data = _render([zaaktype])[0]
    return json_response(data, status=201, headers={"Location": data["url"]})


@router.api_operation(["GET", "HEAD"], "/zaaktypen/{uuid}")
def read(request: HttpRequest, uuid: str) -> HttpResponse:
    caller_with(request, *READ_ZAAKTYPE)
    query = parse_query(request, DetailQuery)
    data = _render([get_by_uuid(ZaakType.objects, uuid)], day_of(query))[0]
    expand.apply(data, query.expand)
    return detail_response(request, data)


@router.api_operation(["PUT", "PATCH"], "/zaaktypen/{uuid}")
def update(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, *WRITE_OR_FORCED)
    zaaktype = get_by_uuid(ZaakType.objects, uuid)
    if request.method == "PUT":
        changes = parse_body(request, ZaakTypeIn).to_values()
    else:
        partial, sent = parse_partial(request, ZaakTypeIn)
        changes = partial.to_values(sent)
    zaaktype = update_zaaktype(
        zaaktype,
        changes,
        caller.actor(request),
        partial=request.method == "PATCH",
        correctie=is_correctie(caller),
    )
    return json_response(_render([zaaktype])[0])


@router.delete("/zaaktypen/{uuid}")
def delete(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, *DELETE_OR_FORCED)
    zaaktype = get_by_uuid(ZaakType.objects, uuid)
    delete_zaaktype(zaaktype, caller.actor(request), geforceerd=may_force_delete(caller))
    return HttpResponse(status=204)


@router.post("/zaaktypen/{uuid}/publish")
def publish(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, *WRITE)
    zaaktype = publish_zaaktype(get_by_uuid(ZaakType.objects, uuid), caller.actor(request))
    return json_response(_render([zaaktype])[0])
