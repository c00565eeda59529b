"""The resident's pages of a form: the list, a start page, one page per step, the summary and the
confirmation. They parse and render; the services in ``services/`` decide (docs/formulieren.md)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from zaakwerk.formulieren import definition as definitions
from zaakwerk.formulieren.models import Formulier, Inzending, Versie
from zaakwerk.formulieren.services import concepten, indienen, velden
from zaakwerk.formulieren.services.registratie import RegistrationRefused
from zaakwerk.loket import identity


def _session_key(request: HttpRequest) -> str:
    if not request.session.session_key:
        request.session.save()
    return str(request.session.session_key)


def _login_url() -> str:
    try:
        return reverse("loket:login")
    except NoReverseMatch:
        return "/loket/"


@dataclass(frozen=True)
class FieldView:
    """One field as the step template shows it."""

    item: definitions.Field
    id: str
    value: Any
    text: str  # the value as typed in a text input
    error: str
    described_by: str
    bijlage: str = ""  # the name of the file already attached
    computed: bool = False  # the form's rules give its value: shown, not typed

    @property
    def first_control(self) -> str:
        """The id of the field's first control, where the error summary's link leads."""
        part = {"postcode": "-postcode", "location": "-lat", "choice": "-0"}.get(self.item.type, "")
        return self.id + part


def _as_text(item: definitions.Field, value: Any) -> str:
    if value is None or isinstance(value, dict | bool):
        return ""
    if item.type == "number" and isinstance(value, float):
        return str(value).replace(".", ",")
    return str(value)


def field_views(
    definition: definitions.Definition,
    step: definitions.Step,
    state: definitions.State,
    values: dict[str, Any],
    errors: dict[str, str],
    bijlagen: dict[str, str],
) -> list[FieldView]:
    found = []
    for item in step.fields:
        if item.key not in state.visible_fields:
            continue
        control = f"veld-{item.key}"
        described = " ".join(
            part
            for part in (
                f"{control}-help" if item.help else "",
                f"{control}-error" if item.key in errors else "",
            )
            if part
        )
        computed = item.key in definition.computed_keys
        value = state.values.get(item.key) if computed else values.get(item.key)
        found.append(
            FieldView(
                item,
                control,
                value,
                _as_text(item, value),
                errors.get(item.key, ""),
                described,
                bijlagen.get(item.key, ""),
                computed,
            )
        )
    return found


def _draft(request: HttpRequest, slug: str, draft: uuid.UUID) -> Inzending | HttpResponse:
    try:
        inzending = concepten.load(draft, identity.current(request), _session_key(request))
    except concepten.DraftUnavailable:
        raise Http404(_("Dit formulier bestaat niet of is niet van u.")) from None
    except concepten.DraftExpired:
        return render(request, "formulieren/verlopen.html", {"slug": slug}, status=410)
    if inzending.versie.formulier.slug != slug:
        raise Http404(_("Dit formulier bestaat niet."))
    return inzending


def lijst(request: HttpRequest) -> HttpResponse:
    published = (
        Versie.objects.select_related("formulier")
        .filter(staat=Versie.Staat.GEPUBLICEERD)
        .order_by("formulier__slug")
    )
    forms = [(versie.formulier, definitions.parse(versie.definitie)) for versie in published]
    visitor = identity.current(request)
    drafts = concepten.open_drafts(visitor, request.session.session_key or "")
    resumable = [(draft, definitions.parse(draft.versie.definitie)) for draft in drafts]
    return render(
        request,
        "formulieren/lijst.html",
        {"forms": forms, "drafts": resumable, "visitor": visitor},
    )


@require_http_methods(["GET", "POST"])
def start(request: HttpRequest, slug: str) -> HttpResponse:
    formulier = Formulier.objects.filter(slug=slug).first()
    versie = formulier.versies.filter(staat=Versie.Staat.GEPUBLICEERD).first() if formulier else None
    if formulier is None or versie is None:
        raise Http404(_("Dit formulier bestaat niet of is niet meer beschikbaar."))
    definition = definitions.parse(versie.definitie)
    visitor = identity.current(request)
    needs_login = bool(definition.login) and (visitor is None or visitor.kind not in definition.login)
    if request.method == "POST" and not needs_login:
        inzending = concepten.start(versie, visitor, _session_key(request))
        return HttpResponseRedirect(
            reverse("formulieren:stap", args=[slug, inzending.uuid, definition.steps[0].key])
        )
    return render(
        request,
        "formulieren/start.html",
        {
            "formulier": formulier,
            "definition": definition,
            "needs_login": needs_login,
            "login_url": _login_url(),
            "visitor": visitor,
        },
        status=403 if request.method == "POST" else 200,
    )


def uploaded_files(request: HttpRequest) -> dict[str, velden.UploadedFile]:
    found = {}
    for name in request.FILES:
        upload = request.FILES.get(name)
        if name.startswith("veld-") and upload is not None:
            # never more than one byte over the deployment's limit in memory: enough to refuse it
            content = upload.read(int(settings.FORMULIEREN_MAX_UPLOAD_BYTES) + 1)
            found[name.removeprefix("veld-")] = velden.UploadedFile(str(upload.name or ""), content)
    return found


def posted_values(request: HttpRequest) -> dict[str, str]:
    return {
        name.removeprefix("veld-"): str(request.POST.get(name, ""))
        for name in request.POST
        if name.startswith("veld-")
    }


@require_http_methods(["GET", "POST"])
def stap(request: HttpRequest, slug: str, draft: uuid.UUID, step: str) -> HttpResponse:
    found = _draft(request, slug, draft)
    if isinstance(found, HttpResponse):
        return found
    inzending = found
    if inzending.staat != Inzending.Staat.CONCEPT:
        return HttpResponseRedirect(reverse("formulieren:bevestiging", args=[slug, inzending.uuid]))
    definition = concepten.definition_of(inzending)
    current = definition.step(step)
    visible = concepten.visible_steps(inzending)
    if current is None or current.key not in {item.key for item in visible}:
        raise Http404(_("Deze stap hoort niet bij het formulier."))
    values: dict[str, Any] = dict(inzending.waarden)
    errors: dict[str, str] = {}
    if request.method == "POST":
        result = concepten.save_step(
            inzending, step, posted_values(request), uploaded_files(request), identity.current(request)
        )
        values, errors = result.values, result.errors
        if not errors:
            if request.POST.get("actie") == "opslaan":
                return HttpResponseRedirect(reverse("formulieren:opgeslagen", args=[slug, inzending.uuid]))
            _previous, following = concepten.neighbours(inzending, step)
            target = (
                reverse("formulieren:stap", args=[slug, inzending.uuid, following])
                if following
                else reverse("formulieren:overzicht", args=[slug, inzending.uuid])
            )
            return HttpResponseRedirect(target)
    state = definitions.resolve(definition, values)
    previous, _following = concepten.neighbours(inzending, step)
    attached = dict(inzending.bijlagen.values_list("veld", "bestandsnaam"))
    fields = field_views(definition, current, state, values, errors, attached)
    number = [item.key for item in visible].index(step) + 1
    return render(
        request,
        "formulieren/stap.html",
        {
            "inzending": inzending,
            "definition": definition,
            "step": current,
            "steps": visible,
            "number": number,
            "fields": fields,
            "error_fields": [
                {"id": field.first_control, "label": field.item.label, "messages": [field.error]}
                for field in fields
                if field.error
            ],
            "previous": previous,
            "slug": slug,
        },
    )


def _summary(inzending: Inzending) -> list[tuple[definitions.Step, list[tuple[definitions.Field, str]]]]:
    definition = concepten.definition_of(inzending)
    state = concepten.state(inzending)
    return [
        (
            step,
            [
                (item, velden.display(item, state.values.get(item.key)))
                for item in step.fields
                if item.key in state.visible_fields
            ],
        )
        for step in definition.steps
        if step.key in state.visible_steps
    ]


@require_http_methods(["GET", "POST"])
def overzicht(request: HttpRequest, slug: str, draft: uuid.UUID) -> HttpResponse:
    found = _draft(request, slug, draft)
    if isinstance(found, HttpResponse):
        return found
    inzending = found
    if inzending.staat != Inzending.Staat.CONCEPT:
        return HttpResponseRedirect(reverse("formulieren:bevestiging", args=[slug, inzending.uuid]))
    problem = ""
    if request.method == "POST":
        try:
            submitted = indienen.submit(inzending.uuid, identity.current(request), _session_key(request))
        except indienen.Incomplete as exc:
            return HttpResponseRedirect(reverse("formulieren:stap", args=[slug, inzending.uuid, exc.step]))
        except concepten.DraftExpired:
            return render(request, "formulieren/verlopen.html", {"slug": slug}, status=410)
        except concepten.LoginRequired:
            return HttpResponseRedirect(reverse("formulieren:start", args=[slug]))
        except RegistrationRefused as exc:
            problem = str(exc)
            inzending.refresh_from_db()
        else:
            return HttpResponseRedirect(reverse("formulieren:bevestiging", args=[slug, submitted.uuid]))
        if inzending.staat != Inzending.Staat.CONCEPT:
            return HttpResponseRedirect(reverse("formulieren:bevestiging", args=[slug, inzending.uuid]))
    definition = concepten.definition_of(inzending)
    return render(
        request,
        "formulieren/overzicht.html",
        {
            "inzending": inzending,
            "definition": definition,
            "summary": _summary(inzending),
            "problem": problem,
            "slug": slug,
            "last_step": concepten.visible_steps(inzending)[-1].key,
        },
    )


def opgeslagen(request: HttpRequest, slug: str, draft: uuid.UUID) -> HttpResponse:
    found = _draft(request, slug, draft)
    if isinstance(found, HttpResponse):
        return found
    return render(
        request,
        "formulieren/opgeslagen.html",
        {"inzending": found, "definition": concepten.definition_of(found), "slug": slug},
    )


def bevestiging(request: HttpRequest, slug: str, draft: uuid.UUID) -> HttpResponse:
    found = _draft(request, slug, draft)
    if isinstance(found, HttpResponse):
        return found
    if found.staat == Inzending.Staat.CONCEPT:
        return HttpResponseRedirect(reverse("formulieren:overzicht", args=[slug, found.uuid]))
    return render(
        request,
        "formulieren/bevestiging.html",
        {"inzending": found, "definition": concepten.definition_of(found), "slug": slug},
    )
