"""Versions of a zaaktype: the list with geldigheid, a new version, the difference between two,
and publishing after the check list."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from zaakwerk.beheer.forms import NieuweVersieForm
from zaakwerk.beheer.services import catalogus, diff, publish, versions
from zaakwerk.beheer.services.catalogus import Json, Refused
from zaakwerk.beheer.views.common import beheer_view, client, tab_url, zaaktype_context, zaaktype_url
from zaakwerk.client import ZGWClient


def versies(request: HttpRequest, api: ZGWClient, found: Json) -> HttpResponse:
    all_versions = catalogus.zaaktype_versions(api, found)
    form = NieuweVersieForm()
    problems: list[str] = []
    if request.method == "POST":
        form = NieuweVersieForm(request.POST)
        if form.is_valid():
            try:
                created = versions.new_version(
                    api, request.user, str(found["url"]), form.cleaned_data["beginGeldigheid"]
                )
            except Refused as refusal:
                problems = [refusal.message]
                for reason in refusal.fields.get("beginGeldigheid", []):
                    form.add_error("beginGeldigheid", reason)
            else:
                messages.success(request, _("De nieuwe versie is aangemaakt als concept."))
                return HttpResponseRedirect(tab_url(created, "gegevens"))
    has_concept = any(version.concept for version in all_versions)
    context = zaaktype_context(
        found,
        "versies",
        versions=all_versions,
        form=form,
        problems=problems,
        may_copy=not found.get("concept") and not has_concept,
    )
    return render(request, "beheer/tabs/versies.html", context)


@beheer_view
def verschil(request: HttpRequest, uuid: UUID, other: UUID) -> HttpResponse:
    api = client(request)
    new = catalogus.bundle(api, zaaktype_url(api, str(uuid)))
    old = catalogus.bundle(api, zaaktype_url(api, str(other)))
    if old.zaaktype.get("identificatie") != new.zaaktype.get("identificatie"):
        messages.error(request, _("Alleen versies van hetzelfde zaaktype zijn te vergelijken."))
        return HttpResponseRedirect(tab_url(new.zaaktype, "versies"))
    context = zaaktype_context(new.zaaktype, "versies", old=old.zaaktype, result=diff.diff(old, new))
    return render(request, "beheer/verschil.html", context)


def publiceren(request: HttpRequest, api: ZGWClient, found: Json) -> HttpResponse:
    current = catalogus.bundle(
        api, found, only=("statustypen", "roltypen", "resultaattypen", "informatieobjecttypen")
    )
    checks = publish.checklist(api, current)
    problems: list[str] = []
    if request.method == "POST" and current.concept:
        try:
            publish.publish(api, request.user, current)
        except Refused as refusal:
            problems = [refusal.message, *[f"{k}: {', '.join(v)}" for k, v in refusal.fields.items()]]
        else:
            messages.success(request, _("Het zaaktype is gepubliceerd."))
            return HttpResponseRedirect(tab_url(found, "versies"))
    context = zaaktype_context(
        found, "publiceren", checks=checks, ready=publish.ready(checks), problems=problems
    )
    return render(request, "beheer/tabs/publiceren.html", context)


def diff_url(new: str, old: str) -> str:
    return reverse("beheer:verschil", args=[new, old])
