"""Browsing: the catalogi, one catalogus with its types and their versions, a new zaaktype."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from zaakwerk.beheer.forms import ZaaktypeForm, show_refusal
from zaakwerk.beheer.services import catalogus, editor, selectielijst
from zaakwerk.beheer.services.catalogus import Refused
from zaakwerk.beheer.views.common import beheer_view, client


@beheer_view
def home(request: HttpRequest) -> HttpResponse:
    api = client(request)
    rows = [
        {
            "naam": item.get("naam") or item.get("domein"),
            "domein": item.get("domein"),
            "rsin": item.get("rsin"),
            "aantal": len(item.get("zaaktypen") or []),
            "url": reverse("beheer:catalogus", args=[catalogus.uuid_of(str(item["url"]))]),
        }
        for item in catalogus.catalogi(api)
    ]
    return render(request, "beheer/home.html", {"catalogi": rows})


@beheer_view
def catalogus_page(request: HttpRequest, uuid: UUID) -> HttpResponse:
    api = client(request)
    url = f"{api.catalogi.catalogussen.url}/{uuid}"
    found = catalogus.overview(api, url)
    return render(request, "beheer/catalogus.html", {"overview": found, "uuid": uuid})


@beheer_view
def zaaktype_toevoegen(request: HttpRequest, uuid: UUID) -> HttpResponse:
    api = client(request)
    catalogus_url = f"{api.catalogi.catalogussen.url}/{uuid}"
    found = api.catalogi.catalogussen.get(catalogus_url).as_json()
    procestypen = selectielijst.procestypen(api)
    form = ZaaktypeForm(procestypen=procestypen, initial={"vertrouwelijkheidaanduiding": "zaakvertrouwelijk"})
    problems: list[str] = []
    if request.method == "POST":
        form = ZaaktypeForm(request.POST, procestypen=procestypen)
        if form.is_valid():
            body = form.body()
            body.update(catalogus=catalogus_url, besluittypen=[], deelzaaktypen=[], gerelateerdeZaaktypen=[])
            try:
                created = editor.create_zaaktype(api, request.user, body)
            except Refused as refusal:
                problems = [refusal.message, *show_refusal(form, refusal)]
            else:
                messages.success(request, _("Het zaaktype is aangemaakt als concept."))
                return HttpResponseRedirect(
                    reverse(
                        "beheer:zaaktype-tab", args=[catalogus.uuid_of(str(created["url"])), "statustypen"]
                    )
                )
    return render(
        request,
        "beheer/zaaktype_toevoegen.html",
        {"catalogus": found, "uuid": uuid, "form": form, "problems": problems},
    )
