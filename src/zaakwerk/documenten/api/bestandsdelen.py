"""``PUT /bestandsdelen/{uuid}``: upload one part of a large file (RULES.md 4.4), multipart/form-data."""

from __future__ import annotations

import uuid as uuid_lib

from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from ninja import Router

from zaakwerk.api.errors import ApiError, ApiValidationError
from zaakwerk.api.params import NoQuery, parse_query
from zaakwerk.api.responses import json_response
from zaakwerk.core.errors import FieldError, NotFound
from zaakwerk.documenten import storage
from zaakwerk.documenten.access import access_informatieobject
from zaakwerk.documenten.api.common import UPDATE, caller_with
from zaakwerk.documenten.models import BestandsDeel
from zaakwerk.documenten.services import content, locking

router = Router(tags=["bestandsdelen"])

_FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


def _form(request: HttpRequest) -> tuple[str, UploadedFile | None]:
    """The ``lock`` and the ``inhoud`` file of a PUT form (Django parses forms only for POST)."""
    if (request.content_type or "") not in _FORM_TYPES:
        raise ApiError(
            415, "unsupported_media_type", f"Mediatype '{request.content_type}' wordt niet ondersteund."
        )
    method = request.method
    try:
        request.method = "POST"
        request._load_post_and_files()  # type: ignore[attr-defined]
    except MultiPartParserError as exc:
        raise ApiError(
            400, "parse_error", "Het formulier (multipart/form-data) kon niet gelezen worden."
        ) from exc
    finally:
        request.method = method
    return request.POST.get("lock", ""), request.FILES.get("inhoud")


@router.put("/bestandsdelen/{uuid}")
def upload(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, UPDATE)
    parse_query(request, NoQuery)
    try:
        key = uuid_lib.UUID(uuid)
    except ValueError:
        raise NotFound() from None
    deel = BestandsDeel.objects.select_related("informatieobject").filter(uuid=key).first()
    if deel is None:
        raise NotFound()
    eio = access_informatieobject(caller, deel.informatieobject.uuid, scope=UPDATE)
    lock, inhoud = _form(request)
    errors = []
    if not lock:
        errors.append(FieldError("lock", "required", "Dit veld is vereist."))
    if inhoud is None:
        errors.append(FieldError("inhoud", "required", "Dit veld is vereist."))
    if errors:
        raise ApiValidationError(errors)
    assert inhoud is not None
    with storage.staging():
        deel = BestandsDeel.objects.select_for_update().get(pk=deel.pk)
        locking.check_lock(eio, lock)
        deel = content.upload_part(deel, inhoud.chunks(storage.CHUNK_SIZE), inhoud.size or 0)
    return json_response(
        {
            "url": deel.url,
            "lock": lock,
            "omvang": deel.omvang,
            "voltooid": deel.voltooid,
            "volgnummer": deel.volgnummer,
        }
    )
