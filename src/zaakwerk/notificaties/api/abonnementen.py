"""``/abonnement``: list, create, read, update, delete (Notificaties API 1.0.1; no pagination).

Every client with a Notificaties scope sees every abonnement, as in the reference implementation;
``auth`` is shown masked (ADR 0014).
"""

from __future__ import annotations

import uuid as uuid_lib
from collections import defaultdict
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router

from zaakwerk.api.params import NoQuery, parse_query
from zaakwerk.api.responses import json_response, no_content
from zaakwerk.api.schemas import parse_body, parse_partial
from zaakwerk.core.errors import NotFound
from zaakwerk.core.references import build_url
from zaakwerk.notificaties.api.common import CONSUMEREN, READ, caller_with
from zaakwerk.notificaties.api.schemas import AbonnementIn
from zaakwerk.notificaties.models import Abonnement, AbonnementKanaal
from zaakwerk.notificaties.services.abonnementen import (
    create_abonnement,
    delete_abonnement,
    masked_auth,
    render_abonnement,
    update_abonnement,
)

router = Router(tags=["abonnement"])


def get_abonnement(value: str) -> Abonnement:
    try:
        key = uuid_lib.UUID(value)
    except ValueError:
        raise NotFound() from None
    found = Abonnement.objects.filter(uuid=key).first()
    if found is None:
        raise NotFound()
    return found


@router.get("/abonnement")
def list_abonnementen(request: HttpRequest) -> HttpResponse:
    caller_with(request, *READ)
    parse_query(request, NoQuery)
    # Plain values, two queries: the list is not paginated (1.0.x), so it must stay cheap per row.
    kanalen: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for abonnement_id, naam, filters in AbonnementKanaal.objects.order_by("id").values_list(
        "abonnement_id", "kanaal__naam", "filters"
    ):
        kanalen[abonnement_id].append({"naam": naam, "filters": filters})
    rows = Abonnement.objects.order_by("id").values_list("id", "uuid", "callback_url", "auth")
    return json_response(
        [
            {
                "url": build_url("notificaties", "abonnement", key),
                "callbackUrl": callback_url,
                "auth": masked_auth(auth),
                "kanalen": kanalen[pk],
            }
            for pk, key, callback_url, auth in rows
        ]
    )


@router.post("/abonnement")
def create(request: HttpRequest) -> HttpResponse:
    caller = caller_with(request, CONSUMEREN)
    body = parse_body(request, AbonnementIn)
    data = render_abonnement(create_abonnement(body.to_data(), caller.actor(request)))
    return json_response(data, status=201, headers={"Location": data["url"]})


@router.get("/abonnement/{uuid}")
def read(request: HttpRequest, uuid: str) -> HttpResponse:
    caller_with(request, *READ)
    return json_response(render_abonnement(get_abonnement(uuid)))


@router.api_operation(["PUT", "PATCH"], "/abonnement/{uuid}")
def update(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, CONSUMEREN)
    abonnement = get_abonnement(uuid)
    partial = request.method == "PATCH"
    if partial:
        body, sent = parse_partial(request, AbonnementIn)
        changes = body.to_changes(sent)
    else:
        changes = parse_body(request, AbonnementIn).to_changes({"callback_url", "auth", "kanalen"})
    update_abonnement(abonnement, changes, caller.actor(request), partial=partial)
    return json_response(render_abonnement(abonnement))


@router.delete("/abonnement/{uuid}")
def delete(request: HttpRequest, uuid: str) -> HttpResponse:
    caller = caller_with(request, CONSUMEREN)
    delete_abonnement(get_abonnement(uuid), caller.actor(request))
    return no_content()
