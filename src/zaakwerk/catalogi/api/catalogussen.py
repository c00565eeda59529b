"""``/catalogussen``: list, create, read, update (Catalogi 1.3.3)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import EmailStr, Field

from zaakwerk.api.etag import detail_response
from zaakwerk.api.pagination import paginate
from zaakwerk.api.params import QuerySchema, csv_list, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import RequestSchema, Rsin, parse_body, parse_partial
from zaakwerk.catalogi.api.common import READ, WRITE, WRITE_OR_FORCED, caller_with, get_by_uuid, iso
from zaakwerk.catalogi.models import BesluitType, Catalogus, InformatieObjectType, ZaakType
from zaakwerk.catalogi.services.catalogussen import CatalogusData, create_catalogus, update_catalogus
from zaakwerk.catalogi.services.inputs import CatalogusValues
from zaakwerk.catalogi.urls import url
from zaakwerk.core.values import only

router = Router(tags=["catalogussen"])


class CatalogusIn(RequestSchema):
    domein: str = Field(max_length=5, min_length=1)
    rsin: Rsin
    contactpersoon_beheer_naam: str = Field(max_length=40, min_length=1)
    contactpersoon_beheer_telefoonnummer: str = Field("", max_length=20)
    contactpersoon_beheer_emailadres: EmailStr | Literal[""] = ""
    naam: str | None = Field(None, max_length=200)
    versie: str | None = Field(None, max_length=20)
    begindatum_versie: date | None = None

    def to_values(self, fields: set[str] | None = None) -> CatalogusValues:
        """Service input of a change: model field values (all, or only ``fields`` for PATCH)."""
        values: CatalogusValues = {
            "domein": self.domein,
            "rsin": self.rsin,
            "contactpersoon_beheer_naam": self.contactpersoon_beheer_naam,
            "contactpersoon_beheer_telefoonnummer": self.contactpersoon_beheer_telefoonnummer,
            "contactpersoon_beheer_emailadres": self.contactpersoon_beheer_emailadres,
            "naam": self.naam or "",
            "versie": self.versie or "",
            "begindatum_versie": self.begindatum_versie,
        }
        return only(values, fields) if fields is not None else values

    def to_data(self) -> CatalogusData:
        """Service input of a create: the whole catalogus."""
        return CatalogusData(**self.to_values())


class CatalogusQuery(QuerySchema):
    domein: str | None = None
    domein__in: str | None = None
    rsin: str | None = None
    rsin__in: str | None = None


def render(rows: Sequence[Catalogus]) -> list[dict[str, Any]]:
    """Representations of ``rows``: one query per related collection for the whole batch."""
    ids = [row.pk for row in rows]
    zaaktypen: dict[int, list[str]] = defaultdict(list)
    for uuid, catalogus_id in ZaakType.objects.filter(catalogus_id__in=ids).values_list(
        "uuid", "catalogus_id"
    ):
        zaaktypen[catalogus_id].append(url("zaaktypen", uuid))
    besluittypen: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for uuid, omschrijving, catalogus_id in BesluitType.objects.filter(catalogus_id__in=ids).values_list(
        "uuid", "omschrijving", "catalogus_id"
    ):
        besluittypen[catalogus_id].append((url("besluittypen", uuid), omschrijving))
    iots: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for uuid, omschrijving, catalogus_id in InformatieObjectType.objects.filter(
        catalogus_id__in=ids
    ).values_list("uuid", "omschrijving", "catalogus_id"):
        iots[catalogus_id].append((url("informatieobjecttypen", uuid), omschrijving))
    return [_one(row, zaaktypen, besluittypen, iots) for row in rows]


def _one(
    row: Catalogus,
    zaaktypen: dict[int, list[str]],
    besluittypen: dict[int, list[tuple[str, str]]],
    iots: dict[int, list[tuple[str, str]]],
) -> dict[str, Any]:
    data = {
        "url": url("catalogussen", row.uuid),
        "domein": row.domein,
        "rsin": row.rsin,
        "contactpersoonBeheerNaam": row.contactpersoon_beheer_naam,
        "contactpersoonBeheerTelefoonnummer": row.contactpersoon_beheer_telefoonnummer,
        "contactpersoonBeheerEmailadres": row.contactpersoon_beheer_emailadres,
        "zaaktypen": zaaktypen[row.pk],
        "besluittypen": [u for u, _ in besluittypen[row.pk]],
        "besluittypeOmschrijving": sorted({o for _, o in besluittypen[row.pk]}),
        "informatieobjecttypen": [u for u, _ in iots[row.pk]],
        "informatieobjecttypeOmschrijving": sorted({o for _, o in iots[row.pk]}),
        "naam": row.naam,
        "versie": row.versie,
        "begindatumVersie": iso(row.begindatum_versie),
    }
    if not row.contactpersoon_beheer_emailadres:
        # optional, and format "email": an empty string would break the contract
        del data["contactpersoonBeheerEmailadres"]
    return data


@router.get("/catalogussen")
def list_catalogussen(request: HttpRequest) -> HttpResponse:
    caller_with(request, *READ)
    query = parse_query(request, CatalogusQuery)
    rows = Catalogus.objects.order_by("id")
    if query.domein:
        rows = rows.filter(domein=query.domein)
    if query.domein__in is not None:
        rows = rows.filter(domein__in=csv_list(query.domein__in))
    if query.rsin:
        rows = rows.filter(rsin=query.rsin)
    if query.rsin__in is not None:
        rows = rows.filter(rsin__in=csv_list(query.rsin__in))
    return json_response(paginate(request, rows, render))


@router.post("/catalogussen")
def create(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, *WRITE)
    body = parse_body(request, CatalogusIn)
    catalogus = create_catalogus(body.to_data(), caller.actor(request))
    data = render([catalogus])[0]
    return json_response(data, status=201, headers={"Location": data["url"]})


@router.api_operation(["GET", "HEAD"], "/catalogussen/{uuid}")
def read(request: HttpRequest, uuid: str) -> HttpResponse:
    caller_with(request, *READ)
    return detail_response(request, render([get_by_uuid(Catalogus.objects, uuid)])[0])


@router.api_operation(["PUT", "PATCH"], "/catalogussen/{uuid}")
def update(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, *WRITE_OR_FORCED)
    catalogus = get_by_uuid(Catalogus.objects, uuid)
    if request.method == "PUT":
        body = parse_body(request, CatalogusIn)
        changes = body.to_values()
    else:
        partial, sent = parse_partial(request, CatalogusIn)
        changes = partial.to_values(sent)
    catalogus = update_catalogus(catalogus, changes, caller.actor(request))
    return json_response(render([catalogus])[0])
