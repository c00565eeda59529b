"""The archief's own tables: destruction lists with their items and history, the run lock and the
transfer packages. Zaken, documenten and besluiten stay in the registers."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ListState(models.TextChoices):
    CONCEPT = "concept", _("Concept")
    TER_BEOORDELING = "ter_beoordeling", _("Ter beoordeling")
    TERUGGESTUURD = "teruggestuurd", _("Teruggestuurd")
    BIJ_ARCHIVARIS = "bij_archivaris", _("Ter goedkeuring bij de archivaris")
    GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd, wordt vernietigd")
    VERNIETIGD = "vernietigd", _("Vernietigd")


class DestructionList(models.Model):
    """A vernietigingslijst: composed by a recordmanager, reviewed, approved by an archivaris,
    then destroyed item by item (docs/adr/0081)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    naam = models.CharField(_("naam"), max_length=200)
    state = models.CharField(_("stand"), max_length=20, choices=ListState.choices, default=ListState.CONCEPT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("samengesteld door"),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("beoordelaar"),
    )
    created_at = models.DateTimeField(_("aangemaakt"), default=timezone.now)
    updated_at = models.DateTimeField(_("gewijzigd"), default=timezone.now)
    destroyed_at = models.DateTimeField(_("vernietigd op"), null=True, blank=True)
    # the verklaring van vernietiging, once made: its zaak and document in the registers
    verklaring_zaak = models.URLField(max_length=1000, blank=True)
    verklaring_document = models.URLField(max_length=1000, blank=True)

    class Meta:
        verbose_name = _("vernietigingslijst")
        verbose_name_plural = _("vernietigingslijsten")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["state"], name="archief_list_state")]

    def __str__(self) -> str:
        return self.naam

    @property
    def verklaring_identificatie(self) -> str:
        """The identificatie of the verklaring's zaak and document: fixed per list, so a run that
        stopped after creating them finds them again instead of making a second one."""
        return f"VVV-{self.uuid.hex}"


class Step(models.TextChoices):
    """How far the destruction of one item is. Each step is committed after the registers did it,
    so a run that stops continues at the next step (docs/adr/0082)."""

    OPEN = "open", _("Nog niet vernietigd")
    GEPLAND = "gepland", _("Vastgelegd wat vernietigd wordt")
    BESLUITEN = "besluiten", _("Besluiten vernietigd")
    ZAAK = "zaak", _("Zaak vernietigd")
    VERNIETIGD = "vernietigd", _("Vernietigd")
    OVERGESLAGEN = "overgeslagen", _("Overgeslagen")


class DestructionListItem(models.Model):
    """One zaak on a list. What identifies it stays after destruction; its omschrijving is cleared."""

    destruction_list = models.ForeignKey(DestructionList, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(default=0)
    zaak_url = models.URLField(max_length=1000)
    identificatie = models.CharField(_("identificatie"), max_length=40)
    bronorganisatie = models.CharField(max_length=9, blank=True)
    omschrijving = models.CharField(_("omschrijving"), max_length=80, blank=True)
    zaaktype_url = models.URLField(max_length=1000)
    zaaktype_identificatie = models.CharField(max_length=50, blank=True)
    zaaktype_omschrijving = models.CharField(_("zaaktype"), max_length=80, blank=True)
    selectielijstklasse = models.URLField(max_length=1000, blank=True)
    selectielijstklasse_label = models.CharField(_("selectielijstklasse"), max_length=300, blank=True)
    resultaat = models.CharField(_("resultaat"), max_length=200, blank=True)
    archiefactiedatum = models.DateField(_("archiefactiedatum"), null=True, blank=True)
    einddatum = models.DateField(_("einddatum"), null=True, blank=True)
    excluded = models.BooleanField(_("uitgezonderd"), default=False)
    exclusion_reason = models.TextField(_("reden van uitzondering"), blank=True)
    review_comment = models.TextField(_("opmerking van de beoordelaar"), blank=True)
    step = models.CharField(_("vernietiging"), max_length=20, choices=Step.choices, default=Step.OPEN)
    # what the destruction deletes, recorded before the first delete: zaken, besluiten, documenten
    plan = models.JSONField(default=dict, blank=True)
    skip_reason = models.TextField(blank=True)
    destroyed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("zaak op een vernietigingslijst")
        verbose_name_plural = _("zaken op vernietigingslijsten")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["destruction_list", "zaak_url"], name="archief_item_unique_zaak")
        ]
        indexes = [models.Index(fields=["destruction_list", "step"], name="archief_item_step")]

    def __str__(self) -> str:
        return self.identificatie


class Action(models.TextChoices):
    AANGEMAAKT = "aangemaakt", _("Lijst samengesteld")
    UITGEZONDERD = "uitgezonderd", _("Zaak uitgezonderd")
    OPGENOMEN = "opgenomen", _("Uitzondering ingetrokken")
    INGEDIEND = "ingediend", _("Ter beoordeling aangeboden")
    TERUGGESTUURD = "teruggestuurd", _("Teruggestuurd")
    BEOORDEELD = "beoordeeld", _("Goedgekeurd door de beoordelaar")
    GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd door de archivaris")
    VERNIETIGING_GESTART = "vernietiging_gestart", _("Vernietiging gestart")
    VERNIETIGD = "vernietigd", _("Vernietigd, verklaring opgemaakt")


class ListEvent(models.Model):
    """Who did what to a list, and when: the history shown on the list's page."""

    destruction_list = models.ForeignKey(DestructionList, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    username = models.CharField(max_length=150)
    name = models.CharField(max_length=300)
    action = models.CharField(max_length=30, choices=Action.choices)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action}"


class RunLock(models.Model):
    """At most one destruction run at a time: the run holds the row named ``vernietiging``.

    ``holder`` is ``host:pid:token``; a holder whose process is gone (same host) or whose
    heartbeat is older than the stale time may be replaced (docs/adr/0082).
    """

    name = models.CharField(max_length=50, unique=True)
    holder = models.CharField(max_length=200, blank=True)
    acquired_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name}: {self.holder or '-'}"


class PackageState(models.TextChoices):
    BEZIG = "bezig", _("Wordt gemaakt")
    KLAAR = "klaar", _("Klaar, wacht op ontvangst door het e-Depot")
    FOUT = "fout", _("Mislukt")
    # the e-Depot confirmed receipt; the zaken are being marked overgedragen (docs/adr/0098)
    ONTVANGEN = "ontvangen", _("Ontvangen door het e-Depot, zaken worden als overgedragen vastgelegd")
    OVERGEDRAGEN = "overgedragen", _("Overgedragen")


class TransferPackage(models.Model):
    """An archive package of zaken for an e-Depot: a ZIP with MDTO metadata and the documents."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    naam = models.CharField(_("naam"), max_length=200)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    state = models.CharField(max_length=20, choices=PackageState.choices, default=PackageState.BEZIG)
    zaak_urls = models.JSONField(default=list)
    zaken = models.PositiveIntegerField(default=0)
    documenten = models.PositiveIntegerField(default=0)
    file_name = models.CharField(max_length=300, blank=True)
    size = models.BigIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    problem = models.TextField(blank=True)
    # the e-Depot's confirmation of receipt, as the recordmanager recorded it (docs/adr/0098)
    ontvangen_op = models.DateField(_("ontvangen op"), null=True, blank=True)
    ontvangstkenmerk = models.CharField(_("kenmerk van de ontvangstbevestiging"), max_length=200, blank=True)
    ontvangst_vastgelegd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    ontvangst_vastgelegd_op = models.DateTimeField(null=True, blank=True)
    overgedragen_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("overbrengingspakket")
        verbose_name_plural = _("overbrengingspakketten")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.naam


class TransferState(models.TextChoices):
    IN_PAKKET = "in_pakket", _("In het pakket")
    OVERGEDRAGEN = "overgedragen", _("Overgedragen")
    AFGEWEZEN = "afgewezen", _("Niet overgedragen: gewijzigd na het maken van het pakket")


class TransferItem(models.Model):
    """One zaak in a package: what went in (its documents and their versions), and whether it has
    been marked overgedragen in the Zaken API after the e-Depot confirmed receipt
    (docs/adr/0098)."""

    package = models.ForeignKey(TransferPackage, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(default=0)
    zaak_url = models.URLField(max_length=1000)
    identificatie = models.CharField(_("identificatie"), max_length=40)
    zaaktype_omschrijving = models.CharField(_("zaaktype"), max_length=80, blank=True)
    # [[document url, versie], ...]: exactly what the package holds of the zaak
    documenten = models.JSONField(default=list)
    state = models.CharField(
        _("overdracht"), max_length=20, choices=TransferState.choices, default=TransferState.IN_PAKKET
    )
    # set once the zaak was found unchanged since the package, before anything is written: from
    # then on a run finishes it (archiving a document makes a new version of it)
    checked = models.BooleanField(default=False)
    # why it was not marked (afgewezen), or the last problem of a run that will try again
    problem = models.TextField(blank=True)
    overgedragen_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("zaak in een overbrengingspakket")
        verbose_name_plural = _("zaken in overbrengingspakketten")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["package", "zaak_url"], name="archief_transferitem_unique_zaak")
        ]
        indexes = [models.Index(fields=["package", "state"], name="archief_transferitem_state")]

    def __str__(self) -> str:
        return self.identificatie
