"""Tasks on a zaak: aanvullende informatie, advies and goedkeuren (docs/adr/0067).

Tasks are the werkplek's own work, so they live in its own tables (:class:`Task`), keyed by the
zaak's URL. A task of aanvullende informatie suspends the zaak through the Zaken API until it is
answered; the zaaktype's handling parameters name the tasks started when the werkplek sets a
status (:func:`start_status_tasks`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser, Group, User
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from zaakwerk.client import ZGWClient, models
from zaakwerk.werkplek.access import Access
from zaakwerk.werkplek.handling import parameters_for
from zaakwerk.werkplek.models import StatusTasksStarted, Task, TaskComment
from zaakwerk.werkplek.services import acties
from zaakwerk.werkplek.services.acties import ActieError, ZaakState

Kind = Task.Kind

#: the outcomes a task of each kind may end with
OUTCOMES: dict[str, list[tuple[str, Promise]]] = {
    Kind.AANVULLENDE_INFORMATIE: [
        ("ontvangen", _("Informatie ontvangen")),
        ("niet_ontvangen", _("Niet ontvangen")),
    ],
    Kind.ADVIES: [("positief", _("Positief advies")), ("negatief", _("Negatief advies"))],
    Kind.GOEDKEUREN: [("goedgekeurd", _("Goedgekeurd")), ("afgekeurd", _("Afgekeurd"))],
}


def outcome_label(task: Task) -> str:
    return str(dict(OUTCOMES.get(task.kind, [])).get(task.outcome, task.outcome))


def start_task(
    client: ZGWClient,
    state: ZaakState,
    *,
    kind: str,
    title: str,
    by: str,
    description: str = "",
    assignee_user: User | None = None,
    assignee_group: Group | None = None,
    due_date: date | None = None,
) -> Task:
    """Start a task on the zaak; one of aanvullende informatie suspends the zaak as well."""
    if kind not in OUTCOMES:
        raise ActieError(_("Onbekende soort taak."))
    if state.closed:
        raise ActieError(_("De zaak is inmiddels afgesloten; er is niets veranderd."))
    if not title.strip():
        raise ActieError(_("Geef de taak een titel."))
    if assignee_user is None and assignee_group is None:
        raise ActieError(_("Kies een medewerker of een team voor de taak."))
    with transaction.atomic():
        task = Task.objects.create(
            zaak_url=state.zaak.url,
            zaak_uuid=state.zaak.uuid or state.zaak.url.rstrip("/").rsplit("/", 1)[-1],
            zaak_identificatie=state.zaak.identificatie[:40],
            zaak_omschrijving=state.zaak.omschrijving[:80],
            zaaktype_identificatie=state.zaaktype.identificatie,
            kind=kind,
            title=title[:200],
            description=description,
            assignee_user=assignee_user,
            assignee_group=assignee_group,
            due_date=due_date,
            created_by=by[:150],
        )
        if kind == Kind.AANVULLENDE_INFORMATIE:
            acties.opschorten(
                client,
                state.zaak.url,
                reden=str(_("Aanvullende informatie: %(titel)s") % {"titel": title})[:200],
            )
    return task


def complete_task(client: ZGWClient, task: Task, *, outcome: str, outcome_text: str, by: str) -> None:
    """End the task with its outcome; the last open task of aanvullende informatie resumes the zaak."""
    if task.state != Task.State.OPEN:
        raise ActieError(_("Deze taak is al afgerond."))
    if outcome not in dict(OUTCOMES[task.kind]):
        raise ActieError(_("Kies een uitkomst van de taak."))
    with transaction.atomic():
        task.state = Task.State.AFGEROND
        task.outcome = outcome
        task.outcome_text = outcome_text
        task.completed_by = by[:150]
        task.completed_at = timezone.now()
        task.save()
        others = Task.objects.filter(
            zaak_url=task.zaak_url, kind=Kind.AANVULLENDE_INFORMATIE, state=Task.State.OPEN
        ).exclude(pk=task.pk)
        if task.kind == Kind.AANVULLENDE_INFORMATIE and not others.exists():
            state = acties.load(client, task.zaak_url)
            if state.suspended and not state.closed:
                acties.hervatten(
                    client,
                    task.zaak_url,
                    toelichting=str(_("Aanvullende informatie afgerond: %(titel)s") % {"titel": task.title}),
                )


def add_comment(task: Task, *, author: str, text: str) -> TaskComment:
    if not text.strip():
        raise ActieError(_("Schrijf een opmerking."))
    return TaskComment.objects.create(task=task, author=author[:150], text=text)


def start_status_tasks(
    client: ZGWClient, state: ZaakState, statustype: models.StatusType, *, by: str, status_url: str = ""
) -> tuple[list[Task], list[str]]:
    """The tasks the zaaktype's handling parameters start at this status (matched by its
    omschrijving, so they hold for every version of the zaaktype), each for its team (or the
    zaaktype's default team); with the messages of those that could not start (the status
    stays set). Given the status's URL, they start once for that status, however often this is
    asked (by the action that set it and by the notification of it, docs/adr/0095)."""
    parameters = parameters_for(state.zaaktype.identificatie)
    if parameters.pk is None:
        return [], []
    if status_url:
        _record, first = StatusTasksStarted.objects.get_or_create(status_url=status_url)
        if not first:
            return [], []
    started: list[Task] = []
    problems: list[str] = []
    for template in parameters.status_tasks.filter(statustype_omschrijving=statustype.omschrijving):
        name = template.group or parameters.default_group
        if not name:
            problems.append(str(_("Taak %(titel)s: geen team ingesteld.") % {"titel": template.title}))
            continue
        group, _created = Group.objects.get_or_create(name=name)
        try:
            started.append(
                start_task(
                    client,
                    acties.load(client, state.zaak.url),
                    kind=template.kind,
                    title=template.title,
                    by=by,
                    assignee_group=group,
                    due_date=timezone.localdate() + timedelta(days=template.due_days),
                )
            )
        except ActieError as exc:
            problems.append(f"{template.title}: {exc.message}")
    return started, problems


def of_zaak(zaak_url: str) -> QuerySet[Task]:
    return Task.objects.filter(zaak_url=zaak_url).order_by("state", "due_date", "pk")


def _visible(tasks: QuerySet[Task], access: Access) -> QuerySet[Task]:
    zaaktypen = access.zaaktypen()
    return tasks if zaaktypen is None else tasks.filter(zaaktype_identificatie__in=zaaktypen)


def _pk(user: AbstractBaseUser | AnonymousUser) -> int:
    return int(user.pk) if user.pk is not None else 0


def mine(user: AbstractBaseUser | AnonymousUser, access: Access) -> QuerySet[Task]:
    """The user's open tasks."""
    return _visible(Task.objects.filter(state=Task.State.OPEN, assignee_user__pk=_pk(user)), access)


def werkvoorraad(user: AbstractBaseUser | AnonymousUser, access: Access) -> QuerySet[Task]:
    """Open tasks of the user's teams that nobody has taken yet."""
    groups = Group.objects.filter(user__pk=_pk(user))
    return _visible(
        Task.objects.filter(state=Task.State.OPEN, assignee_user__isnull=True, assignee_group__in=groups),
        access,
    )


def may_work_on(user: AbstractBaseUser | AnonymousUser, task: Task, handles: bool) -> bool:
    """The assignee, a member of the assigned team, or who may handle the zaak."""
    if handles or (task.assignee_user_id is not None and task.assignee_user_id == user.pk):
        return True
    return (
        task.assignee_group_id is not None
        and Group.objects.filter(Q(pk=task.assignee_group_id) & Q(user__pk=user.pk)).exists()
    )


def take(task: Task, user: User) -> None:
    """Take a task of the team's werkvoorraad."""
    if task.state != Task.State.OPEN:
        raise ActieError(_("Deze taak is al afgerond."))
    task.assignee_user = user
    task.save(update_fields=["assignee_user"])


def kinds() -> Iterable[tuple[str, Promise]]:
    return [(str(value), label) for value, label in Kind.choices]
