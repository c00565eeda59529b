"""The archief's pages: the destruction lists, one list with its workflow, the selection.

Every page needs a logged-in staff member with an archief role (else 403); which role may do what
on a list is the services' rule (``services.lists``). Views parse and render.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from zaakwerk.archief.forms import ComposeForm, ExcludeForm, FilterForm, JudgeForm, SubmitForm
from zaakwerk.archief.models import DestructionList, DestructionListItem, ListState, Step
from zaakwerk.archief.roles import ArchiefRole, archief_roles
from zaakwerk.archief.services import destruction, lists, lock, selection
from zaakwerk.archief.services.verklaring import FILENAME, MissingZaaktype
from zaakwerk.archief.zgw import client_for
from zaakwerk.client import ClientError

UNREACHABLE = "De registers zijn nu niet bereikbaar; er is niets veranderd. Probeer het later opnieuw."
# a destruction started from the page works this long per request; the page offers to go on
SLICE_SECONDS = 20.0


def roles_or_403(request: HttpRequest) -> frozenset[ArchiefRole]:
    roles = archief_roles(request.user)
    if not roles:
        raise PermissionDenied
    return roles


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    roles = roles_or_403(request)
    found = DestructionList.objects.select_related("created_by", "reviewer").annotate(
        zaken=Count("items", filter=Q(items__excluded=False))
    )
    rows = [(item, lists.next_actor(item)) for item in found[:500]]
    return render(
        request,
        "archief/lijsten.html",
        {"rows": rows, "may_compose": ArchiefRole.RECORDMANAGER in roles, "roles": sorted(roles)},
    )


@login_required
def selectie(request: HttpRequest) -> HttpResponse:
    """Zaken to destroy; a recordmanager puts the chosen ones (or all) on a new list."""
    roles = roles_or_403(request)
    client = client_for(request.user)
    try:
        options = selection.options(client)
    except ClientError:
        return render(request, "archief/onbereikbaar.html", status=503)
    form = FilterForm(request.GET or None, options=options)
    filters = form.filters(selection.Kind.VERNIETIGEN)
    compose = ComposeForm()
    problem = ""
    today = timezone.localdate()
    if request.method == "POST":
        if ArchiefRole.RECORDMANAGER not in roles:
            raise PermissionDenied
        compose = ComposeForm(request.POST)
        if compose.is_valid():
            try:
                if compose.cleaned_data["alles"]:  # all of them that are not on another list yet
                    every = list(selection.candidates(client, filters, today))
                    busy = lists.on_open_lists(zaak.url for zaak in every)
                    chosen = [zaak for zaak in every if zaak.url not in busy]
                else:
                    chosen = selection.by_urls(client, request.POST.getlist("zaak")[:1000])
                found = lists.compose(_user(request), compose.cleaned_data["naam"], chosen)
            except lists.WorkflowError as exc:
                problem = exc.message
            except ClientError:
                problem = _(UNREACHABLE)
            else:
                messages.success(request, _("De vernietigingslijst is samengesteld."))
                return HttpResponseRedirect(reverse("archief:lijst", args=[found.uuid]))
    try:
        found_zaken = (
            selection.select(client, filters, today) if form.is_bound is False or form.is_valid() else None
        )
    except ClientError:
        return render(request, "archief/onbereikbaar.html", status=503)
    return render(
        request,
        "archief/selectie.html",
        {
            "form": form,
            "compose": compose,
            "selection": found_zaken,
            "problem": problem,
            "may_compose": ArchiefRole.RECORDMANAGER in roles,
            "chosen": set(request.POST.getlist("zaak")),
            "busy": lists.on_open_lists(zaak.url for zaak in found_zaken.rows) if found_zaken else set(),
        },
    )


def _item_comments(request: HttpRequest) -> dict[int, str]:
    found: dict[int, str] = {}
    for key in request.POST:
        if key.startswith("opmerking-") and key.removeprefix("opmerking-").isdigit():
            found[int(key.removeprefix("opmerking-"))] = request.POST.get(key, "")
    return found


def _act(request: HttpRequest, found: DestructionList) -> str | None:
    """Do the posted action; the message for the page, or None when it redirects."""
    user = _user(request)
    what = request.POST.get("what", "")
    if what == "exclude":
        form = ExcludeForm(request.POST)
        if not form.is_valid():
            return _("Geef de reden waarom de zaak wordt uitgezonderd.")
        lists.exclude(user, found, form.cleaned_data["item"], form.cleaned_data["reden"])
        messages.success(request, _("De zaak is uitgezonderd."))
    elif what == "include":
        lists.include(user, found, int(request.POST.get("item", "0") or 0))
        messages.success(request, _("De zaak staat weer op de lijst."))
    elif what == "submit":
        chosen = SubmitForm(request.POST, composer=found.created_by)
        lists.submit(user, found, chosen.cleaned_data["reviewer"] if chosen.is_valid() else None)
        messages.success(request, _("De lijst is ter beoordeling aangeboden."))
    elif what == "approve":
        judge = JudgeForm(request.POST)
        judge.is_valid()
        lists.approve(user, found, judge.cleaned_data.get("opmerking", ""))
        messages.success(request, _("De lijst is goedgekeurd."))
    elif what == "send_back":
        judge = JudgeForm(request.POST)
        judge.is_valid()
        lists.send_back(user, found, judge.cleaned_data.get("opmerking", ""), _item_comments(request))
        messages.success(request, _("De lijst is teruggestuurd."))
    elif what == "destroy":
        return _destroy(request, found)
    else:
        return _("Onbekende handeling.")
    return None


def _destroy(request: HttpRequest, found: DestructionList) -> str | None:
    roles = archief_roles(request.user)
    if not roles & {ArchiefRole.ARCHIVARIS, ArchiefRole.RECORDMANAGER}:
        raise PermissionDenied
    if found.state != ListState.GOEDGEKEURD:
        return _("De lijst is niet goedgekeurd voor vernietiging.")
    try:
        report = destruction.run(client_for(request.user), list_uuid=str(found.uuid), seconds=SLICE_SECONDS)
    except lock.Busy:
        return _("Er loopt al een vernietiging; probeer het straks opnieuw.")
    except (MissingZaaktype, destruction.DestructionError) as exc:
        return str(exc)
    if report.finished:
        messages.success(request, _("De zaken zijn vernietigd; de verklaring van vernietiging is opgemaakt."))
    else:
        messages.info(request, _("De vernietiging is nog bezig; ga verder om haar af te maken."))
    return None


@login_required
def lijst(request: HttpRequest, uuid: UUID) -> HttpResponse:
    roles = roles_or_403(request)
    found = get_object_or_404(DestructionList.objects.select_related("created_by", "reviewer"), uuid=uuid)
    problem = ""
    if request.method == "POST":
        try:
            problem = _act(request, found) or ""
        except lists.WorkflowError as exc:
            problem = exc.message
        except ClientError:
            problem = _(UNREACHABLE)
        if not problem:
            return HttpResponseRedirect(request.path)
        found.refresh_from_db()
    return render(request, "archief/lijst.html", _detail(request, found, roles, problem))


def _detail(
    request: HttpRequest, found: DestructionList, roles: frozenset[ArchiefRole], problem: str
) -> dict[str, Any]:
    user = _user(request)
    items = found.items.all()
    page = Paginator(items, 100).get_page(request.GET.get("pagina"))
    editable = found.state in lists.EDITABLE and ArchiefRole.RECORDMANAGER in roles
    judging = (
        found.state == ListState.TER_BEOORDELING
        and ArchiefRole.REVIEWER in roles
        and found.reviewer_id == user.pk
    ) or (
        found.state == ListState.BIJ_ARCHIVARIS
        and ArchiefRole.ARCHIVARIS in roles
        and user.pk not in (found.created_by_id, found.reviewer_id)
    )
    counts = {
        "total": items.count(),
        "excluded": items.filter(excluded=True).count(),
        "destroyed": items.filter(step=Step.VERNIETIGD).count(),
        "skipped": items.filter(step=Step.OVERGESLAGEN).count(),
    }
    return {
        "list": found,
        "page": page,
        "items": page.object_list,
        "events": list(found.events.all()),
        "counts": counts,
        "next_actor": lists.next_actor(found),
        "editable": editable,
        "judging": judging,
        "may_destroy": found.state == ListState.GOEDGEKEURD
        and bool(roles & {ArchiefRole.ARCHIVARIS, ArchiefRole.RECORDMANAGER}),
        "submit_form": SubmitForm(composer=found.created_by) if editable else None,
        "judge_form": JudgeForm() if judging else None,
        "problem": problem,
        "Step": Step,
    }


@login_required
def verklaring(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The verklaring van vernietiging's content, read from the Documenten API."""
    roles_or_403(request)
    found = get_object_or_404(DestructionList, uuid=uuid)
    if not found.verklaring_document:
        raise Http404
    try:
        content = client_for(request.user).documenten.download(
            found.verklaring_document, max_bytes=50_000_000
        )
    except ClientError:
        return render(request, "archief/onbereikbaar.html", status=503)
    response = HttpResponse(content, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{FILENAME}"'
    return response


@login_required
def vernietigd(request: HttpRequest) -> HttpResponse:
    """Every destroyed zaak's identity, newest first; searchable by identificatie."""
    roles_or_403(request)
    zoek = request.GET.get("zoek", "").strip()[:40]
    found = DestructionListItem.objects.filter(step=Step.VERNIETIGD).select_related("destruction_list")
    if zoek:
        found = found.filter(identificatie__icontains=zoek)
    page = Paginator(found.order_by("-destroyed_at", "-pk"), 100).get_page(request.GET.get("pagina"))
    return render(request, "archief/vernietigd.html", {"page": page, "zoek": zoek})
