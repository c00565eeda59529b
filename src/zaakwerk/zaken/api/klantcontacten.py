"""``/klantcontacten``: list, create, read (Zaken API 1.7.0; deprecated by the standard)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import Router
from pydantic import Field

from zaakwerk.api.etag import detail_response
from zaakwerk.api.moments import DateTime
from zaakwerk.api.pagination import paginate
from zaakwerk.api.params import NoQuery, QuerySchema, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.api.schemas import RequestSchema, parse_body
from zaakwerk.zaken.access import access_zaak, may_access
from zaakwerk.zaken.api.common import FORCED, READ, UPDATE, caller_with
from zaakwerk.zaken.api.schemas import RequiredUrl
from zaakwerk.zaken.api.sub_common import find, visible, zaak_from_url, zaak_lookup
from zaakwerk.zaken.models import KlantContact
from zaakwerk.zaken.services.inputs import KlantContactValues
from zaakwerk.zaken.services.klantcontacten import create_klantcontact
from zaakwerk.zaken.subresource_representations import render_klantcontacten

router = Router(tags=["klantcontacten"])


class KlantContactIn(RequestSchema):
    zaak: RequiredUrl
    identificatie: str = Field("", max_length=14)
    datumtijd: DateTime
    kanaal: str = Field("", max_length=20)
    onderwerp: str = Field("", max_length=200)
    toelichting: str = Field("", max_length=1000)

    def to_values(self) -> KlantContactValues:
        return {
            "identificatie": self.identificatie,
            "datumtijd": self.datumtijd,
            "kanaal": self.kanaal,
            "onderwerp": self.onderwerp,
            "toelichting": self.toelichting,
        }


class KlantContactQuery(QuerySchema):
    zaak: str | None = Field(None, max_length=1000)


@router.get("/klantcontacten")
def list_klantcontacten(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, READ)
    query = parse_query(request, KlantContactQuery)
    rows = visible(caller, KlantContact.objects.filter(**zaak_lookup(query.zaak)), READ).order_by("id")
    return json_response(paginate(request, rows, render_klantcontacten))


@router.post("/klantcontacten")
def create(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, UPDATE, FORCED)
    body = parse_body(request, KlantContactIn)
    zaak = zaak_from_url(caller, body.zaak, scope=(UPDATE, FORCED))
    row = create_klantcontact(
        zaak, body.to_values(), caller.actor(request), geforceerd=may_access(caller, zaak, FORCED)
    )
    data = render_klantcontacten([row])[0]
    return json_response(data, status=201, headers={"Location": data["url"]})


@router.get("/klantcontacten/{uuid}")
def read(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, READ)
    parse_query(request, NoQuery)
    row = find(KlantContact.objects.select_related("zaak"), uuid)
    access_zaak(caller, row.zaak.uuid, scope=READ)
    return detail_response(request, render_klantcontacten([row])[0])
