"""The preview of the zaaktype's form: the resident's pages (start, steps, summary) with the loket's
checks and rules, then what the resident would see after sending: the zaak's texts and the status
timeline. Nothing is registered (services.voorbeeld)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from zaakwerk.beheer.services import catalogus, voorbeeld
from zaakwerk.beheer.services import formulier as service
from zaakwerk.beheer.services.catalogus import Json
from zaakwerk.beheer.views.common import beheer_view, client, zaaktype_context, zaaktype_url
from zaakwerk.client import ZGWClient
from zaakwerk.formulieren import definition as definitions
from zaakwerk.formulieren.views import field_views, posted_values, uploaded_files


def _load(request: HttpRequest, uuid: UUID) -> tuple[ZGWClient, Json, voorbeeld.Preview]:
    api = client(request)
    found = catalogus.read(api, "zaaktypen", zaaktype_url(api, str(uuid)))
    formulier = service.of_zaaktype(found)
    preview = voorbeeld.of(formulier) if formulier is not None else None
    if preview is None:
        raise Http404
    return api, found, preview


def _context(found: Json, preview: voorbeeld.Preview, **extra: Any) -> dict[str, Any]:
    return zaaktype_context(
        found,
        "formulier",
        preview=preview,
        definition=preview.definition,
        login=voorbeeld.identity(preview),
        **extra,
    )


@beheer_view
def start(request: HttpRequest, uuid: UUID) -> HttpResponse:
    _api, found, preview = _load(request, uuid)
    if request.method == "POST":
        voorbeeld.reset(request.session)
        shown = voorbeeld.visible_steps(preview, voorbeeld.values(request.session, preview))
        if not shown:  # every step hidden by its condition: straight to the summary
            return HttpResponseRedirect(reverse("beheer:voorbeeld-overzicht", args=[uuid]))
        return HttpResponseRedirect(reverse("beheer:voorbeeld-stap", args=[uuid, shown[0].key]))
    return render(request, "beheer/voorbeeld/start.html", _context(found, preview))


@beheer_view
def stap(request: HttpRequest, uuid: UUID, step: str) -> HttpResponse:
    _api, found, preview = _load(request, uuid)
    entered = voorbeeld.values(request.session, preview)
    visible = voorbeeld.visible_steps(preview, entered)
    current = preview.definition.step(step)
    if current is None or current.key not in {item.key for item in visible}:
        raise Http404
    errors: dict[str, str] = {}
    if request.method == "POST":
        checked = voorbeeld.check(preview, current, entered, posted_values(request), uploaded_files(request))
        entered, errors = checked.values, checked.errors
        if not errors:
            voorbeeld.keep(request.session, preview, entered)
            _previous, following = voorbeeld.neighbours(preview, entered, step)
            return HttpResponseRedirect(
                reverse("beheer:voorbeeld-stap", args=[uuid, following])
                if following
                else reverse("beheer:voorbeeld-overzicht", args=[uuid])
            )
    state = definitions.resolve(preview.definition, entered)
    attached = {
        key: str(value.get("naam", ""))
        for key, value in entered.items()
        if isinstance(value, dict) and "naam" in value and "formaat" in value
    }
    fields = field_views(preview.definition, current, state, entered, errors, attached)
    previous, _following = voorbeeld.neighbours(preview, entered, step)
    return render(
        request,
        "beheer/voorbeeld/stap.html",
        _context(
            found,
            preview,
            step=current,
            steps=visible,
            number=[item.key for item in visible].index(step) + 1,
            fields=fields,
            error_fields=[
                {"id": field.first_control, "label": field.item.label, "messages": [field.error]}
                for field in fields
                if field.error
            ],
            previous=previous,
        ),
    )


@beheer_view
def overzicht(request: HttpRequest, uuid: UUID) -> HttpResponse:
    _api, found, preview = _load(request, uuid)
    entered = voorbeeld.values(request.session, preview)
    if request.method == "POST":
        missing = voorbeeld.incomplete_step(preview, entered)
        if missing:
            return HttpResponseRedirect(reverse("beheer:voorbeeld-stap", args=[uuid, missing]))
        return HttpResponseRedirect(reverse("beheer:voorbeeld-verstuurd", args=[uuid]))
    visible = voorbeeld.visible_steps(preview, entered)
    return render(
        request,
        "beheer/voorbeeld/overzicht.html",
        _context(
            found,
            preview,
            summary=voorbeeld.summary(preview, entered),
            last_step=visible[-1].key if visible else "",
        ),
    )


@beheer_view
def verstuurd(request: HttpRequest, uuid: UUID) -> HttpResponse:
    api, found, preview = _load(request, uuid)
    entered = voorbeeld.values(request.session, preview)
    missing = voorbeeld.incomplete_step(preview, entered)
    if missing:
        return HttpResponseRedirect(reverse("beheer:voorbeeld-stap", args=[uuid, missing]))
    return render(
        request,
        "beheer/voorbeeld/verstuurd.html",
        _context(
            found,
            preview,
            texts=voorbeeld.zaak_texts(preview, entered),
            tijdlijn=voorbeeld.timeline(api, found),
        ),
    )
