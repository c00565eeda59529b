"""What every page of beheer shares: the beheerder's client, the zaaktype's tabs, and the page
shown when the catalogue cannot be reached."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from zaakwerk.beheer.access import beheerder_required
from zaakwerk.beheer.services import catalogus
from zaakwerk.beheer.services.catalogus import Json
from zaakwerk.beheer.zgw import client_for
from zaakwerk.client import ClientError, HTTPStatusError, ZGWClient


@dataclass(frozen=True)
class Tab:
    slug: str
    label: str | Promise
    count_field: str = ""


TABS = (
    Tab("gegevens", _("Gegevens")),
    Tab("statustypen", _("Statustypen"), "statustypen"),
    Tab("roltypen", _("Roltypen"), "roltypen"),
    Tab("resultaattypen", _("Resultaattypen"), "resultaattypen"),
    Tab("eigenschappen", _("Eigenschappen"), "eigenschappen"),
    Tab("documenten", _("Informatieobjecttypen")),
    Tab("relaties", _("Besluiten en zaaktypen")),
    Tab("behandeling", _("Behandeling in de werkplek")),
    Tab("formulier", _("Formulier")),
    Tab("versies", _("Versies")),
    Tab("publiceren", _("Publiceren")),
)
SUBTYPE_TABS = ("statustypen", "roltypen", "resultaattypen", "eigenschappen")


def beheer_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A beheerder's page; a catalogue that cannot be reached or fails is a page saying so."""

    @beheerder_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except HTTPStatusError as exc:
            if exc.status == 404:
                raise Http404 from exc
            return unreachable(request, exc)
        except ClientError as exc:
            return unreachable(request, exc)

    return wrapped


def unreachable(request: HttpRequest, exc: ClientError) -> HttpResponse:
    return render(request, "beheer/onbereikbaar.html", {"service": exc.service}, status=503)


def client(request: HttpRequest) -> ZGWClient:
    return client_for(request.user)


def zaaktype_url(api: ZGWClient, uuid: str) -> str:
    return f"{api.catalogi.zaaktypen.url}/{uuid}"


def tabs(zaaktype: Json, current: str) -> list[dict[str, Any]]:
    uuid = catalogus.uuid_of(str(zaaktype["url"]))
    found = []
    for tab in TABS:
        count = len(zaaktype.get(tab.count_field) or []) if tab.count_field else None
        found.append(
            {
                "label": tab.label,
                "count": count,
                "url": reverse("beheer:zaaktype-tab", args=[uuid, tab.slug]),
                "current": tab.slug == current,
            }
        )
    return found


def zaaktype_context(zaaktype: Json, tab: str, **extra: Any) -> dict[str, Any]:
    uuid = catalogus.uuid_of(str(zaaktype["url"]))
    return {
        "zaaktype": zaaktype,
        "uuid": uuid,
        "catalogus_uuid": catalogus.uuid_of(str(zaaktype["catalogus"])),
        "tabs": tabs(zaaktype, tab),
        "tab": tab,
        "concept": bool(zaaktype.get("concept")),
        **extra,
    }


def tab_url(zaaktype: Json, tab: str) -> str:
    return reverse("beheer:zaaktype-tab", args=[catalogus.uuid_of(str(zaaktype["url"])), tab])
