"""The Formulier tab: the loket's form of the zaaktype, edited without JavaScript. The tab holds the
settings, the steps, the rules, publishing and the versions; a step and a field have a page of
their own. Every change saves the whole definition as the form's concept (services.formulier)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from zaakwerk.beheer.formulier_forms import (
    FIELD_TYPES,
    InstellingenForm,
    NieuweStapForm,
    NieuwFormulierForm,
    NieuwVeldForm,
    RegelsForm,
    StapForm,
    VeldForm,
    as_json_text,
)
from zaakwerk.beheer.services import catalogus
from zaakwerk.beheer.services import formulier as service
from zaakwerk.beheer.services.catalogus import Json, Refused
from zaakwerk.beheer.views.common import beheer_view, client, tab_url, zaaktype_context, zaaktype_url
from zaakwerk.client import ZGWClient
from zaakwerk.formulieren.models import Formulier

TYPE_LABELS = dict(FIELD_TYPES)


@dataclass(frozen=True)
class VersionFacts:
    """What the form is checked against: the zaaktype version's eigenschappen and document types."""

    eigenschappen: list[str]
    documenttypen: list[str]


def facts(api: ZGWClient, found: Json) -> VersionFacts:
    eigenschappen = [str(item.get("naam")) for item in catalogus.subtypes(api, "eigenschappen", found)]
    listed = [str(value) for value in found.get("informatieobjecttypen") or []]
    names = catalogus.document_names(api, str(found["catalogus"])) if any("://" in v for v in listed) else {}
    return VersionFacts(eigenschappen, sorted({names.get(value, value) for value in listed}))


def _page_url(found: Json, *parts: str) -> str:
    base = tab_url(found, "formulier")
    return base + "".join(f"{part}/" for part in parts)


def _show_problems(form: forms.Form, problems: list[str], prefix: str, places: dict[str, str]) -> list[str]:
    """Put the check's problems at the form's fields; what has no field is returned for the page."""
    placed, rest = service.problems_at(problems, prefix) if prefix else ({}, list(problems))
    if not prefix:
        rest = []
        for problem in problems:
            where, _sep, text = problem.partition(": ")
            name = places.get(where) or places.get(where.split(".", 1)[0])
            if name and name in form.fields:
                form.add_error(name, text)
            else:
                rest.append(problem)
        return rest
    for name, texts in placed.items():
        target = places.get(name, name)
        for text in texts:
            if target in form.fields:
                form.add_error(target, text)
            else:
                rest.append(f"{prefix}{'.' + name if name else ''}: {text}")
    return rest


def _at_key(form: forms.Form, problems: list[str], kind: str, key: str, name: str) -> list[str]:
    """A key used twice (``veld 'x' komt meer dan eens voor``) is shown at the form's key field."""
    twice = f"{kind} {key!r} komt meer dan eens voor"
    for problem in problems:
        if problem == twice and name in form.fields:
            form.add_error(name, _("Deze sleutel komt al voor in het formulier."))
    return [problem for problem in problems if problem != twice]


def _rules_problems(form: RegelsForm, problems: list[str]) -> list[str]:
    """The rules' problems at the rules field; the others for the page."""
    for problem in problems:
        if problem.startswith("rules"):
            form.add_error("regels", problem)
    return [problem for problem in problems if not problem.startswith("rules")]


def _done(request: HttpRequest, url: str, text: str) -> HttpResponse:
    messages.success(request, text)
    return HttpResponseRedirect(url)


def _steps(data: dict[str, Any]) -> list[dict[str, Any]]:
    steps = data.get("steps", [])
    return [
        {
            "key": step.get("key"),
            "titel": step.get("titel"),
            "conditional": "show_if" in step,
            "fields": [
                {**item, "type_label": TYPE_LABELS.get(item.get("type"), item.get("type"))}
                for item in step.get("fields", [])
            ],
            "first": index == 0,
            "last": index == len(steps) - 1,
        }
        for index, step in enumerate(steps)
    ]


Handler = Callable[[], HttpResponse | None]


class _Actions:
    """A page whose POST says which of its forms was sent (``actie``); a method per form."""

    request: HttpRequest
    formulier: Formulier
    problems: list[str]

    def save(self, changed: dict[str, Any], what: str) -> None:
        service.save(self.request.user, self.formulier, changed, what)

    def handler(self, actie: str) -> Handler | None:
        """The method that handles ``actie``; None for an unknown one (the page is shown again)."""
        raise NotImplementedError

    def post(self) -> HttpResponse | None:
        """The redirect after a change, or None: show the page again, with its problems."""
        handler = self.handler(self.request.POST.get("actie", ""))
        if handler is None:
            return None
        try:
            return handler()
        except Refused as refusal:
            self.problems = [refusal.message, *(text for texts in refusal.fields.values() for text in texts)]
        except service.Invalid as exc:
            self.problems = exc.problems
        return None


class _Tab(_Actions):
    """The tab's forms and what a POST of one of them (``actie``) does with the definition."""

    def __init__(self, request: HttpRequest, found: Json, formulier: Formulier, known: VersionFacts) -> None:
        self.request, self.found, self.formulier, self.known = request, found, formulier, known
        self.data = service.working(formulier)
        self.keys = [item["key"] for step in self.data.get("steps", []) for item in step.get("fields", [])]
        self.settings_form = InstellingenForm(
            initial=InstellingenForm.initial_from(self.data),
            field_keys=self.keys,
            documenttypen=known.documenttypen,
        )
        self.step_form = NieuweStapForm()
        self.rules_form = RegelsForm(initial={"regels": as_json_text(self.data.get("rules"))})
        self.problems: list[str] = []

    def instellingen(self) -> HttpResponse | None:
        form = self.settings_form = InstellingenForm(
            self.request.POST, field_keys=self.keys, documenttypen=self.known.documenttypen
        )
        if not form.is_valid():
            return None
        try:
            self.save(service.set_settings(self.data, form.settings()), _("instellingen gewijzigd"))
        except service.Invalid as exc:
            self.problems = _show_problems(form, exc.problems, "", InstellingenForm.PLACES)
            return None
        return _done(self.request, _page_url(self.found), _("De instellingen zijn opgeslagen als concept."))

    def stap_toevoegen(self) -> HttpResponse | None:
        form = self.step_form = NieuweStapForm(self.request.POST)
        if not form.is_valid():
            return None
        key = form.cleaned_data["key"]
        try:
            self.save(service.add_step(self.data, form.step()), _("stap %(stap)s toegevoegd") % {"stap": key})
        except service.Invalid as exc:
            problems = _at_key(form, exc.problems, "stap", key, "key")
            problems = _at_key(form, problems, "veld", form.cleaned_data["veld_key"], "veld_key")
            where = f"steps.{len(self.data.get('steps', []))}"
            self.problems = _show_problems(form, problems, where, {"fields": "veld_key"})
            return None
        return _done(self.request, _page_url(self.found) + "#stappen", _("De stap is toegevoegd."))

    def stap_verplaatsen(self, actie: str) -> HttpResponse | None:
        key = self.request.POST.get("stap", "")
        if actie == "stap-weg":
            changed, what = service.remove_step(self.data, key), _("stap %(stap)s verwijderd")
        else:
            changed = service.move_step(self.data, key, -1 if actie == "stap-omhoog" else 1)
            what = _("stap %(stap)s verplaatst")
        try:
            self.save(changed, what % {"stap": key})
        except service.Invalid as exc:
            self.problems = [_("Dat kan niet:"), *exc.problems]
            return None
        return _done(self.request, _page_url(self.found) + "#stappen", _("De stappen zijn aangepast."))

    def regels(self) -> HttpResponse | None:
        form = self.rules_form = RegelsForm(self.request.POST)
        rules = form.rules() if form.is_valid() else None
        if rules is None:
            return None
        try:
            self.save(service.set_rules(self.data, rules), _("regels gewijzigd"))
        except service.Invalid as exc:
            self.problems = _rules_problems(form, exc.problems)
            return None
        return _done(self.request, _page_url(self.found) + "#regels", _("De regels zijn opgeslagen."))

    def publiceren(self) -> HttpResponse:
        fit = service.fit_problems(self.data, self.known.eigenschappen)
        published = service.publish(
            self.request.user, self.formulier, fit, zaaktype_url=str(self.found["url"])
        )
        text = _("Versie %(nummer)s is gepubliceerd.") % {"nummer": published.nummer}
        return _done(self.request, _page_url(self.found), text)

    def intrekken(self) -> HttpResponse:
        service.withdraw(self.request.user, self.formulier)
        return _done(self.request, _page_url(self.found), _("Het formulier is ingetrokken."))

    def handler(self, actie: str) -> Handler | None:
        if actie in ("stap-omhoog", "stap-omlaag", "stap-weg"):
            return partial(self.stap_verplaatsen, actie)
        found: dict[str, Handler] = {
            "instellingen": self.instellingen,
            "stap-toevoegen": self.stap_toevoegen,
            "regels": self.regels,
            "publiceren": self.publiceren,
            "intrekken": self.intrekken,
        }
        return found.get(actie)

    def render(self) -> HttpResponse:
        versions = service.versions(self.formulier)
        return render(
            self.request,
            "beheer/tabs/formulier.html",
            zaaktype_context(
                self.found,
                "formulier",
                formulier=self.formulier,
                data=self.data,
                steps=_steps(self.data),
                versions=versions,
                has_concept=any(versie.staat == "concept" for versie in versions),
                has_published=any(versie.staat == "gepubliceerd" for versie in versions),
                fit=service.fit_problems(self.data, self.known.eigenschappen),
                warnings=service.fit_warnings(self.data, self.known.documenttypen),
                settings_form=self.settings_form,
                step_form=self.step_form,
                rules_form=self.rules_form,
                problems=self.problems,
            ),
        )


def page(request: HttpRequest, api: ZGWClient, found: Json) -> HttpResponse:
    """The tab itself; POST ``actie`` says which of its forms was sent."""
    formulier = service.of_zaaktype(found)
    if formulier is None:
        return _new(request, found)
    tab = _Tab(request, found, formulier, facts(api, found))
    if request.method == "POST":
        done = tab.post()
        if done is not None:
            return done
    return tab.render()


def _new(request: HttpRequest, found: Json) -> HttpResponse:
    form = NieuwFormulierForm(initial={"titel": found.get("omschrijving")})
    problems: list[str] = []
    if request.method == "POST" and request.POST.get("actie") == "aanmaken":
        form = NieuwFormulierForm(request.POST)
        if form.is_valid():
            try:
                service.create(request.user, found, form.cleaned_data["slug"], form.cleaned_data["titel"])
            except Refused as refusal:
                problems = [refusal.message]
                for text in refusal.fields.get("slug", []):
                    form.add_error("slug", text)
            else:
                return _done(request, _page_url(found), _("Het formulier is aangemaakt als concept."))
    return render(
        request,
        "beheer/tabs/formulier_nieuw.html",
        zaaktype_context(found, "formulier", form=form, problems=problems),
    )


def _load(request: HttpRequest, uuid: UUID) -> tuple[ZGWClient, Json, Formulier]:
    api = client(request)
    found = catalogus.read(api, "zaaktypen", zaaktype_url(api, str(uuid)))
    formulier = service.of_zaaktype(found)
    if formulier is None:
        raise Http404
    return api, found, formulier


class _StapPage(_Actions):
    """A step's page: its settings form and its fields; what a POST (``actie``) does with them."""

    def __init__(self, request: HttpRequest, found: Json, formulier: Formulier, step: str) -> None:
        self.request, self.found, self.formulier, self.step = request, found, formulier, step
        self.data = service.working(formulier)
        current = next((item for item in self.data.get("steps", []) if item.get("key") == step), None)
        if current is None:
            raise Http404
        self.current: dict[str, Any] = current
        self.form = StapForm(initial=StapForm.initial_from(current))
        self.field_form = NieuwVeldForm()
        self.problems: list[str] = []

    def instellingen(self) -> HttpResponse | None:
        form = self.form = StapForm(self.request.POST)
        values = form.values() if form.is_valid() else None
        if values is None:
            return None
        try:
            self.save(
                service.update_step(self.data, self.step, values),
                _("stap %(stap)s gewijzigd") % {"stap": self.step},
            )
        except service.Invalid as exc:
            problems = _at_key(form, exc.problems, "stap", values["key"], "key")
            self.problems = _show_problems(form, problems, service.step_path(self.data, self.step), {})
            return None
        url = _page_url(self.found, "stappen", values["key"])
        return _done(self.request, url, _("De stap is opgeslagen."))

    def veld_toevoegen(self) -> HttpResponse | None:
        form = self.field_form = NieuwVeldForm(self.request.POST)
        if not form.is_valid():
            return None
        key = form.cleaned_data["key"]
        try:
            self.save(
                service.add_field(self.data, self.step, form.item()),
                _("veld %(veld)s toegevoegd") % {"veld": key},
            )
        except service.Invalid as exc:
            self.problems = _at_key(form, exc.problems, "veld", key, "key")
            return None
        url = _page_url(self.found, "stappen", self.step, "velden", key)
        return _done(self.request, url, _("Het veld is toegevoegd; vul de opties in."))

    def veld_verplaatsen(self, actie: str) -> HttpResponse | None:
        key = self.request.POST.get("veld", "")
        if actie == "veld-weg":
            changed, what = service.remove_field(self.data, self.step, key), _("veld %(veld)s verwijderd")
        else:
            changed = service.move_field(self.data, self.step, key, -1 if actie == "veld-omhoog" else 1)
            what = _("veld %(veld)s verplaatst")
        try:
            self.save(changed, what % {"veld": key})
        except service.Invalid as exc:
            self.problems = [_("Dat kan niet:"), *exc.problems]
            return None
        url = _page_url(self.found, "stappen", self.step) + "#velden"
        return _done(self.request, url, _("De velden zijn aangepast."))

    def handler(self, actie: str) -> Handler | None:
        if actie in ("veld-omhoog", "veld-omlaag", "veld-weg"):
            return partial(self.veld_verplaatsen, actie)
        found: dict[str, Handler] = {"stap": self.instellingen, "veld-toevoegen": self.veld_toevoegen}
        return found.get(actie)

    def render(self) -> HttpResponse:
        return render(
            self.request,
            "beheer/formulier_stap.html",
            zaaktype_context(
                self.found,
                "formulier",
                formulier=self.formulier,
                step=_steps({"steps": [self.current]})[0],
                form=self.form,
                field_form=self.field_form,
                problems=self.problems,
            ),
        )


@beheer_view
def stap(request: HttpRequest, uuid: UUID, step: str) -> HttpResponse:
    """A step: its settings and its fields (add, move, remove)."""
    _api, found, formulier = _load(request, uuid)
    page_ = _StapPage(request, found, formulier, step)
    if request.method == "POST":
        done = page_.post()
        if done is not None:
            return done
    return page_.render()


@beheer_view
def veld(request: HttpRequest, uuid: UUID, step: str, field: str) -> HttpResponse:
    """One field with the options of its type."""
    api, found, formulier = _load(request, uuid)
    data = service.working(formulier)
    current_step = next((item for item in data.get("steps", []) if item.get("key") == step), None)
    item = next(
        (entry for entry in (current_step or {}).get("fields", []) if entry.get("key") == field), None
    )
    if current_step is None or item is None:
        raise Http404
    known = facts(api, found)
    kind = str(item.get("type"))

    def veld_form(*args: Any) -> VeldForm:
        return VeldForm(
            *args,
            initial=VeldForm.initial_from(item),
            kind=kind,
            eigenschappen=known.eigenschappen,
            documenttypen=known.documenttypen,
        )

    form = veld_form()
    problems: list[str] = []
    if request.method == "POST":
        form = veld_form(request.POST)
        new = form.item() if form.is_valid() else None
        if new is not None:
            try:
                service.save(
                    request.user,
                    formulier,
                    service.update_field(data, step, field, new),
                    _("veld %(veld)s gewijzigd") % {"veld": field},
                )
            except service.Invalid as exc:
                problems = _show_problems(
                    form,
                    _at_key(form, exc.problems, "veld", new["key"], "key"),
                    service.field_path(data, step, field),
                    {},
                )
            else:
                return _done(
                    request,
                    _page_url(found, "stappen", step, "velden", new["key"]),
                    _("Het veld is opgeslagen."),
                )
    return render(
        request,
        "beheer/formulier_veld.html",
        zaaktype_context(
            found,
            "formulier",
            formulier=formulier,
            step=current_step,
            item=item,
            type_label=TYPE_LABELS.get(item.get("type"), item.get("type")),
            form=form,
            problems=problems,
        ),
    )


def tab_link(found: Json) -> str:
    return reverse("beheer:zaaktype-tab", args=[catalogus.uuid_of(str(found["url"])), "formulier"])
