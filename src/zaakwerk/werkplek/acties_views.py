"""The action pages: ``/werkplek/zaken/<uuid>/acties/<actie>/``.

GET shows the form with the zaak's identificatie, omschrijving and status; POST performs the
action through the services and goes back to the zaak page. Every page first checks the user's
access (docs/adr/0054): no role on the zaaktype is a 404, a role that may not do this action a
403. What the services refuse is shown on the page, and nothing has changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser, Group, User
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

from zaakwerk.client import ClientError, HTTPStatusError, ZGWClient, models
from zaakwerk.web.roles import Role
from zaakwerk.werkplek import acties_forms as f
from zaakwerk.werkplek import tasks
from zaakwerk.werkplek.access import Access, access_for
from zaakwerk.werkplek.handling import Actie, parameters_for, permitted
from zaakwerk.werkplek.models import MailTemplate
from zaakwerk.werkplek.services import acties, assignment, besluiten, email
from zaakwerk.werkplek.services.acties import ActieError, ZaakState
from zaakwerk.werkplek.services.documenten import Upload
from zaakwerk.werkplek.zgw import client_for, display_name

User_ = AbstractBaseUser | AnonymousUser


def zaak_page_url(uuid: str) -> str:
    """The zaak page (``werkplek:zaak``), by its path when that page is not there."""
    return f"{reverse('werkplek:home')}zaken/{uuid}/"


def actie_url(uuid: str, actie: Actie) -> str:
    return reverse("werkplek:actie", kwargs={"uuid": uuid, "actie": actie.value})


@dataclass(frozen=True)
class Door:
    """A zaak the user may see, read just now, with the user's client and access."""

    client: ZGWClient
    state: ZaakState
    access: Access
    uuid: str

    @property
    def identificatie(self) -> str:
        return self.state.zaaktype.identificatie


def open_door(user: User_, uuid: str, actie: Actie | None) -> Door:
    """The zaak for ``user``: 404 when it does not exist or the user has no role on its zaaktype,
    403 when the user may not do ``actie``."""
    access = access_for(user)
    if not access.any_role:
        raise Http404
    client = client_for(user)
    try:
        state = acties.load(client, acties.zaak_url(client, uuid))
    except HTTPStatusError as exc:
        if exc.status in (403, 404):
            raise Http404 from exc
        raise
    if not access.may_see(state.zaaktype.identificatie):
        raise Http404
    if actie is not None and not permitted(access, state.zaaktype.identificatie, actie):
        raise PermissionDenied
    return Door(client, state, access, uuid)


@dataclass(frozen=True)
class ActionLink:
    actie: Actie
    label: str
    url: str


def _offered(door: Door, actie: Actie) -> bool:
    state = door.state
    if actie is Actie.HEROPENEN:
        return state.closed
    if state.closed:
        return False
    return {
        Actie.STATUS: bool(state.next_statustypen()),
        Actie.OPSCHORTEN: state.zaaktype.opschorting_en_aanhouding_mogelijk and not state.suspended,
        Actie.HERVATTEN: state.suspended,
        Actie.VERLENGEN: state.zaaktype.verlenging_mogelijk and not state.extended,
        Actie.BESLUIT: bool(state.zaaktype.besluittypen),
        Actie.AFSLUITEN: not state.suspended,
        Actie.EMAIL: parameters_for(door.identificatie).pk is not None
        and parameters_for(door.identificatie).mail_templates.exists(),
    }.get(actie, True)


def available_actions(user: User_, zaak: models.Zaak | ZaakState | str) -> list[ActionLink]:
    """The actions ``user`` may do on the zaak now (label and URL), for the zaak page.

    ``zaak``: the zaak, its state (:func:`acties.load`) or its UUID."""
    if isinstance(zaak, str):
        uuid = zaak
    else:
        found = zaak.zaak if isinstance(zaak, ZaakState) else zaak
        uuid = found.uuid or found.url.rstrip("/").rsplit("/", 1)[-1]
    if isinstance(zaak, ZaakState):  # read just now by the caller: no need to read it again
        access = access_for(user)
        if not access.may_see(zaak.zaaktype.identificatie):
            return []
        door = Door(client_for(user), zaak, access, uuid)
    else:
        try:
            door = open_door(user, uuid, None)
        except Http404:
            return []
    return [
        ActionLink(actie, str(actie.label), actie_url(uuid, actie))
        for actie in Actie
        if permitted(door.access, door.identificatie, actie) and _offered(door, actie)
    ]


# --- choices ------------------------------------------------------------------------------------


def _medewerkers(identificatie: str) -> list[tuple[str, str]]:
    """Staff who may handle zaken of the zaaktype (by role group or grant)."""
    roles = [Role.BEHANDELAAR.value, Role.COORDINATOR.value]
    users = (
        User.objects.filter(is_active=True)
        .filter(
            Q(groups__name__in=roles)
            | Q(
                groups__werkplek_grants__role__in=roles,
                groups__werkplek_grants__zaaktype_identificatie__in=[identificatie, ""],
            )
        )
        .distinct()
        .order_by("last_name", "username")
    )
    return [(user.username, f"{display_name(user)} ({user.username})") for user in users]


def _teams(user: User_, identificatie: str) -> list[tuple[str, str]]:
    roles = {role.value for role in Role}
    names = set(Group.objects.exclude(name__in=roles).values_list("name", flat=True))
    default = parameters_for(identificatie).default_group
    if default:
        names.add(default)
    return [(name, name) for name in sorted(names) if len(name) <= 24]


# --- the actions --------------------------------------------------------------------------------

Handler = Callable[[HttpRequest, Door, forms.Form], str]


@dataclass(frozen=True)
class Spec:
    form: Callable[[HttpRequest, Door, dict[str, Any] | None], forms.Form]
    perform: Handler
    intro: Promise | str = ""


def _reason_form(required: bool = True, label: Any = None) -> Callable[..., forms.Form]:
    def build(request: HttpRequest, door: Door, data: dict[str, Any] | None) -> forms.Form:
        return f.ReasonForm(data, required=required, label=label)

    return build


def _status_form(request: HttpRequest, door: Door, data: dict[str, Any] | None) -> forms.Form:
    return f.StatusForm(
        data, statustypen=[(item.url, item.omschrijving) for item in door.state.next_statustypen()]
    )


def _do_status(request: HttpRequest, door: Door, form: forms.Form) -> str:
    by = request.user.get_username()
    problems: list[str] = []

    def start_tasks(state: ZaakState, statustype: models.StatusType, status: models.Status) -> None:
        problems.extend(
            tasks.start_status_tasks(door.client, state, statustype, by=by, status_url=status.url)[1]
        )

    acties.set_status(
        door.client,
        door.state.zaak.url,
        form.cleaned_data["statustype"],
        toelichting=form.cleaned_data["toelichting"],
        on_status=start_tasks,
    )
    for problem in problems:
        messages.warning(request, problem)
    return _("De status is gezet.")


def _do_opschorten(request: HttpRequest, door: Door, form: forms.Form) -> str:
    acties.opschorten(door.client, door.state.zaak.url, reden=form.cleaned_data["reden"])
    return _("De zaak is opgeschort.")


def _do_hervatten(request: HttpRequest, door: Door, form: forms.Form) -> str:
    days = acties.hervatten(door.client, door.state.zaak.url, toelichting=form.cleaned_data["reden"])
    return _("De zaak is hervat; de einddatums zijn %(dagen)d dagen opgeschoven.") % {"dagen": days}


def _verlengen_form(request: HttpRequest, door: Door, data: dict[str, Any] | None) -> forms.Form:
    limit = acties.max_verlenging(
        door.state.zaaktype, parameters_for(door.identificatie).max_verlenging_dagen
    )
    return f.VerlengenForm(data, maximum=limit)


def _do_verlengen(request: HttpRequest, door: Door, form: forms.Form) -> str:
    acties.verlengen(
        door.client,
        door.state.zaak.url,
        dagen=form.cleaned_data["dagen"],
        reden=form.cleaned_data["reden"],
        max_dagen=parameters_for(door.identificatie).max_verlenging_dagen,
    )
    return _("De zaak is verlengd.")


def _toekennen_form(request: HttpRequest, door: Door, data: dict[str, Any] | None) -> forms.Form:
    return f.ToekennenForm(
        data, teams=_teams(request.user, door.identificatie), medewerkers=_medewerkers(door.identificatie)
    )


def _guard_open(door: Door) -> ZaakState:
    state = acties.load(door.client, door.state.zaak.url)
    if state.closed:
        raise ActieError(_("De zaak is inmiddels afgesloten; er is niets veranderd."))
    return state


def _do_toekennen(request: HttpRequest, door: Door, form: forms.Form) -> str:
    state = _guard_open(door)
    reason = form.cleaned_data["toelichting"]
    try:
        if form.cleaned_data["team"]:
            assignment.assign_to_team(door.client, state.zaak, form.cleaned_data["team"], toelichting=reason)
        if form.cleaned_data["medewerker"]:
            person = User.objects.get(username=form.cleaned_data["medewerker"])
            assignment.assign_to_medewerker(
                door.client,
                state.zaak,
                assignment.Medewerker(
                    person.username, person.last_name or person.username, person.first_name[:1]
                ),
                toelichting=reason,
            )
    except assignment.AssignmentError as exc:
        raise ActieError(
            _(
                "Zaken van dit zaaktype kunnen niet worden toegekend: het zaaktype heeft geen roltype "
                "behandelaar."
            )
        ) from exc
    return _("De zaak is toegekend.")


def _do_vrijgeven(request: HttpRequest, door: Door, form: forms.Form) -> str:
    state = _guard_open(door)
    if not assignment.release(door.client, state.zaak, toelichting=form.cleaned_data["reden"]):
        raise ActieError(_("De zaak heeft geen behandelaar om vrij te geven."))
    return _("De zaak is vrijgegeven.")


def _afsluiten_form(request: HttpRequest, door: Door, data: dict[str, Any] | None) -> forms.Form:
    choices = [(item.url, item.omschrijving) for item in acties.resultaattypen(door.client, door.state)]
    return f.AfsluitenForm(data, resultaattypen=choices)


def _do_afsluiten(request: HttpRequest, door: Door, form: forms.Form) -> str:
    acties.afsluiten(
        door.client,
        door.state.zaak.url,
        resultaattype_url=form.cleaned_data["resultaattype"],
        toelichting=form.cleaned_data["toelichting"],
    )
    return _("De zaak is afgesloten.")


def _do_heropenen(request: HttpRequest, door: Door, form: forms.Form) -> str:
    acties.heropenen(door.client, door.state.zaak.url, reden=form.cleaned_data["reden"])
    return _("De zaak is heropend.")


def _besluit_form(request: HttpRequest, door: Door, data: dict[str, Any] | None) -> forms.Form:
    choices = [(item.url, item.omschrijving) for item in besluiten.besluittypen(door.client, door.state)]
    return f.BesluitForm(data, request.FILES if data is not None else None, besluittypen=choices)


def _do_besluit(request: HttpRequest, door: Door, form: forms.Form) -> str:
    upload = form.cleaned_data["document"]
    besluiten.vastleggen(
        door.client,
        door.state.zaak.url,
        besluittype_url=form.cleaned_data["besluittype"],
        datum=form.cleaned_data["datum"],
        ingangsdatum=form.cleaned_data["ingangsdatum"],
        toelichting=form.cleaned_data["toelichting"],
        document=Upload(
            naam=upload.name or "document",
            content=upload.read(),
            content_type=upload.content_type or "application/octet-stream",
        ),
        auteur=display_name(request.user),
    )
    return _("Het besluit is vastgelegd.")


def _templates(door: Door) -> list[MailTemplate]:
    parameters = parameters_for(door.identificatie)
    return list(parameters.mail_templates.all()) if parameters.pk is not None else []


def _email_form(request: HttpRequest, door: Door, data: dict[str, Any] | None) -> forms.Form:
    return f.EmailForm(data, sjablonen=[(str(item.pk), item.name) for item in _templates(door)])


def _do_email(request: HttpRequest, door: Door, form: forms.Form) -> str:
    template = next(item for item in _templates(door) if str(item.pk) == form.cleaned_data["sjabloon"])
    message = email.send(door.client, door.state.zaak.url, template, medewerker=display_name(request.user))
    return _("De e-mail is verstuurd aan %(adres)s en bij de zaak opgeslagen.") % {
        "adres": ", ".join(message.to)
    }


def _taak_form(request: HttpRequest, door: Door, data: dict[str, Any] | None) -> forms.Form:
    roles = [role.value for role in Role]
    teams = [(str(group.pk), group.name) for group in Group.objects.exclude(name__in=roles).order_by("name")]
    people = User.objects.filter(is_active=True).order_by("last_name", "username")
    medewerkers = [(str(user.pk), f"{display_name(user)} ({user.username})") for user in people]
    return f.TaakForm(data, teams=teams, medewerkers=medewerkers)


def _do_taak(request: HttpRequest, door: Door, form: forms.Form) -> str:
    data = form.cleaned_data
    tasks.start_task(
        door.client,
        acties.load(door.client, door.state.zaak.url),
        kind=data["kind"],
        title=data["title"],
        description=data["description"],
        by=request.user.get_username(),
        assignee_user=User.objects.filter(pk=data["medewerker"]).first() if data["medewerker"] else None,
        assignee_group=Group.objects.filter(pk=data["team"]).first() if data["team"] else None,
        due_date=data["due_date"],
    )
    return _("De taak is uitgezet.")


SPECS: dict[Actie, Spec] = {
    Actie.STATUS: Spec(_status_form, _do_status),
    Actie.OPSCHORTEN: Spec(_reason_form(), _do_opschorten),
    Actie.HERVATTEN: Spec(_reason_form(required=False, label=_("Toelichting")), _do_hervatten),
    Actie.VERLENGEN: Spec(_verlengen_form, _do_verlengen),
    Actie.TOEKENNEN: Spec(_toekennen_form, _do_toekennen),
    Actie.VRIJGEVEN: Spec(_reason_form(), _do_vrijgeven),
    Actie.BESLUIT: Spec(_besluit_form, _do_besluit),
    Actie.AFSLUITEN: Spec(_afsluiten_form, _do_afsluiten),
    Actie.HEROPENEN: Spec(_reason_form(), _do_heropenen),
    Actie.EMAIL: Spec(_email_form, _do_email),
    Actie.TAAK: Spec(_taak_form, _do_taak),
}


def _next(request: HttpRequest) -> str:
    """Where to go after the action: a werkplek page the user came from (``next``), else ''."""
    wanted = str(request.POST.get("next") or request.GET.get("next") or "")
    home = reverse("werkplek:home")
    if wanted.startswith(home) and url_has_allowed_host_and_scheme(wanted, allowed_hosts=None):
        return wanted
    return ""


@login_required
def overview(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The actions the user may do on the zaak now, each a link to its page."""
    door = open_door(request.user, str(uuid), None)
    here = request.path
    links = [
        ActionLink(link.actie, link.label, f"{link.url}?{urlencode({'next': here})}")
        for link in available_actions(request.user, door.state)
    ]
    context = {
        "zaak": door.state.zaak,
        "status": door.state.status,
        "links": links,
        "zaak_url": zaak_page_url(door.uuid),
        "tasks_url": reverse("werkplek:zaak-taken", args=[door.uuid]),
    }
    return render(request, "werkplek/acties/overzicht.html", context)


@login_required
def actie(request: HttpRequest, uuid: UUID, actie: str) -> HttpResponse:
    try:
        chosen = Actie(actie)
    except ValueError as exc:
        raise Http404 from exc
    door = open_door(request.user, str(uuid), chosen)
    spec = SPECS[chosen]
    problem = ""
    if request.method == "POST":
        form = spec.form(request, door, request.POST)
        if form.is_valid():
            try:
                done = spec.perform(request, door, form)
            except ActieError as exc:
                problem = exc.message
            except HTTPStatusError as exc:
                problem = _("Het register weigerde de wijziging: %(reden)s") % {
                    "reden": acties.api_message(exc)
                }
            except ClientError:
                problem = _(
                    "Het register is nu niet bereikbaar; er is niets veranderd. Probeer het later opnieuw."
                )
            else:
                messages.success(request, done)
                return HttpResponseRedirect(_next(request) or zaak_page_url(door.uuid))
    else:
        form = spec.form(request, door, None)
    context = {
        "actie": chosen,
        "door": door,
        "zaak": door.state.zaak,
        "status": door.state.status,
        "form": form,
        "problem": problem,
        "zaak_url": zaak_page_url(door.uuid),
        "next": _next(request),
    }
    return render(request, "werkplek/acties/actie.html", context)
