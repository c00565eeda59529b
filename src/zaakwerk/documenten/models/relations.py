"""Gebruiksrecht, ObjectInformatieObject and Verzending: what hangs off a document (RULES.md 4.5, 4.6)."""

from __future__ import annotations

from django.db import models

from zaakwerk.core.references import build_url
from zaakwerk.documenten.models.base import UUIDModel, url_field
from zaakwerk.documenten.models.choices import AardRelatie, ObjectType
from zaakwerk.documenten.models.informatieobject import EnkelvoudigInformatieObject


class Gebruiksrecht(UUIDModel):
    """Conditions for using a document; their existence sets indicatieGebruiksrecht (drc-006)."""

    informatieobject = models.ForeignKey(
        EnkelvoudigInformatieObject, on_delete=models.CASCADE, related_name="gebruiksrechten"
    )
    startdatum = models.DateTimeField()
    einddatum = models.DateTimeField(null=True, blank=True)
    omschrijving_voorwaarden = models.TextField()

    class Meta:
        verbose_name = "gebruiksrecht"
        verbose_name_plural = "gebruiksrechten"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"gebruiksrecht {self.uuid}"

    @property
    def url(self) -> str:
        return build_url("documenten", "gebruiksrechten", self.uuid)


class ObjectInformatieObject(UUIDModel):
    """The mirror of a zaak's or besluit's relation to a document (drc-002..004)."""

    informatieobject = models.ForeignKey(
        EnkelvoudigInformatieObject, on_delete=models.CASCADE, related_name="objectinformatieobjecten"
    )
    object = url_field()
    object_type = models.CharField(max_length=20, choices=ObjectType.choices)

    class Meta:
        verbose_name = "objectinformatieobject"
        verbose_name_plural = "objectinformatieobjecten"
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["informatieobject", "object"], name="oio_unique_object")
        ]
        indexes = [models.Index(fields=["object"], name="oio_object")]

    def __str__(self) -> str:
        return f"{self.object_type} {self.object}"

    @property
    def url(self) -> str:
        return build_url("documenten", "objectinformatieobjecten", self.uuid)


class Verzending(UUIDModel):
    """One sending or receipt of a document, to or from one address (RULES.md 4.6).

    Exactly one address variant is set: one of the three structured addresses (JSON in the
    shape of the standard's ``…Verzending`` schema) or faxnummer, emailadres, mijnOverheid,
    telefoonnummer.
    """

    informatieobject = models.ForeignKey(
        EnkelvoudigInformatieObject, on_delete=models.CASCADE, related_name="verzendingen"
    )
    betrokkene = models.CharField(max_length=200)
    aard_relatie = models.CharField(max_length=20, choices=AardRelatie.choices)
    toelichting = models.CharField(max_length=200, blank=True)
    ontvangstdatum = models.DateField(null=True, blank=True)
    verzenddatum = models.DateField(null=True, blank=True)
    contact_persoon = url_field()
    contactpersoonnaam = models.CharField(max_length=40, blank=True)
    binnenlands_correspondentieadres = models.JSONField(null=True, blank=True)
    buitenlands_correspondentieadres = models.JSONField(null=True, blank=True)
    correspondentie_postadres = models.JSONField(null=True, blank=True)
    faxnummer = models.CharField(max_length=15, null=True, blank=True)
    emailadres = models.CharField(max_length=100, null=True, blank=True)
    mijn_overheid = models.BooleanField(default=False)
    telefoonnummer = models.CharField(max_length=15, null=True, blank=True)

    class Meta:
        verbose_name = "verzending"
        verbose_name_plural = "verzendingen"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"verzending {self.uuid}"

    @property
    def url(self) -> str:
        return build_url("documenten", "verzendingen", self.uuid)
