"""The work lists: zaken-werkvoorraad, mijn zaken, afgehandelde zaken and all zaken (search),
from the read model; saved searches; the coördinator's bulk toekennen and vrijgeven."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.functional import Promise
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from zaakwerk.client import ClientError
from zaakwerk.werkplek.access import access_for, team_names
from zaakwerk.werkplek.lijst_forms import BulkForm, FilterForm, SaveSearchForm
from zaakwerk.werkplek.models import SavedSearch, ZaakRow
from zaakwerk.werkplek.read_model import choices
from zaakwerk.werkplek.read_model.queries import Lijst, Sort, apply_filters, of_list, page
from zaakwerk.werkplek.services import assignment, bulk
from zaakwerk.werkplek.zgw import base_url, client_for, service_client

TITLES: dict[Lijst, Promise] = {
    Lijst.WERKVOORRAAD: gettext_lazy("Zaken-werkvoorraad"),
    Lijst.MIJN: gettext_lazy("Mijn zaken"),
    Lijst.AFGEHANDELD: gettext_lazy("Afgehandelde zaken"),
    Lijst.ALLE: gettext_lazy("Zaken zoeken"),
}
INTROS: dict[Lijst, Promise] = {
    Lijst.WERKVOORRAAD: gettext_lazy("Open zaken van je teams die nog geen behandelaar hebben."),
    Lijst.MIJN: gettext_lazy("Open zaken waarvan jij de behandelaar bent."),
    Lijst.AFGEHANDELD: gettext_lazy("Zaken die zijn afgesloten."),
    Lijst.ALLE: gettext_lazy("Alle zaken van de zaaktypen waarop je een rol hebt."),
}


def _day(value: date | None) -> str:
    """``date_format(value, "j M Y")``, without its format lookups: a page shows a hundred dates."""
    return f"{value.day} {str(MONTHS_3[value.month]).title()} {value.year}" if value else ""


def _moment(value: datetime | None) -> str:
    """``date_format(…, "j M Y H:i")`` in the current time zone, as :func:`_day`."""
    if not value:
        return ""
    local = timezone.localtime(value)
    return f"{_day(local.date())} {local:%H:%M}"


@dataclass(frozen=True)
class Column:
    label: Promise
    cell: Callable[[ZaakRow], str]
    sort: str = ""  # its key in queries.SORTS; empty: not sortable


COLUMNS: dict[str, Column] = {
    "identificatie": Column(gettext_lazy("Zaak"), lambda row: row.identificatie, "identificatie"),
    "omschrijving": Column(gettext_lazy("Omschrijving"), lambda row: row.omschrijving, "omschrijving"),
    "zaaktype": Column(gettext_lazy("Zaaktype"), lambda row: row.zaaktype_omschrijving, "zaaktype"),
    "status": Column(gettext_lazy("Status"), lambda row: row.status_omschrijving, "status"),
    "startdatum": Column(gettext_lazy("Startdatum"), lambda row: _day(row.startdatum), "startdatum"),
    "streefdatum": Column(
        gettext_lazy("Streefdatum"), lambda row: _day(row.einddatum_gepland), "streefdatum"
    ),
    "fataledatum": Column(
        gettext_lazy("Fatale datum"), lambda row: _day(row.uiterlijke_einddatum_afdoening), "fataledatum"
    ),
    "einddatum": Column(gettext_lazy("Einddatum"), lambda row: _day(row.einddatum), "einddatum"),
    "behandelaar": Column(
        gettext_lazy("Behandelaar"), lambda row: row.behandelaar_naam or row.behandelaar, "behandelaar"
    ),
    "team": Column(gettext_lazy("Team"), lambda row: row.team, "team"),
    "initiator": Column(gettext_lazy("Initiator"), lambda row: row.initiator, "initiator"),
    "resultaat": Column(gettext_lazy("Resultaat"), lambda row: row.resultaat),
    "archiefnominatie": Column(gettext_lazy("Archiefnominatie"), lambda row: row.archiefnominatie),
    "documenten": Column(gettext_lazy("Documenten"), lambda row: str(row.documenten)),
    "gewijzigd": Column(gettext_lazy("Laatst gewijzigd"), lambda row: _moment(row.gewijzigd_op), "gewijzigd"),
}
DEFAULT_COLUMNS: dict[Lijst, list[str]] = {
    Lijst.WERKVOORRAAD: [
        "identificatie",
        "omschrijving",
        "zaaktype",
        "status",
        "startdatum",
        "fataledatum",
        "team",
    ],
    Lijst.MIJN: ["identificatie", "omschrijving", "zaaktype", "status", "streefdatum", "fataledatum"],
    Lijst.AFGEHANDELD: ["identificatie", "omschrijving", "zaaktype", "resultaat", "einddatum", "behandelaar"],
    Lijst.ALLE: ["identificatie", "omschrijving", "zaaktype", "status", "startdatum", "behandelaar", "team"],
}
DEFAULT_SORT: dict[Lijst, str] = {
    Lijst.WERKVOORRAAD: "-startdatum",
    Lijst.MIJN: "-startdatum",
    Lijst.AFGEHANDELD: "-einddatum",
    Lijst.ALLE: "-startdatum",
}
DEFAULT_PAGE_SIZE = 25
_PLACEHOLDER = "00000000-0000-0000-0000-000000000000"
PAGING = ("na", "voor")


def _sort_choices() -> list[tuple[str, str]]:
    found = []
    for column in COLUMNS.values():
        if column.sort:
            found.append((column.sort, _("%(kolom)s, oplopend") % {"kolom": column.label}))
            found.append((f"-{column.sort}", _("%(kolom)s, aflopend") % {"kolom": column.label}))
    return found


def _lijst(value: str) -> Lijst:
    try:
        return Lijst(value)
    except ValueError:
        raise Http404 from None


def _query(params: QueryDict, **changes: str) -> str:
    """The list's query string without paging, with ``changes``."""
    query = QueryDict(mutable=True)
    for key, values in params.lists():
        kept = [value for value in values if value]
        if key not in PAGING and kept:
            query.setlist(key, kept)
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


def filter_form(
    request: HttpRequest,
    access: Any,
    data: QueryDict | None,
    *,
    teams: list[str],
    handlers: list[tuple[str, str]],
) -> FilterForm:
    try:
        found = choices.catalogus(service_client(), base_url())
    except ClientError:
        found = choices.from_rows()
    return FilterForm(
        data,
        zaaktypen=choices.zaaktype_choices(found, access),
        statussen=choices.status_choices(found, access),
        behandelaars=handlers,
        teams=teams,
        sorts=_sort_choices(),
        columns=[(key, str(column.label)) for key, column in COLUMNS.items()],
    )


@login_required
def lijst(request: HttpRequest, lijst: str) -> HttpResponse:
    which = _lijst(lijst)
    access = access_for(request.user)
    teams, handlers = choices.teams(), choices.handlers()
    form = filter_form(request, access, request.GET, teams=teams, handlers=handlers)
    valid = form.is_valid()
    data = form.cleaned_data if valid else {}
    sort = Sort.parse(data.get("sorteer") or "", DEFAULT_SORT[which])
    size = data.get("per_pagina") or DEFAULT_PAGE_SIZE
    shown = [key for key in (data.get("kolommen") or DEFAULT_COLUMNS[which]) if key in COLUMNS]
    rows = apply_filters(
        of_list(access, which, username=request.user.get_username(), teams=team_names(request.user)),
        form.filters(),
        today=timezone.localdate(),
    )
    found = page(rows, sort, size=size, after=request.GET.get("na", ""), before=request.GET.get("voor", ""))
    may_bulk = bulk.may_bulk(access) and which != Lijst.AFGEHANDELD
    headers = [
        {
            "key": key,
            "label": COLUMNS[key].label,
            "sort": COLUMNS[key].sort,
            "url": f"?{_query(request.GET, sorteer=_toggle(sort, COLUMNS[key].sort))}"
            if COLUMNS[key].sort
            else "",
            "aria_sort": ("descending" if sort.descending else "ascending")
            if COLUMNS[key].sort == sort.key
            else "",
        }
        for key in shown
    ]
    # once per page, not per row: the zaak's address and the checkbox's label differ only in it
    address = reverse("werkplek:zaak", args=[_PLACEHOLDER])
    choose = _("Kies zaak %(zaak)s")
    cells = [COLUMNS[key].cell for key in shown]
    table = [
        {
            "row": row,
            "url": address.replace(_PLACEHOLDER, str(row.uuid)),
            "choose": choose % {"zaak": row.identificatie},
            "cells": [cell(row) for cell in cells],
        }
        for row in found.rows
    ]
    context = {
        "lijst": which.value,
        "title": TITLES[which],
        "intro": INTROS[which],
        "form": form,
        "headers": headers,
        "table": table,
        "page": found,
        "next_url": f"?{_query(request.GET, na=found.next_cursor)}" if found.next_cursor else "",
        "previous_url": f"?{_query(request.GET, voor=found.previous_cursor)}"
        if found.previous_cursor
        else "",
        "first_url": f"?{_query(request.GET)}" if found.previous_cursor else "",
        "saved": SavedSearch.objects.filter(user__username=request.user.get_username(), lijst=which.value),
        "save_form": SaveSearchForm(),
        "current_query": _query(request.GET),
        "bulk_form": BulkForm(teams=teams, medewerkers=handlers) if may_bulk else None,
        "return_to": request.get_full_path(),
        "selected_columns": shown,
        "lists": [(item.value, TITLES[item]) for item in Lijst],
    }
    return render(request, "werkplek/lijsten/lijst.html", context)


def _toggle(sort: Sort, key: str) -> str:
    """A header's sort link: this column going up, or going down when it is going up now."""
    return f"-{key}" if sort.key == key and not sort.descending else key


def _back(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("terug", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


@login_required
@require_POST
def save_search(request: HttpRequest, lijst: str) -> HttpResponse:
    which = _lijst(lijst)
    form = SaveSearchForm(request.POST)
    target = reverse("werkplek:lijst", args=[which.value])
    query = QueryDict(request.POST.get("zoekopdracht", ""))
    if not form.is_valid():
        messages.error(
            request, _("Geef de zoekopdracht een naam (hoogstens 80 tekens); er is niets bewaard.")
        )
    else:
        SavedSearch.objects.update_or_create(
            user=request.user,
            lijst=which.value,
            name=form.cleaned_data["naam"],
            defaults={"query": _query(query)},
        )
        messages.success(request, _("De zoekopdracht is bewaard."))
    return HttpResponseRedirect(f"{target}?{_query(query)}")


@login_required
@require_POST
def delete_search(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(SavedSearch, pk=pk, user__username=request.user.get_username())
    found.delete()
    messages.success(request, _("De zoekopdracht is verwijderd."))
    return HttpResponseRedirect(reverse("werkplek:lijst", args=[found.lijst]))


@login_required
@require_POST
def bulk_view(request: HttpRequest) -> HttpResponse:
    access = access_for(request.user)
    back = _back(request, reverse("werkplek:lijst", args=[Lijst.WERKVOORRAAD.value]))
    if not bulk.may_bulk(access):
        raise Http404
    form = BulkForm(request.POST, teams=choices.teams(), medewerkers=choices.handlers())
    uuids = request.POST.getlist("zaak")
    if not uuids:
        messages.error(request, _("Kies eerst een of meer zaken; er is niets veranderd."))
        return HttpResponseRedirect(back)
    if not form.is_valid():
        problems = "; ".join(str(error) for errors in form.errors.values() for error in errors)
        messages.error(request, _("Er is niets veranderd: %(fouten)s") % {"fouten": problems})
        return HttpResponseRedirect(back)
    data = form.cleaned_data
    medewerker = None
    if data["wat"] == bulk.Wat.MEDEWERKER:
        person = User.objects.get(username=data["medewerker"])
        medewerker = assignment.Medewerker(
            person.username, person.last_name or person.username, person.first_name[:1]
        )
    opdracht = bulk.BulkOpdracht(bulk.Wat(data["wat"]), data["toelichting"], data["team"], medewerker)
    result = bulk.bulk(client_for(request.user), access, uuids, opdracht)
    if result.done:
        messages.success(
            request,
            _("Gedaan bij %(aantal)s zaak/zaken: %(zaken)s.")
            % {"aantal": len(result.done), "zaken": ", ".join(result.done)},
        )
    for name, reason in result.refused:
        messages.error(request, _("Niet bij %(zaak)s: %(reden)s.") % {"zaak": name, "reden": reason})
    return HttpResponseRedirect(back)
