"""The task pages: a zaak's tasks, one task (to complete it, comment on it or take it), the
user's own tasks and their teams' werkvoorraad of tasks."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from zaakwerk.client import ClientError
from zaakwerk.werkplek import tasks
from zaakwerk.werkplek.access import access_for
from zaakwerk.werkplek.acties_forms import CommentForm, CompleteTaskForm
from zaakwerk.werkplek.acties_views import actie_url, open_door, zaak_page_url
from zaakwerk.werkplek.handling import Actie, permitted
from zaakwerk.werkplek.models import Task
from zaakwerk.werkplek.services.acties import ActieError
from zaakwerk.werkplek.zgw import client_for


def _rows(found: QuerySet[Task]) -> list[Task]:
    return list(found.select_related("assignee_user", "assignee_group")[:200])


@login_required
def zaak_tasks(request: HttpRequest, uuid: UUID) -> HttpResponse:
    door = open_door(request.user, str(uuid), None)
    context = {
        "zaak": door.state.zaak,
        "status": door.state.status,
        "tasks": _rows(tasks.of_zaak(door.state.zaak.url)),
        "zaak_url": zaak_page_url(door.uuid),
        "new_url": f"{actie_url(door.uuid, Actie.TAAK)}?{urlencode({'next': request.path})}"
        if permitted(door.access, door.identificatie, Actie.TAAK) and not door.state.closed
        else "",
    }
    return render(request, "werkplek/taken/zaak.html", context)


@login_required
def my_tasks(request: HttpRequest) -> HttpResponse:
    found = _rows(tasks.mine(request.user, access_for(request.user)))
    return render(
        request, "werkplek/taken/lijst.html", {"tasks": found, "title": _("Mijn taken"), "pool": False}
    )


@login_required
def werkvoorraad(request: HttpRequest) -> HttpResponse:
    found = _rows(tasks.werkvoorraad(request.user, access_for(request.user)))
    return render(
        request, "werkplek/taken/lijst.html", {"tasks": found, "title": _("Taken-werkvoorraad"), "pool": True}
    )


@login_required
def task(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Task, pk=pk)
    access = access_for(request.user)
    if not access.may_see(found.zaaktype_identificatie):
        raise Http404
    handles = permitted(access, found.zaaktype_identificatie, Actie.TAAK)
    may_work = tasks.may_work_on(request.user, found, handles)
    outcomes = [(value, str(label)) for value, label in tasks.OUTCOMES.get(found.kind, [])]
    complete_form = CompleteTaskForm(outcomes=outcomes)
    comment_form = CommentForm()
    problem = ""
    if request.method == "POST":
        if not may_work:
            raise PermissionDenied
        what = request.POST.get("what", "")
        try:
            if what == "complete":
                complete_form = CompleteTaskForm(request.POST, outcomes=outcomes)
                if complete_form.is_valid():
                    tasks.complete_task(
                        client_for(request.user),
                        found,
                        outcome=complete_form.cleaned_data["outcome"],
                        outcome_text=complete_form.cleaned_data["outcome_text"],
                        by=request.user.get_username(),
                    )
                    messages.success(request, _("De taak is afgerond."))
                    return HttpResponseRedirect(reverse("werkplek:taak", args=[found.pk]))
            elif what == "comment":
                comment_form = CommentForm(request.POST)
                if comment_form.is_valid():
                    tasks.add_comment(
                        found, author=request.user.get_username(), text=comment_form.cleaned_data["text"]
                    )
                    messages.success(request, _("De opmerking is toegevoegd."))
                    return HttpResponseRedirect(reverse("werkplek:taak", args=[found.pk]))
            elif what == "take" and isinstance(request.user, User):
                tasks.take(found, request.user)
                messages.success(request, _("Je hebt de taak opgepakt."))
                return HttpResponseRedirect(reverse("werkplek:taak", args=[found.pk]))
        except ActieError as exc:
            problem = exc.message
        except ClientError:
            problem = _(
                "Het register is nu niet bereikbaar; er is niets veranderd. Probeer het later opnieuw."
            )
    context = {
        "task": found,
        "outcome": tasks.outcome_label(found),
        "comments": list(found.comments.all()),
        "may_work": may_work,
        "complete_form": complete_form,
        "comment_form": comment_form,
        "problem": problem,
        "zaak_url": zaak_page_url(str(found.zaak_uuid)),
        "zaak_tasks_url": reverse("werkplek:zaak-taken", args=[found.zaak_uuid]),
    }
    status = 200  # the message is on the page (as the login page does)
    return render(request, "werkplek/taken/taak.html", context, status=status)
