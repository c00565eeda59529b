"""``GET /enkelvoudiginformatieobjecten/{uuid}/download``: the content, streamed (RULES.md 4.1, 4.3)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponseBase, StreamingHttpResponse
from ninja import Router

from zaakwerk.api.params import parse_query
from zaakwerk.core.errors import NotFound
from zaakwerk.documenten import storage
from zaakwerk.documenten.access import access_informatieobject
from zaakwerk.documenten.api.common import READ, VersionQuery, caller_with, select_version
from zaakwerk.documenten.models import Inhoud

router = Router(tags=["enkelvoudiginformatieobjecten"])


@router.get("/enkelvoudiginformatieobjecten/{uuid}/download")
def download(request: HttpRequest, uuid: str) -> HttpResponseBase:
    caller = caller_with(request, READ)
    query = parse_query(request, VersionQuery)
    eio = access_informatieobject(caller, uuid, scope=READ)
    versie = select_version(eio, query)
    inhoud = Inhoud.objects.filter(pk=versie.inhoud_id).first() if versie.inhoud_id is not None else None
    # no content (yet): bestandsdelen still to come, or none was ever given
    if inhoud is None or not storage.backend().exists(inhoud.naam):
        raise NotFound()
    response = StreamingHttpResponse(
        storage.read_chunks(inhoud.naam), content_type="application/octet-stream"
    )
    response["Content-Length"] = str(inhoud.omvang)
    name = (versie.bestandsnaam or eio.identificatie).replace('"', "")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
