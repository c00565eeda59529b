"""The werkplek's own tables. Zaken, documenten and besluiten stay in the registers."""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from zaakwerk.web.roles import Role


class RoleGrant(models.Model):
    """A group's role for one zaaktype (all its versions), or for every zaaktype.

    A user has the roles of their groups' grants; a group named after a role (``behandelaar``…)
    has that role for every zaaktype without a grant (docs/adr/0054).
    """

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="werkplek_grants")
    role = models.CharField(_("rol"), max_length=20, choices=[(role.value, role.label) for role in Role])
    zaaktype_identificatie = models.CharField(
        _("zaaktype (identificatie)"),
        max_length=50,
        blank=True,
        help_text=_("Leeg: elk zaaktype."),
    )

    class Meta:
        verbose_name = _("rol per zaaktype")
        verbose_name_plural = _("rollen per zaaktype")
        constraints = [
            models.UniqueConstraint(
                fields=["group", "role", "zaaktype_identificatie"], name="werkplek_rolegrant_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.group.name}: {self.role} ({self.zaaktype_identificatie or '*'})"


class DocumentLock(models.Model):
    """A lock a staff member took on a document through the werkplek (Documenten API lock).

    The Documenten API hands the lock's id to whoever locked the document and asks it back for
    every change and for the unlock; it does not say who holds it. The werkplek keeps it here, so
    the staff member who locked a document can change and unlock it, and others see who holds it
    (docs/adr/0062).
    """

    informatieobject = models.URLField(_("informatieobject"), max_length=1000, unique=True)
    lock = models.CharField(_("lock"), max_length=255)
    username = models.CharField(_("gebruikersnaam"), max_length=150)
    naam = models.CharField(_("naam"), max_length=255, blank=True)
    locked_at = models.DateTimeField(_("vergrendeld op"), auto_now_add=True)

    class Meta:
        verbose_name = _("vergrendeling van een document")
        verbose_name_plural = _("vergrendelingen van documenten")

    def __str__(self) -> str:
        return f"{self.informatieobject} ({self.username})"


# --- Handling parameters per zaaktype (docs/adr/0064) --------------------------------------------


class HandlingParameters(models.Model):
    """How the werkplek handles the zaken of one zaaktype (all its versions, by identificatie).

    ``permissions`` maps an action (:class:`zaakwerk.werkplek.handling.Actie`) to the roles that
    may do it; an action missing from it has the default roles (``handling.DEFAULT_PERMISSIONS``).
    """

    zaaktype_identificatie = models.CharField(_("zaaktype (identificatie)"), max_length=50, unique=True)
    default_group = models.CharField(
        _("standaardteam"),
        max_length=24,
        blank=True,
        help_text=_("Het team dat een nieuwe zaak van dit zaaktype krijgt."),
    )
    max_verlenging_dagen = models.PositiveIntegerField(
        _("maximale verlenging (dagen)"),
        null=True,
        blank=True,
        help_text=_("Leeg: de verlengingstermijn van het zaaktype."),
    )
    permissions = models.JSONField(_("rechten per actie"), default=dict, blank=True)

    class Meta:
        verbose_name = _("behandelparameters")
        verbose_name_plural = _("behandelparameters")

    def __str__(self) -> str:
        return self.zaaktype_identificatie


class StatusTask(models.Model):
    """A task the werkplek starts when it sets a status of this omschrijving on a zaak."""

    parameters = models.ForeignKey(HandlingParameters, on_delete=models.CASCADE, related_name="status_tasks")
    statustype_omschrijving = models.CharField(_("bij status"), max_length=80)
    kind = models.CharField(_("soort taak"), max_length=30)
    title = models.CharField(_("titel"), max_length=200)
    group = models.CharField(_("team"), max_length=150, blank=True)
    due_days = models.PositiveIntegerField(_("termijn (dagen)"), default=5)

    class Meta:
        verbose_name = _("taak bij een status")
        verbose_name_plural = _("taken bij een status")
        ordering = ["statustype_omschrijving", "pk"]

    def __str__(self) -> str:
        return f"{self.statustype_omschrijving}: {self.title}"


class MailTemplate(models.Model):
    """An e-mail to the initiator of a zaak, with placeholders (``{{ identificatie }}``…)."""

    parameters = models.ForeignKey(
        HandlingParameters, on_delete=models.CASCADE, related_name="mail_templates"
    )
    name = models.CharField(_("naam"), max_length=80)
    subject = models.CharField(_("onderwerp"), max_length=200)
    body = models.TextField(_("tekst"))

    class Meta:
        verbose_name = _("e-mailsjabloon")
        verbose_name_plural = _("e-mailsjablonen")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


# --- Opschortingen: when the werkplek suspended a zaak (the Zaken API keeps no date) -------------


class Opschorting(models.Model):
    """One opschorting of a zaak by the werkplek: the Zaken API's ``opschorting`` has no dates,
    so the werkplek keeps when it started and ended, to recompute the zaak's end dates and to
    allow it once (docs/adr/0065)."""

    zaak_url = models.URLField(max_length=1000, db_index=True)
    reden = models.CharField(max_length=200)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("opschorting")
        verbose_name_plural = _("opschortingen")

    def __str__(self) -> str:
        return f"{self.zaak_url} ({self.started_on}–{self.ended_on or ''})"


# --- Tasks (docs/adr/0067) ------------------------------------------------------------------------


class Task(models.Model):
    """A piece of work on a zaak for a person or a team: aanvullende informatie, advies, goedkeuren."""

    class Kind(models.TextChoices):
        AANVULLENDE_INFORMATIE = "aanvullende_informatie", _("Aanvullende informatie")
        ADVIES = "advies", _("Advies")
        GOEDKEUREN = "goedkeuren", _("Goedkeuren")

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        AFGEROND = "afgerond", _("Afgerond")

    zaak_url = models.URLField(max_length=1000, db_index=True)
    zaak_uuid = models.UUIDField(db_index=True)
    zaak_identificatie = models.CharField(max_length=40)
    zaak_omschrijving = models.CharField(max_length=80, blank=True)
    zaaktype_identificatie = models.CharField(max_length=50, db_index=True)
    kind = models.CharField(_("soort"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("omschrijving"), blank=True)
    assignee_user = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="werkplek_tasks"
    )
    assignee_group = models.ForeignKey(
        Group, null=True, blank=True, on_delete=models.SET_NULL, related_name="werkplek_tasks"
    )
    due_date = models.DateField(_("uiterste datum"), null=True, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN, db_index=True)
    outcome = models.CharField(_("uitkomst"), max_length=30, blank=True)
    outcome_text = models.TextField(_("toelichting op de uitkomst"), blank=True)
    created_by = models.CharField(max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    completed_by = models.CharField(max_length=150, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("taak")
        verbose_name_plural = _("taken")
        ordering = ["due_date", "pk"]

    def __str__(self) -> str:
        return self.title


class TaskComment(models.Model):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="comments")
    author = models.CharField(max_length=150)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.author}: {self.text[:40]}"


# --- The read model of the work lists (docs/adr/0056) ---------------------------------------------


class ZaakRow(models.Model):
    """One zaak as the work lists show it: a copy the werkplek keeps of what the registers say,
    refreshed from the Zaken API whenever a notification names the zaak (and by ``zaakwerk
    werkplek sync``). Never the source of truth: the zaak page reads live."""

    url = models.URLField(max_length=1000, unique=True)
    uuid = models.UUIDField(db_index=True)
    identificatie = models.CharField(max_length=40, blank=True)
    omschrijving = models.CharField(max_length=80, blank=True)
    zaaktype_url = models.URLField(max_length=1000, blank=True)
    zaaktype_identificatie = models.CharField(max_length=50, blank=True)
    zaaktype_omschrijving = models.CharField(max_length=80, blank=True)
    statustype_url = models.URLField(max_length=1000, blank=True)
    status_omschrijving = models.CharField(max_length=80, blank=True)
    status_datum = models.DateTimeField(null=True, blank=True)
    startdatum = models.DateField(null=True, blank=True)
    einddatum = models.DateField(null=True, blank=True)
    einddatum_gepland = models.DateField(null=True, blank=True)
    uiterlijke_einddatum_afdoening = models.DateField(null=True, blank=True)
    #: the behandelaar (medewerker rol): username, name shown, since when
    behandelaar = models.CharField(max_length=254, blank=True)
    behandelaar_naam = models.CharField(max_length=255, blank=True)
    behandelaar_sinds = models.DateTimeField(null=True, blank=True)
    #: the team (behandelaar rol of an organisatorische_eenheid)
    team = models.CharField(max_length=150, blank=True)
    initiator = models.CharField(max_length=255, blank=True)
    initiator_identificatie = models.CharField(max_length=255, blank=True)
    archiefnominatie = models.CharField(max_length=20, blank=True)
    resultaat = models.CharField(max_length=80, blank=True)
    documenten = models.PositiveIntegerField(default=0)
    laatste_document_op = models.DateTimeField(null=True, blank=True)
    #: lower-case identificatie, omschrijving and initiator: what free text searches
    zoektekst = models.TextField(blank=True)
    #: the latest change a notification announced (or when sync saw the zaak)
    gewijzigd_op = models.DateTimeField()
    #: when the refresh that wrote this row started; an older refresh never overwrites a newer one
    fetched_at = models.DateTimeField()
    #: the sync run that last saw the zaak in the Zaken API's list
    synced_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("zaak in de werkvoorraad")
        verbose_name_plural = _("zaken in de werkvoorraad")
        indexes = [
            models.Index(
                fields=["zaaktype_identificatie", "status_omschrijving"], name="werkplek_zr_type_status"
            ),
            # zaken-werkvoorraad: open, a team's, nobody's yet (with the zaaktype and the deadlines,
            # so counts, the zaaktype filter and sorting by a deadline need not visit the table)
            models.Index(
                fields=["team", "behandelaar", "-startdatum", "-id"],
                name="werkplek_zr_pool",
                condition=models.Q(einddatum__isnull=True),
                include=["zaaktype_identificatie", "einddatum_gepland", "uiterlijke_einddatum_afdoening"],
            ),
            # mijn zaken
            models.Index(
                fields=["behandelaar", "-startdatum", "-id"],
                name="werkplek_zr_mine",
                condition=models.Q(einddatum__isnull=True),
                include=["zaaktype_identificatie", "einddatum_gepland", "uiterlijke_einddatum_afdoening"],
            ),
            # afgehandelde zaken, newest first
            models.Index(
                fields=["-einddatum", "-id"],
                name="werkplek_zr_closed",
                condition=models.Q(einddatum__isnull=False),
            ),
            models.Index(fields=["einddatum_gepland"], name="werkplek_zr_gepland"),
            models.Index(fields=["uiterlijke_einddatum_afdoening"], name="werkplek_zr_fataal"),
            models.Index(fields=["-startdatum", "-id"], name="werkplek_zr_start"),
            models.Index(fields=["identificatie"], name="werkplek_zr_identificatie"),
            models.Index(fields=["initiator_identificatie"], name="werkplek_zr_initiator"),
            models.Index(fields=["behandelaar", "-behandelaar_sinds"], name="werkplek_zr_assigned"),
            models.Index(fields=["synced_at"], name="werkplek_zr_synced"),
        ]

    def __str__(self) -> str:
        return self.identificatie or self.url

    @property
    def afgehandeld(self) -> bool:
        return self.einddatum is not None


class ReceivedNotification(models.Model):
    """A notification the werkplek has handled (or is handling): the same message delivered again,
    or to a second werkplek instance at the same time, is done once (docs/adr/0057)."""

    key = models.CharField(max_length=64, unique=True)
    kanaal = models.CharField(max_length=50)
    resource_url = models.URLField(max_length=1000)
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("ontvangen notificatie")
        verbose_name_plural = _("ontvangen notificaties")

    def __str__(self) -> str:
        return f"{self.kanaal}: {self.resource_url}"


class SyncState(models.Model):
    """Where ``zaakwerk werkplek sync`` is: the run's start and the next page, so an interrupted
    run resumes there."""

    name = models.CharField(max_length=50, unique=True, default="zaken")
    run_started_at = models.DateTimeField(null=True, blank=True)
    next_page = models.PositiveIntegerField(default=1)
    finished_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name


class SavedSearch(models.Model):
    """A user's own filter, sort, columns and page size on one of the work lists."""

    user = models.ForeignKey("auth.User", on_delete=models.CASCADE, related_name="werkplek_searches")
    lijst = models.CharField(_("lijst"), max_length=30)
    name = models.CharField(_("naam"), max_length=80)
    query = models.TextField(_("zoekopdracht"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bewaarde zoekopdracht")
        verbose_name_plural = _("bewaarde zoekopdrachten")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "lijst", "name"], name="werkplek_savedsearch_unique")
        ]

    def __str__(self) -> str:
        return self.name


class StatusTasksStarted(models.Model):
    """A status whose tasks (the handling parameters' tasks per status) were started: once per
    status, whether the werkplek set it or another application did (docs/adr/0095)."""

    status_url = models.URLField(max_length=1000, unique=True)
    started_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gestarte taken van een status")
        verbose_name_plural = _("gestarte taken van statussen")

    def __str__(self) -> str:
        return self.status_url


class ZaakIntake(models.Model):
    """A zaak the werkplek has taken in: given to its zaaktype's default team when it arrived
    without a behandelaar, or made by the werkplek itself (docs/adr/0104). Once per zaak."""

    zaak_url = models.URLField(max_length=1000, unique=True)
    team = models.CharField(max_length=24, blank=True)
    taken_in_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("binnengekomen zaak")
        verbose_name_plural = _("binnengekomen zaken")

    def __str__(self) -> str:
        return self.zaak_url
