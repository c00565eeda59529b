"""The guided editor of a zaaktype: one page per tab; sub-types are added on their tab and changed
or deleted on a page of their own. Only a concept shows forms; the API's reasons appear next to
the field they name."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from zaakwerk.beheer.forms import (
    AFLEIDINGSWIJZE,
    AFLEIDINGSWIJZE_UITLEG,
    EditorForm,
    EigenschapForm,
    ResultaattypeForm,
    RoltypeForm,
    StatustypeForm,
    ZaaktypeForm,
    show_refusal,
)
from zaakwerk.beheer.services import catalogus, editor, selectielijst
from zaakwerk.beheer.services.catalogus import Json, Refused
from zaakwerk.beheer.views import formulier, lifecycle, relaties
from zaakwerk.beheer.views.common import (
    SUBTYPE_TABS,
    beheer_view,
    client,
    tab_url,
    zaaktype_context,
    zaaktype_url,
)
from zaakwerk.client import ZGWClient

AFLEIDING_WORDS = dict(AFLEIDINGSWIJZE)


@beheer_view
def zaaktype(request: HttpRequest, uuid: UUID) -> HttpResponse:
    return HttpResponseRedirect(reverse("beheer:zaaktype-tab", args=[uuid, "gegevens"]))


@beheer_view
def tab(request: HttpRequest, uuid: UUID, tab: str) -> HttpResponse:
    api = client(request)
    found = catalogus.read(api, "zaaktypen", zaaktype_url(api, str(uuid)))
    if tab == "gegevens":
        return gegevens(request, api, found)
    if tab in SUBTYPE_TABS:
        return subtypes(request, api, found, tab)
    if tab == "documenten":
        return relaties.documenten(request, api, found)
    if tab == "relaties":
        return relaties.page(request, api, found)
    if tab == "behandeling":
        return relaties.behandeling(request, api, found)
    if tab == "formulier":
        return formulier.page(request, api, found)
    if tab == "versies":
        return lifecycle.versies(request, api, found)
    if tab == "publiceren":
        return lifecycle.publiceren(request, api, found)
    raise Http404


def _problems(form: EditorForm, refusal: Refused) -> list[str]:
    return [refusal.message, *show_refusal(form, refusal)]


def gegevens(request: HttpRequest, api: ZGWClient, found: Json) -> HttpResponse:
    procestypen = selectielijst.procestypen(api)
    form = ZaaktypeForm(initial=ZaaktypeForm.initial_from(found), procestypen=procestypen)
    problems: list[str] = []
    if request.method == "POST":
        if request.POST.get("actie") == "verwijderen":
            try:
                editor.delete_zaaktype(api, request.user, found)
            except Refused as refusal:
                problems = [refusal.message]
            else:
                messages.success(request, _("Het concept is verwijderd."))
                return HttpResponseRedirect(
                    reverse("beheer:catalogus", args=[catalogus.uuid_of(str(found["catalogus"]))])
                )
        else:
            form = ZaaktypeForm(request.POST, procestypen=procestypen)
            if form.is_valid():
                try:
                    editor.update_zaaktype(api, request.user, found, form.body())
                except Refused as refusal:
                    problems = _problems(form, refusal)
                else:
                    messages.success(request, _("De gegevens zijn opgeslagen."))
                    return HttpResponseRedirect(tab_url(found, "gegevens"))
    context = zaaktype_context(found, "gegevens", form=form, problems=problems)
    context["procestype"] = next(
        (choice.label for choice in procestypen if choice.url == found.get("selectielijstProcestype")), ""
    )
    return render(request, "beheer/tabs/gegevens.html", context)


FORMS: dict[str, type[EditorForm]] = {
    "statustypen": StatustypeForm,
    "roltypen": RoltypeForm,
    "resultaattypen": ResultaattypeForm,
    "eigenschappen": EigenschapForm,
}


def _form(api: ZGWClient, found: Json, name: str, *args: Any, **kwargs: Any) -> EditorForm:
    if name == "resultaattypen":
        return ResultaattypeForm(
            *args,
            omschrijvingen=selectielijst.resultaattypeomschrijvingen(api),
            resultaten=selectielijst.resultaten(api, str(found.get("selectielijstProcestype") or "")),
            **kwargs,
        )
    return FORMS[name](*args, **kwargs)


def _rows(api: ZGWClient, found: Json, name: str, items: list[Json]) -> list[dict[str, Any]]:
    labels: dict[str, str] = {}
    if name == "resultaattypen" and items:
        labels = {
            choice.url: choice.label
            for choice in selectielijst.resultaten(api, str(found.get("selectielijstProcestype") or ""))
        }
    rows = []
    for index, item in enumerate(items):
        if name == "statustypen":
            cells = [
                item.get("volgnummer"),
                item.get("omschrijving"),
                item.get("statustekst") or "—",
                item.get("doorlooptijd") or "—",
                _("ja") if item.get("informeren") else _("nee"),
            ]
        elif name == "roltypen":
            cells = [item.get("omschrijving"), item.get("omschrijvingGeneriek")]
        elif name == "resultaattypen":
            afleiding = (item.get("brondatumArchiefprocedure") or {}).get("afleidingswijze") or ""
            cells = [
                item.get("omschrijving"),
                labels.get(str(item.get("selectielijstklasse")), item.get("selectielijstklasse")),
                str(item.get("archiefnominatie") or "—").replace("_", " "),
                item.get("archiefactietermijn") or "—",
                AFLEIDING_WORDS.get(afleiding, afleiding),
            ]
        else:
            specificatie = item.get("specificatie") or {}
            cells = [
                item.get("naam"),
                specificatie.get("formaat"),
                specificatie.get("lengte"),
                specificatie.get("kardinaliteit"),
                ", ".join(specificatie.get("waardenverzameling") or []) or "—",
            ]
        rows.append(
            {
                "cells": cells,
                "label": editor.label_of(name, item),
                "uuid": catalogus.uuid_of(str(item["url"])),
                "first": index == 0,
                "last": index == len(items) - 1,
            }
        )
    return rows


COLUMNS = {
    "statustypen": [
        gettext_lazy("Nr."),
        gettext_lazy("Omschrijving"),
        gettext_lazy("Statustekst"),
        gettext_lazy("Doorlooptijd"),
        gettext_lazy("Informeren"),
    ],
    "roltypen": [gettext_lazy("Omschrijving"), gettext_lazy("Generieke omschrijving")],
    "resultaattypen": [
        gettext_lazy("Omschrijving"),
        gettext_lazy("Selectielijstklasse"),
        gettext_lazy("Archiefnominatie"),
        gettext_lazy("Archiefactietermijn"),
        gettext_lazy("Brondatum"),
    ],
    "eigenschappen": [
        gettext_lazy("Naam"),
        gettext_lazy("Formaat"),
        gettext_lazy("Lengte"),
        gettext_lazy("Kardinaliteit"),
        gettext_lazy("Waarden"),
    ],
}


def subtypes(request: HttpRequest, api: ZGWClient, found: Json, name: str) -> HttpResponse:
    items = catalogus.subtypes(api, name, found)
    form = _form(api, found, name)
    problems: list[str] = []
    if request.method == "POST":
        form = _form(api, found, name, request.POST)
        if form.is_valid():
            body = form.body()
            if name == "statustypen":
                body["volgnummer"] = editor.next_volgnummer(items)
            try:
                editor.create_subtype(api, request.user, found, name, body)
            except Refused as refusal:
                problems = _problems(form, refusal)
            else:
                messages.success(request, _("Toegevoegd."))
                return HttpResponseRedirect(tab_url(found, name))
    context = zaaktype_context(
        found,
        name,
        name=name,
        form=form,
        problems=problems,
        rows=_rows(api, found, name, items),
        columns=COLUMNS[name],
        afleidingswijzen=AFLEIDINGSWIJZE_UITLEG,
    )
    return render(request, "beheer/tabs/subtypen.html", context)


@beheer_view
def subtype(request: HttpRequest, uuid: UUID, tab: str, sub: UUID) -> HttpResponse:
    if tab not in SUBTYPE_TABS:
        raise Http404
    api = client(request)
    found = catalogus.read(api, "zaaktypen", zaaktype_url(api, str(uuid)))
    try:
        item = editor.find(api, tab, found, str(sub))
    except Refused as exc:
        raise Http404 from exc
    form = _form(api, found, tab, initial=FORMS[tab].initial_from(item))
    problems: list[str] = []
    if request.method == "POST":
        if request.POST.get("actie") == "verwijderen":
            try:
                editor.delete_subtype(api, request.user, found, tab, item)
            except Refused as refusal:
                problems = [refusal.message]
            else:
                messages.success(request, _("%(naam)s is verwijderd.") % {"naam": editor.label_of(tab, item)})
                return HttpResponseRedirect(tab_url(found, tab))
        else:
            form = _form(api, found, tab, request.POST)
            if form.is_valid():
                try:
                    editor.update_subtype(api, request.user, found, tab, item, form.body())
                except Refused as refusal:
                    problems = _problems(form, refusal)
                else:
                    messages.success(
                        request, _("%(naam)s is opgeslagen.") % {"naam": editor.label_of(tab, item)}
                    )
                    return HttpResponseRedirect(tab_url(found, tab))
    context = zaaktype_context(
        found,
        tab,
        item=item,
        label=editor.label_of(tab, item),
        form=form,
        problems=problems,
        afleidingswijzen=AFLEIDINGSWIJZE_UITLEG,
    )
    return render(request, "beheer/subtype.html", context)


@require_POST
@beheer_view
def verplaatsen(request: HttpRequest, uuid: UUID, sub: UUID) -> HttpResponse:
    api = client(request)
    found = catalogus.read(api, "zaaktypen", zaaktype_url(api, str(uuid)))
    step = -1 if request.POST.get("richting") == "omhoog" else 1
    try:
        editor.move_statustype(api, request.user, found, f"{api.catalogi.statustypen.url}/{sub}", step)
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("De volgorde is aangepast."))
    return HttpResponseRedirect(f"{tab_url(found, 'statustypen')}#statustype-{sub}")
