"""Applicaties and their autorisaties: the Autorisaties API's data, and what the JWT layer
enforces (one source of truth)."""

from __future__ import annotations

import uuid as uuid_lib

from django.db import models

from zaakwerk.core.vertrouwelijkheid import VertrouwelijkheidAanduiding


class Component(models.TextChoices):
    ac = "ac", "Autorisaties API"
    nrc = "nrc", "Notificaties API"
    zrc = "zrc", "Zaken API"
    ztc = "ztc", "Catalogi API"
    drc = "drc", "Documenten API"
    brc = "brc", "Besluiten API"


class Applicatie(models.Model):
    uuid = models.UUIDField(default=uuid_lib.uuid4, unique=True, editable=False)
    label = models.CharField(max_length=100)
    heeft_alle_autorisaties = models.BooleanField(default=False)
    alleen_is_gereed_voor_publicatie = models.BooleanField(default=False)

    class Meta:
        verbose_name = "applicatie"
        verbose_name_plural = "applicaties"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.label


class ClientId(models.Model):
    """A client id of an Applicatie; each client id belongs to one Applicatie (ac-001)."""

    applicatie = models.ForeignKey(Applicatie, on_delete=models.CASCADE, related_name="client_ids")
    client_id = models.CharField(max_length=255, unique=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["applicatie", "position"]

    def __str__(self) -> str:
        return self.client_id


class Autorisatie(models.Model):
    applicatie = models.ForeignKey(Applicatie, on_delete=models.CASCADE, related_name="autorisaties")
    component = models.CharField(max_length=50, choices=Component.choices)
    scopes = models.JSONField(default=list)
    # URLs, checked by services.is_absolute_url (Django's URLValidator would refuse hosts
    # without a domain, such as a container's service name, which the API accepts).
    zaaktype = models.CharField(max_length=1000, blank=True)
    informatieobjecttype = models.CharField(max_length=1000, blank=True)
    besluittype = models.CharField(max_length=1000, blank=True)
    max_vertrouwelijkheidaanduiding = models.CharField(
        max_length=20, choices=VertrouwelijkheidAanduiding.choices, blank=True
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["applicatie", "position", "id"]

    def __str__(self) -> str:
        return f"{self.component}: {', '.join(self.scopes)}"

    @property
    def type_url(self) -> str:
        return self.zaaktype or self.informatieobjecttype or self.besluittype
