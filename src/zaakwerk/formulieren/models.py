"""The forms' own tables: definitions and their versions, drafts and their files, and the steps
of a registration (docs/formulieren.md). Zaken and documents live in the registers."""

from __future__ import annotations

import secrets
import uuid
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class Formulier(models.Model):
    """A form for one zaaktype, known by its identificatie in a catalogus, so it follows new
    versions of the zaaktype."""

    slug = models.SlugField(_("adres"), max_length=80, unique=True)
    zaaktype_identificatie = models.CharField(_("zaaktype-identificatie"), max_length=50)
    catalogus = models.URLField(_("catalogus"), max_length=1000)

    class Meta:
        verbose_name = _("formulier")
        verbose_name_plural = _("formulieren")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.slug


class Versie(models.Model):
    """One version of a form's definition. A published version is never changed; an edit makes
    a new concept (services.definities)."""

    class Staat(models.TextChoices):
        CONCEPT = "concept", _("concept")
        GEPUBLICEERD = "gepubliceerd", _("gepubliceerd")
        INGETROKKEN = "ingetrokken", _("ingetrokken")

    formulier = models.ForeignKey(Formulier, on_delete=models.CASCADE, related_name="versies")
    nummer = models.PositiveIntegerField(_("versie"))
    staat = models.CharField(_("staat"), max_length=20, choices=Staat.choices, default=Staat.CONCEPT)
    definitie = models.JSONField(_("definitie"))
    aangemaakt = models.DateTimeField(auto_now_add=True)
    gepubliceerd = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("formulierversie")
        verbose_name_plural = _("formulierversies")
        ordering = ["formulier", "-nummer"]
        constraints = [
            models.UniqueConstraint(fields=["formulier", "nummer"], name="formulieren_versie_nummer"),
            # at most one published version per form: the one residents fill in
            models.UniqueConstraint(
                fields=["formulier"],
                condition=models.Q(staat="gepubliceerd"),
                name="formulieren_een_gepubliceerde_versie",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.formulier.slug} v{self.nummer} ({self.staat})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Refuses to change the definition of a version that is no longer a concept."""
        if self.pk is not None:
            stored = Versie.objects.filter(pk=self.pk).values("staat", "definitie").first()
            if stored and stored["staat"] != Versie.Staat.CONCEPT and stored["definitie"] != self.definitie:
                raise ValueError("a published form version is never changed; save a new concept")
        super().save(*args, **kwargs)


def new_reference() -> str:
    """The submission's reference shown to the visitor: short, unambiguous letters and digits."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "F-" + "".join(secrets.choice(alphabet) for _ in range(10))


class Inzending(models.Model):
    """A visitor's filling in of one form version: a draft, then a submission, then a zaak."""

    class Staat(models.TextChoices):
        CONCEPT = "concept", _("concept")
        INGEDIEND = "ingediend", _("ingediend, wordt geregistreerd")
        GEREGISTREERD = "geregistreerd", _("geregistreerd")
        MISLUKT = "mislukt", _("registratie mislukt")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    referentie = models.CharField(max_length=20, unique=True, default=new_reference, editable=False)
    versie = models.ForeignKey(Versie, on_delete=models.PROTECT, related_name="inzendingen")
    staat = models.CharField(max_length=20, choices=Staat.choices, default=Staat.CONCEPT, db_index=True)
    # whose it is: the login's identity, or (without a login) the browser session
    identiteit_soort = models.CharField(max_length=3, blank=True)
    identiteit = models.CharField(max_length=20, blank=True, db_index=True)
    vestigingsnummer = models.CharField(max_length=24, blank=True)  # eHerkenning for one vestiging
    sessie = models.CharField(max_length=64, blank=True)
    waarden = models.JSONField(default=dict)
    stap = models.CharField(max_length=40, blank=True)
    verloopt = models.DateTimeField(db_index=True)
    aangemaakt = models.DateTimeField(auto_now_add=True)
    ingediend = models.DateTimeField(null=True, blank=True)
    # the registration: the zaaktype version used, the zaak, what went wrong last
    zaaktype = models.URLField(max_length=1000, blank=True)
    zaak = models.URLField(max_length=1000, blank=True)
    zaak_identificatie = models.CharField(max_length=40, blank=True)
    pogingen = models.PositiveIntegerField(default=0)
    fout = models.TextField(blank=True)
    bevestiging_verstuurd = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("inzending")
        verbose_name_plural = _("inzendingen")
        ordering = ["-aangemaakt"]

    def __str__(self) -> str:
        return self.referentie


class Bijlage(models.Model):
    """A file a visitor attached to a draft, kept in the database until the zaak has it (so any
    number of stateless web processes share it, docs/adr/0087)."""

    inzending = models.ForeignKey(Inzending, on_delete=models.CASCADE, related_name="bijlagen")
    veld = models.CharField(max_length=40)
    bestandsnaam = models.CharField(max_length=255)
    formaat = models.CharField(max_length=100)
    grootte = models.PositiveIntegerField()
    inhoud = models.BinaryField()
    aangemaakt = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["inzending", "veld"], name="formulieren_bijlage_per_veld")
        ]

    def __str__(self) -> str:
        return self.bestandsnaam


class Registratiestap(models.Model):
    """One done step of registering a submission as a zaak (the object it made), so a retry
    after a failure skips what is there already (docs/adr/0088)."""

    inzending = models.ForeignKey(Inzending, on_delete=models.CASCADE, related_name="stappen")
    sleutel = models.CharField(max_length=80)  # e.g. "zaaknummer", "document:bijlage", "rol"
    url = models.CharField(max_length=1000, blank=True)
    waarde = models.CharField(max_length=200, blank=True)
    gedaan = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["inzending", "sleutel"], name="formulieren_stap_per_sleutel")
        ]

    def __str__(self) -> str:
        return self.sleutel
