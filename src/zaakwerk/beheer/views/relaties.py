"""The zaaktype's relations (documents, besluittypen, deelzaaktypen, related zaaktypen) and the
werkplek's handling parameters, each on a tab of the zaaktype's page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _

from zaakwerk.beheer.forms import (
    GerelateerdZaaktypeForm,
    InformatieobjecttypeRelatieForm,
    RelatiesForm,
    show_refusal,
)
from zaakwerk.beheer.services import catalogus, editor
from zaakwerk.beheer.services import handling as handling_service
from zaakwerk.beheer.services.catalogus import Json, Refused, every
from zaakwerk.beheer.views.common import tab_url, zaaktype_context
from zaakwerk.client import ZGWClient
from zaakwerk.werkplek.handling_views import MailTemplateForm, ParametersForm, StatusTaskForm


def _names(items: list[Json], key: str) -> list[str]:
    return sorted({str(item.get(key)) for item in items if item.get(key)}, key=str.lower)


def _refusal_lines(refusal: Refused) -> list[str]:
    return [refusal.message, *[f"{key}: {', '.join(value)}" for key, value in refusal.fields.items()]]


def documenten(request: HttpRequest, api: ZGWClient, found: Json) -> HttpResponse:
    """The informatieobjecttypen of the zaaktype, with richting, volgnummer and statustype."""
    document_urls = catalogus.document_names(api, str(found["catalogus"]))
    names = sorted(set(document_urls.values()), key=str.lower)
    statustypen = catalogus.subtypes(api, "statustypen", found)
    relaties = [
        {**item, "informatieobjecttype": catalogus.document_name(item, document_urls)}
        for item in catalogus.subtypes(api, "informatieobjecttypen", str(found["url"]))
    ]
    status_choices = [(str(item["url"]), str(item.get("omschrijving"))) for item in statustypen]
    form = InformatieobjecttypeRelatieForm(
        documenten=names,
        statustypen=status_choices,
        initial={"volgnummer": editor.next_volgnummer(relaties), "richting": "inkomend"},
    )
    problems: list[str] = []
    if request.method == "POST":
        what = request.POST.get("wat", "")
        try:
            if what == "document":
                form = InformatieobjecttypeRelatieForm(
                    request.POST, documenten=names, statustypen=status_choices
                )
                if form.is_valid():
                    try:
                        editor.create_subtype(api, request.user, found, "informatieobjecttypen", form.body())
                    except Refused as refusal:
                        problems = [refusal.message, *show_refusal(form, refusal)]
                    else:
                        return _done(
                            request, found, _("Het informatieobjecttype is gekoppeld."), "documenten"
                        )
            elif what == "document-weg":
                item = editor.find(api, "informatieobjecttypen", found, request.POST.get("uuid", ""))
                item["informatieobjecttype"] = catalogus.document_name(item, document_urls)
                editor.delete_subtype(api, request.user, found, "informatieobjecttypen", item)
                return _done(request, found, _("De koppeling is verwijderd."), "documenten")
        except Refused as refusal:
            problems = _refusal_lines(refusal)
    statussen = dict(status_choices)
    context = zaaktype_context(
        found,
        "documenten",
        relaties=[
            {
                **item,
                "uuid": catalogus.uuid_of(str(item["url"])),
                "status": statussen.get(str(item.get("statustype") or ""), ""),
            }
            for item in relaties
        ],
        relatie_form=form,
        problems=problems,
    )
    return render(request, "beheer/tabs/documenten.html", context)


def page(request: HttpRequest, api: ZGWClient, found: Json) -> HttpResponse:
    """Besluittypen, deelzaaktypen and gerelateerde zaaktypen. A published version shows them
    without the lists that only the forms need."""
    concept = bool(found.get("concept"))
    params = {"catalogus": str(found["catalogus"]), "status": "alles"}
    besluiten = _names(every(api.catalogi.besluittypen.list(**params)), "omschrijving") if concept else []
    others: list[Json] = []
    if concept or found.get("gerelateerdeZaaktypen"):
        others = [
            item
            for item in every(api.catalogi.zaaktypen.list(**params))
            if item.get("identificatie") != found.get("identificatie")
        ]
    relaties_form = RelatiesForm(
        besluittypen=besluiten,
        zaaktypen=_names(others, "identificatie"),
        initial={
            "besluittypen": list(found.get("besluittypeOmschrijving") or []),
            "deelzaaktypen": list(found.get("deelzaaktypeIdentificaties") or []),
        },
    )
    related_choices = [
        (
            str(item["url"]),
            f"{item.get('identificatie')} — {item.get('omschrijving')} ({item.get('beginGeldigheid')})",
        )
        for item in others
    ]
    gerelateerd_form = GerelateerdZaaktypeForm(zaaktypen=related_choices)
    problems: list[str] = []
    if request.method == "POST":
        what = request.POST.get("wat", "")
        try:
            if what == "relaties":
                relaties_form = RelatiesForm(
                    request.POST, besluittypen=besluiten, zaaktypen=_names(others, "identificatie")
                )
                if relaties_form.is_valid():
                    changes = {
                        "besluittypen": relaties_form.cleaned_data["besluittypen"],
                        "deelzaaktypen": relaties_form.cleaned_data["deelzaaktypen"],
                    }
                    current = {
                        "besluittypen": list(found.get("besluittypeOmschrijving") or []),
                        "deelzaaktypen": list(found.get("deelzaaktypeIdentificaties") or []),
                    }
                    try:
                        editor.update_zaaktype(api, request.user, {**found, **current}, changes)
                    except Refused as refusal:
                        problems = [refusal.message, *show_refusal(relaties_form, refusal)]
                    else:
                        return _done(request, found, _("De relaties zijn opgeslagen."))
            elif what == "gerelateerd":
                gerelateerd_form = GerelateerdZaaktypeForm(request.POST, zaaktypen=related_choices)
                if gerelateerd_form.is_valid():
                    current_list = list(found.get("gerelateerdeZaaktypen") or [])
                    new = [*current_list, gerelateerd_form.body()]
                    try:
                        editor.update_zaaktype(api, request.user, found, {"gerelateerdeZaaktypen": new})
                    except Refused as refusal:
                        problems = [refusal.message, *show_refusal(gerelateerd_form, refusal)]
                    else:
                        return _done(request, found, _("Het gerelateerde zaaktype is toegevoegd."))
            elif what == "gerelateerd-weg":
                index = int(request.POST.get("index", "-1") or -1)
                current_list = list(found.get("gerelateerdeZaaktypen") or [])
                if 0 <= index < len(current_list):
                    del current_list[index]
                    editor.update_zaaktype(api, request.user, found, {"gerelateerdeZaaktypen": current_list})
                return _done(request, found, _("De relatie is verwijderd."))
        except Refused as refusal:
            problems = _refusal_lines(refusal)
    names = dict(related_choices)
    context = zaaktype_context(
        found,
        "relaties",
        relaties_form=relaties_form,
        gerelateerd_form=gerelateerd_form,
        gerelateerd=[
            {**item, "naam": names.get(str(item.get("zaaktype")), item.get("zaaktype")), "index": index}
            for index, item in enumerate(found.get("gerelateerdeZaaktypen") or [])
            if isinstance(item, dict)
        ],
        problems=problems,
    )
    return render(request, "beheer/tabs/relaties.html", context)


def _done(request: HttpRequest, found: Json, text: str, tab: str = "relaties") -> HttpResponse:
    messages.success(request, text)
    return HttpResponseRedirect(tab_url(found, tab))


def behandeling(request: HttpRequest, api: ZGWClient, found: Json) -> HttpResponse:
    """The werkplek's handling parameters; they hold for every version of the identificatie."""
    identificatie = str(found.get("identificatie"))
    parameters = handling_service.current(identificatie)
    statussen = [str(item.get("omschrijving")) for item in catalogus.subtypes(api, "statustypen", found)]
    form = ParametersForm(initial=handling_service.initial(parameters))
    task_form = StatusTaskForm(statussen=statussen)
    mail_form = MailTemplateForm()
    if request.method == "POST":
        what = request.POST.get("wat", "")
        if what == "parameters":
            form = ParametersForm(request.POST)
            if form.is_valid():
                handling_service.save(request.user, identificatie, form.cleaned_data)
                return _done(request, found, _("De behandelparameters zijn opgeslagen."), "behandeling")
        elif what == "taak":
            task_form = StatusTaskForm(request.POST, statussen=statussen)
            if task_form.is_valid():
                handling_service.add_task(request.user, identificatie, task_form.cleaned_data)
                return _done(request, found, _("De taak is toegevoegd."), "behandeling")
        elif what == "mail":
            mail_form = MailTemplateForm(request.POST)
            if mail_form.is_valid():
                handling_service.add_mail(request.user, identificatie, mail_form.cleaned_data)
                return _done(request, found, _("Het e-mailsjabloon is toegevoegd."), "behandeling")
        elif what in ("taak-weg", "mail-weg"):
            pk = int(request.POST.get("pk", "0") or 0)
            handling_service.remove(request.user, identificatie, what.removesuffix("-weg"), pk)
            return _done(request, found, _("Verwijderd."), "behandeling")
    parameters = handling_service.current(identificatie)
    context: dict[str, Any] = zaaktype_context(
        found,
        "behandeling",
        form=form,
        task_form=task_form,
        mail_form=mail_form,
        status_tasks=list(parameters.status_tasks.all()) if parameters.pk else [],
        mail_templates=list(parameters.mail_templates.all()) if parameters.pk else [],
    )
    return render(request, "beheer/tabs/behandeling.html", context)
