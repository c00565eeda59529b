"""The report page and its exports. The view parses the filters and renders; the figures come
from ``services.figures``, the tables and exports from ``services.tables`` and ``services.export``."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from zaakwerk.rapportages.forms import FilterForm
from zaakwerk.rapportages.services import export as exports
from zaakwerk.rapportages.services.access import report_access
from zaakwerk.rapportages.services.figures import report
from zaakwerk.rapportages.services.norms import norms
from zaakwerk.rapportages.services.tables import Table, tables
from zaakwerk.web.rendering import render_page
from zaakwerk.werkplek.access import Access
from zaakwerk.werkplek.read_model import choices
from zaakwerk.werkplek.zgw import base_url, service_client


def _form(request: HttpRequest, access: Access) -> FilterForm:
    found = norms(service_client(), base_url())
    zaaktypen = sorted(
        ((key, norm.omschrijving or key) for key, norm in found.items() if access.may_see(key)),
        key=lambda item: item[1].lower(),
    )
    if not zaaktypen:  # the catalogue cannot be read now: the zaaktypen the read model knows
        zaaktypen = choices.zaaktype_choices(choices.from_rows(), access)
    return FilterForm(
        request.GET or None, today=timezone.localdate(), zaaktypen=zaaktypen, teams=choices.teams()
    )


def _tables(request: HttpRequest, access: Access, form: FilterForm) -> list[Table]:
    today = timezone.localdate()
    found = report(access, form.selection(), norms(service_client(), base_url()), today=today)
    return tables(found)


def _forbidden(request: HttpRequest) -> HttpResponse:
    return render(request, "rapportages/geen_toegang.html", {}, status=403)


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    access = report_access(request.user)
    if access is None:
        return _forbidden(request)
    form = _form(request, access)
    selection = form.selection()
    sections = [
        {
            "table": table,
            "cells": table.cells(),
            "chart": table.chart_data(),
            "chart_id": f"grafiek-{table.key}",
        }
        for table in _tables(request, access, form)
    ]
    labels = dict(form.fields["zaaktype"].choices)  # type: ignore[attr-defined]
    context: dict[str, Any] = {
        "form": form,
        "selection": selection,
        "zaaktype_label": labels.get(selection.zaaktype, selection.zaaktype),
        "sections": sections,
        "query": request.GET.urlencode(),
    }
    return render_page(request, "rapportages/dashboard.html", context, fragment="report")


@login_required
def export(request: HttpRequest, table: str, format: str) -> HttpResponse:
    access = report_access(request.user)
    if access is None:
        return _forbidden(request)
    if format not in exports.FORMATS:
        raise Http404
    form = _form(request, access)
    if request.GET and not form.is_valid():
        return render(request, "rapportages/dashboard.html", {"form": form, "sections": []}, status=400)
    found = next((item for item in _tables(request, access, form) if item.key == table), None)
    if found is None:
        raise Http404
    body = exports.to_csv(found) if format == "csv" else exports.to_xlsx(found)
    selection = form.selection()
    name = f"{found.key}_{selection.van.isoformat()}_{selection.tot.isoformat()}.{format}"
    response = HttpResponse(body, content_type=exports.FORMATS[format])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
