"""The zaak page and changing its gegevens.

Every view here opens the zaak through :func:`~zaakwerk.werkplek.services.zaakpagina.open_zaak`:
a zaak the user may not see is a 404, the same as one that does not exist. Changes need the
behandelaar or coördinator role on the zaak's zaaktype (docs/adr/0060).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from zaakwerk.client import ClientError, ZGWClient, models
from zaakwerk.web.roles import Role
from zaakwerk.werkplek.access import Access, access_for
from zaakwerk.werkplek.services import gegevens, notities, zaakpagina
from zaakwerk.werkplek.zgw import client_for, display_name

logger = logging.getLogger(__name__)
HANDLERS = (Role.BEHANDELAAR, Role.COORDINATOR)
View = TypeVar("View", bound=Callable[..., HttpResponse])


def registers_unavailable(view: View) -> View:
    """When the registers cannot be reached or fail, a page that says so (503), not an error."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except ClientError:
            logger.exception("the registers failed for %s", request.path)
            return render(request, "werkplek/zaak/onbereikbaar.html", status=503)

    return cast(View, wrapped)


def may_handle(access: Access, zaaktype_identificatie: str) -> bool:
    """Whether the user may change a zaak of this zaaktype (behandelaar or coördinator)."""
    return any(access.may(role, zaaktype_identificatie) for role in HANDLERS)


def identificatie_of(zaak: models.Zaak) -> str:
    embedded = zaak.expanded.get("zaaktype") or {}
    return str(embedded.get("identificatie", ""))


def open_or_404(
    request: HttpRequest, uuid: str, *, expand: tuple[str, ...] = ("zaaktype",)
) -> tuple[ZGWClient, Access, models.Zaak]:
    """The user's client and roles, and the zaak if they may see it; else 404."""
    client = client_for(request.user)
    access = access_for(request.user)
    try:
        zaak = zaakpagina.open_zaak(client, access, uuid, expand=expand)
    except zaakpagina.ZaakNotFound as exc:
        raise Http404 from exc
    return client, access, zaak


@login_required
@registers_unavailable
def zaak(request: HttpRequest, uuid: Any) -> HttpResponse:
    client = client_for(request.user)
    access = access_for(request.user)
    try:
        pagina = zaakpagina.zaak_pagina(client, access, str(uuid))
    except zaakpagina.ZaakNotFound as exc:
        raise Http404 from exc
    context = {
        "pagina": pagina,
        "zaak": pagina.zaak,
        "may_handle": may_handle(access, pagina.zaaktype.identificatie) and not pagina.closed,
        # notes are not gegevens: also on a closed zaak (services/notities.py)
        "may_note": may_handle(access, pagina.zaaktype.identificatie),
    }
    return render(request, "werkplek/zaak/zaak.html", context)


VERTROUWELIJKHEID = [
    ("openbaar", _("Openbaar")),
    ("beperkt_openbaar", _("Beperkt openbaar")),
    ("intern", _("Intern")),
    ("zaakvertrouwelijk", _("Zaakvertrouwelijk")),
    ("vertrouwelijk", _("Vertrouwelijk")),
    ("confidentieel", _("Confidentieel")),
    ("geheim", _("Geheim")),
    ("zeer_geheim", _("Zeer geheim")),
]
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class GegevensForm(forms.Form):
    omschrijving = forms.CharField(label=_("Omschrijving"), max_length=80)
    toelichting = forms.CharField(
        label=_("Toelichting"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    startdatum = forms.DateField(label=_("Startdatum"), widget=DATE)
    einddatum_gepland = forms.DateField(label=_("Geplande einddatum"), required=False, widget=DATE)
    uiterlijke_einddatum_afdoening = forms.DateField(
        label=_("Uiterlijke einddatum afdoening"), required=False, widget=DATE
    )
    publicatiedatum = forms.DateField(label=_("Publicatiedatum"), required=False, widget=DATE)
    vertrouwelijkheidaanduiding = forms.ChoiceField(label=_("Vertrouwelijkheid"), choices=VERTROUWELIJKHEID)
    reden = forms.CharField(
        label=_("Reden van de wijziging"),
        max_length=1000,
        help_text=_("Komt in de geschiedenis van de zaak."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    FIELDS = {
        "omschrijving": "omschrijving",
        "toelichting": "toelichting",
        "startdatum": "startdatum",
        "einddatum_gepland": "einddatumGepland",
        "uiterlijke_einddatum_afdoening": "uiterlijkeEinddatumAfdoening",
        "publicatiedatum": "publicatiedatum",
        "vertrouwelijkheidaanduiding": "vertrouwelijkheidaanduiding",
    }

    @classmethod
    def initial_from(cls, zaak: models.Zaak) -> dict[str, Any]:
        return {name: getattr(zaak, name) for name in cls.FIELDS}

    def values(self) -> dict[str, Any]:
        return {json: self.cleaned_data.get(name) or "" for name, json in self.FIELDS.items()}

    def add_refusal(self, refusal: gegevens.ChangeRefused) -> None:
        by_json = {json: name for name, json in self.FIELDS.items()}
        for key, texts in refusal.messages.items():
            field = by_json.get(key)
            for text in texts:
                self.add_error(field, text)


@login_required
@registers_unavailable
@require_http_methods(["GET", "POST"])
def gegevens_wijzigen(request: HttpRequest, uuid: Any) -> HttpResponse:
    client, access, current = open_or_404(request, str(uuid))
    if not may_handle(access, identificatie_of(current)):
        return HttpResponseForbidden()
    closed = current.einddatum is not None
    if request.method == "POST":
        form = GegevensForm(request.POST)
        if form.is_valid():
            change = gegevens.Wijziging(form.values(), form.cleaned_data["reden"])
            try:
                gegevens.change_gegevens(client, current, change)
            except gegevens.ZaakClosed:
                closed = True
            except gegevens.ChangeRefused as refusal:
                form.add_refusal(refusal)
            else:
                messages.success(request, gettext("De gegevens van de zaak zijn gewijzigd."))
                return redirect(reverse("werkplek:zaak", args=[uuid]) + "#gegevens")
    else:
        form = GegevensForm(initial=GegevensForm.initial_from(current))
    context = {"zaak": current, "form": form, "closed": closed}
    return render(request, "werkplek/zaak/gegevens_wijzigen.html", context)


class NotitieForm(forms.Form):
    onderwerp = forms.CharField(label=_("Onderwerp"), max_length=255)
    tekst = forms.CharField(label=_("Tekst"), max_length=10000, widget=forms.Textarea(attrs={"rows": 5}))
    extern = forms.BooleanField(
        label=_("Ook zichtbaar voor de initiator"),
        required=False,
        help_text=_("Zonder vinkje is de notitie alleen voor medewerkers (intern)."),
    )

    FIELDS = {"onderwerp": "onderwerp", "tekst": "tekst", "extern": "notitieType"}

    def add_refusal(self, refusal: gegevens.ChangeRefused) -> None:
        by_json = {json: name for name, json in self.FIELDS.items()}
        for key, texts in refusal.messages.items():
            for text in texts:
                self.add_error(by_json.get(key), text)


@login_required
@registers_unavailable
@require_http_methods(["GET", "POST"])
def notitie_toevoegen(request: HttpRequest, uuid: Any) -> HttpResponse:
    client, access, current = open_or_404(request, str(uuid))
    if not may_handle(access, identificatie_of(current)):
        return HttpResponseForbidden()
    form = NotitieForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        nieuw = notities.NieuweNotitie(
            form.cleaned_data["onderwerp"], form.cleaned_data["tekst"], form.cleaned_data["extern"]
        )
        try:
            notities.add_notitie(client, current, nieuw, auteur=display_name(request.user))
        except gegevens.ChangeRefused as refusal:
            form.add_refusal(refusal)
        else:
            messages.success(request, gettext("De notitie is toegevoegd."))
            return redirect(reverse("werkplek:zaak", args=[uuid]) + "#notities")
    return render(request, "werkplek/zaak/notitie_toevoegen.html", {"zaak": current, "form": form})
