"""The handling parameters pages, for a beheerder of the zaaktype: the default team, the maximum
verlenging, which roles may do which action, the tasks per status and the mail templates."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from zaakwerk.client import ClientError
from zaakwerk.web.roles import Role
from zaakwerk.werkplek import handling
from zaakwerk.werkplek.access import Access, access_for
from zaakwerk.werkplek.acties_forms import WerkplekForm
from zaakwerk.werkplek.handling import Actie
from zaakwerk.werkplek.models import MailTemplate, StatusTask
from zaakwerk.werkplek.tasks import kinds
from zaakwerk.werkplek.zgw import client_for

ROLE_CHOICES = [(role.value, role.label) for role in Role]


class ParametersForm(WerkplekForm):
    default_group = forms.CharField(
        label=gettext_lazy("Standaardteam"),
        required=False,
        max_length=24,
        help_text=gettext_lazy("Het team dat een nieuwe zaak van dit zaaktype krijgt."),
    )
    max_verlenging_dagen = forms.IntegerField(
        label=gettext_lazy("Maximale verlenging (dagen)"),
        required=False,
        min_value=1,
        max_value=3650,
        help_text=gettext_lazy("Leeg: de verlengingstermijn van het zaaktype."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for actie in Actie:
            self.fields[f"rechten_{actie.value}"] = forms.MultipleChoiceField(
                label=gettext_lazy("Wie mag: %(actie)s") % {"actie": actie.label},
                choices=ROLE_CHOICES,
                required=False,
                widget=forms.SelectMultiple(attrs={"size": len(ROLE_CHOICES)}),
            )


class StatusTaskForm(WerkplekForm):
    statustype_omschrijving = forms.ChoiceField(label=gettext_lazy("Bij status"))
    kind = forms.ChoiceField(label=gettext_lazy("Soort taak"))
    title = forms.CharField(label=gettext_lazy("Titel van de taak"), max_length=200)
    group = forms.CharField(
        label=gettext_lazy("Team"),
        required=False,
        max_length=150,
        help_text=gettext_lazy("Leeg: het standaardteam."),
    )
    due_days = forms.IntegerField(
        label=gettext_lazy("Termijn (dagen)"), min_value=1, max_value=365, initial=5
    )

    def __init__(self, *args: Any, statussen: list[str], **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "taak")
        super().__init__(*args, **kwargs)
        self.fields["statustype_omschrijving"].choices = [(name, name) for name in statussen]  # type: ignore[attr-defined]
        self.fields["kind"].choices = kinds()  # type: ignore[attr-defined]


class MailTemplateForm(WerkplekForm):
    name = forms.CharField(label=gettext_lazy("Naam van het sjabloon"), max_length=80)
    subject = forms.CharField(label=gettext_lazy("Onderwerp"), max_length=200)
    body = forms.CharField(
        label=gettext_lazy("Tekst"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy(
            "Invulvelden: {{ identificatie }}, {{ omschrijving }}, {{ status }}, {{ initiator }}, "
            "{{ einddatum_gepland }}, {{ medewerker }}."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "mail")
        super().__init__(*args, **kwargs)


def _beheert(access: Access, identificatie: str) -> bool:
    return access.may(Role.BEHEERDER, identificatie)


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    access = access_for(request.user)
    if access.zaaktypen(Role.BEHEERDER) == frozenset():
        raise PermissionDenied
    client = client_for(request.user)
    problem = ""
    zaaktypen: dict[str, str] = {}
    try:
        for zaaktype in client.catalogi.zaaktypen.list():
            if _beheert(access, zaaktype.identificatie):
                zaaktypen[zaaktype.identificatie] = zaaktype.omschrijving
    except ClientError:
        problem = _("De catalogus is nu niet bereikbaar.")
    rows = [
        {
            "identificatie": key,
            "omschrijving": value,
            "url": reverse("werkplek:behandelparameters-zaaktype", args=[key]),
        }
        for key, value in sorted(zaaktypen.items())
    ]
    return render(request, "werkplek/behandelparameters/overzicht.html", {"rows": rows, "problem": problem})


def _statussen(request: HttpRequest, identificatie: str) -> tuple[str, list[str]]:
    """The zaaktype's omschrijving and its statustypen's omschrijvingen (of every version)."""
    client = client_for(request.user)
    omschrijving = ""
    names: list[str] = []
    try:
        for zaaktype in client.catalogi.zaaktypen.list(identificatie=identificatie):
            omschrijving = zaaktype.omschrijving
            for statustype in sorted(
                client.catalogi.statustypen.list(zaaktype=zaaktype.url), key=lambda s: s.volgnummer
            ):
                if statustype.omschrijving not in names:
                    names.append(statustype.omschrijving)
    except ClientError:
        pass
    return omschrijving, names


@login_required
def edit(request: HttpRequest, identificatie: str) -> HttpResponse:
    access = access_for(request.user)
    if not access.may_see(identificatie):
        raise Http404
    if not _beheert(access, identificatie):
        raise PermissionDenied
    parameters = handling.parameters_for(identificatie)
    omschrijving, statussen = _statussen(request, identificatie)
    here = reverse("werkplek:behandelparameters-zaaktype", args=[identificatie])
    initial: dict[str, Any] = {
        "default_group": parameters.default_group,
        "max_verlenging_dagen": parameters.max_verlenging_dagen,
    }
    for actie in Actie:
        initial[f"rechten_{actie.value}"] = sorted(
            role.value for role in handling.roles_for(parameters, actie)
        )
    form = ParametersForm(initial=initial)
    task_form = StatusTaskForm(statussen=statussen)
    mail_form = MailTemplateForm()
    if request.method == "POST":
        what = request.POST.get("what", "")
        if what == "parameters":
            form = ParametersForm(request.POST)
            if form.is_valid():
                parameters.default_group = form.cleaned_data["default_group"]
                parameters.max_verlenging_dagen = form.cleaned_data["max_verlenging_dagen"]
                handling.set_permissions(
                    parameters,
                    {
                        actie: [Role(name) for name in form.cleaned_data[f"rechten_{actie.value}"]]
                        for actie in Actie
                    },
                )
                parameters.save()
                messages.success(request, _("De behandelparameters zijn opgeslagen."))
                return HttpResponseRedirect(here)
        elif what == "taak":
            task_form = StatusTaskForm(request.POST, statussen=statussen)
            if task_form.is_valid():
                parameters.save()
                StatusTask.objects.create(parameters=parameters, **task_form.cleaned_data)
                messages.success(request, _("De taak is toegevoegd."))
                return HttpResponseRedirect(here)
        elif what == "mail":
            mail_form = MailTemplateForm(request.POST)
            if mail_form.is_valid():
                parameters.save()
                MailTemplate.objects.create(parameters=parameters, **mail_form.cleaned_data)
                messages.success(request, _("Het e-mailsjabloon is toegevoegd."))
                return HttpResponseRedirect(here)
        elif what in ("taak-weg", "mail-weg") and parameters.pk is not None:
            model = StatusTask if what == "taak-weg" else MailTemplate
            model.objects.filter(parameters=parameters, pk=request.POST.get("pk", "0") or 0).delete()  # type: ignore[attr-defined]
            messages.success(request, _("Verwijderd."))
            return HttpResponseRedirect(here)
    context = {
        "identificatie": identificatie,
        "omschrijving": omschrijving,
        "form": form,
        "task_form": task_form,
        "mail_form": mail_form,
        "status_tasks": list(parameters.status_tasks.all()) if parameters.pk else [],
        "mail_templates": list(parameters.mail_templates.all()) if parameters.pk else [],
    }
    return render(request, "werkplek/behandelparameters/zaaktype.html", context, status=200)
