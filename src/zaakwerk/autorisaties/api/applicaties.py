"""``/applicaties``: list, create, read, update, delete, and ``/applicaties/consumer``
(Autorisaties 1.1.0). The rules live in :mod:`zaakwerk.autorisaties.services`."""

from __future__ import annotations

import uuid as uuid_lib
from typing import Annotated, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import Field, field_validator

from zaakwerk.api.auth import authenticate
from zaakwerk.api.pagination import paginate
from zaakwerk.api.params import QuerySchema, csv_list, parse_query
from zaakwerk.api.responses import json_response, no_content
from zaakwerk.api.schemas import RequestSchema, ZGWValueError, parse_body, parse_partial
from zaakwerk.autorisaties.models import Applicatie
from zaakwerk.autorisaties.queries import represent, with_client_ids
from zaakwerk.autorisaties.services import (
    ApplicatieData,
    ApplicatieValues,
    AutorisatieData,
    create_applicatie,
    delete_applicatie,
    is_absolute_url,
    update_applicatie,
)
from zaakwerk.core.caller import Caller
from zaakwerk.core.errors import NotFound
from zaakwerk.core.values import only

router = Router(tags=["applicaties"])

COMPONENT = "ac"
READ = ("autorisaties.lezen",)
WRITE = ("autorisaties.bijwerken",)

Vertrouwelijkheid = Literal[
    "openbaar",
    "beperkt_openbaar",
    "intern",
    "zaakvertrouwelijk",
    "vertrouwelijk",
    "confidentieel",
    "geheim",
    "zeer_geheim",
    "",  # "not given": ac-003 then decides whether that is allowed
]
Scope = Annotated[str, Field(min_length=1, max_length=100)]
ClientIdValue = Annotated[str, Field(min_length=1, max_length=50)]


class AutorisatieIn(RequestSchema):
    component: Literal["ac", "nrc", "zrc", "ztc", "drc", "brc"]
    scopes: list[Scope]
    # An empty string means "not given" (the conformance suite sends "" for it, ac-003).
    zaaktype: str = Field("", max_length=1000)
    informatieobjecttype: str = Field("", max_length=1000)
    besluittype: str = Field("", max_length=1000)
    max_vertrouwelijkheidaanduiding: Vertrouwelijkheid = ""

    @field_validator("zaaktype", "informatieobjecttype", "besluittype")
    @classmethod
    def _absolute_url(cls, value: str) -> str:
        if value and not is_absolute_url(value):
            raise ZGWValueError("invalid", "Voer een geldige URL in.")
        return value

    def to_data(self) -> AutorisatieData:
        return AutorisatieData(**self.model_dump())


class ApplicatieIn(RequestSchema):
    client_ids: list[ClientIdValue]
    label: str = Field(min_length=1, max_length=100)
    heeft_alle_autorisaties: bool = False
    alleen_is_gereed_voor_publicatie: bool = False
    autorisaties: list[AutorisatieIn] = Field(default_factory=list)

    def to_changes(self, sent: set[str] | None = None) -> ApplicatieValues:
        """ApplicatieData field → value, for all fields or only those ``sent``."""
        changes: ApplicatieValues = {
            "client_ids": self.client_ids,
            "label": self.label,
            "heeft_alle_autorisaties": self.heeft_alle_autorisaties,
            "alleen_is_gereed_voor_publicatie": self.alleen_is_gereed_voor_publicatie,
            "autorisaties": [item.to_data() for item in self.autorisaties or []],
        }
        return only(changes, sent) if sent is not None else changes

    def to_data(self) -> ApplicatieData:
        return ApplicatieData(
            client_ids=self.client_ids,
            label=self.label,
            heeft_alle_autorisaties=self.heeft_alle_autorisaties,
            alleen_is_gereed_voor_publicatie=self.alleen_is_gereed_voor_publicatie,
            autorisaties=[item.to_data() for item in self.autorisaties],
        )


class ApplicatieQuery(QuerySchema):
    clientIds: str | None = None


class ConsumerQuery(QuerySchema):
    clientId: str


def caller_with(request: HttpRequest, *scopes: str) -> Caller:
    """Authenticate, then require one of ``scopes`` for the Autorisaties API: 401/403 first."""
    caller = authenticate(request)
    caller.require_scope(*scopes, component=COMPONENT)
    return caller


def get_applicatie(value: str) -> Applicatie:
    try:
        key = uuid_lib.UUID(value)
    except ValueError:
        raise NotFound() from None
    found = Applicatie.objects.filter(uuid=key).first()
    if found is None:
        raise NotFound()
    return found


@router.get("/applicaties")
def list_applicaties(request: HttpRequest) -> HttpResponse:
    caller_with(request, *READ)
    query = parse_query(request, ApplicatieQuery)
    rows = Applicatie.objects.order_by("id")
    if query.clientIds:
        rows = with_client_ids(rows, csv_list(query.clientIds))
    return json_response(paginate(request, rows, represent))


@router.post("/applicaties")
def create(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, *WRITE)
    body = parse_body(request, ApplicatieIn)
    applicatie = create_applicatie(body.to_data(), caller.actor(request))
    data = represent([applicatie])[0]
    return json_response(data, status=201, headers={"Location": data["url"]})


# Before /applicaties/{uuid}, so that "consumer" is not taken for a UUID.
@router.get("/applicaties/consumer")
def consumer(request: HttpRequest) -> HttpResponse:
    """The applicatie of one client id. The OAS declares a list (of at most one), see ADR."""
    caller_with(request, *READ)
    query = parse_query(request, ConsumerQuery)
    found = list(with_client_ids(Applicatie.objects.order_by("id"), [query.clientId])[:1])
    if not found:
        raise NotFound()
    return json_response(represent(found))


@router.get("/applicaties/{uuid}")
def read(request: HttpRequest, uuid: str) -> HttpResponse:
    caller_with(request, *READ)
    return json_response(represent([get_applicatie(uuid)])[0])


@router.api_operation(["PUT", "PATCH"], "/applicaties/{uuid}")
def update(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, *WRITE)
    applicatie = get_applicatie(uuid)
    if request.method == "PUT":
        changes = parse_body(request, ApplicatieIn).to_changes()
    else:
        partial, sent = parse_partial(request, ApplicatieIn)
        changes = partial.to_changes(sent)
    applicatie = update_applicatie(
        applicatie, changes, caller.actor(request), partial=request.method == "PATCH"
    )
    return json_response(represent([applicatie])[0])


@router.delete("/applicaties/{uuid}")
def delete(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, *WRITE)
    delete_applicatie(get_applicatie(uuid), caller.actor(request))
    return no_content()
