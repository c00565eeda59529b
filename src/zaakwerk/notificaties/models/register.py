"""Kanaal and Abonnement (RULES.md 7): what the Notificaties API serves."""

from __future__ import annotations

import uuid as uuid_lib

from django.db import models

from zaakwerk.core.references import build_url

URL_LENGTH = 1000


class Kanaal(models.Model):
    """A channel producers publish on; ``filters`` names the kenmerken subscribers may filter on."""

    uuid = models.UUIDField(default=uuid_lib.uuid4, unique=True, editable=False)
    naam = models.CharField(max_length=50, unique=True)
    documentatie_link = models.URLField(max_length=200, blank=True)
    filters = models.JSONField(default=list, blank=True, help_text="Ordered list of kenmerk names")

    class Meta:
        verbose_name = "kanaal"
        verbose_name_plural = "kanalen"
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam

    @property
    def url(self) -> str:
        return build_url("notificaties", "kanaal", self.uuid)


class Abonnement(models.Model):
    """A subscriber: where to deliver, with which Authorization header, for which kanalen."""

    uuid = models.UUIDField(default=uuid_lib.uuid4, unique=True, editable=False)
    callback_url = models.URLField(max_length=URL_LENGTH)
    auth = models.TextField(help_text="Value of the Authorization header sent with each delivery")
    client_id = models.CharField(max_length=100, blank=True, help_text="API client that created it")
    # Beyond the standard (ADR): deliver as a CloudEvent (NL GOV profile) instead of the ZGW message.
    cloudevents = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "abonnement"
        verbose_name_plural = "abonnementen"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.callback_url

    @property
    def url(self) -> str:
        return build_url("notificaties", "abonnement", self.uuid)


class AbonnementKanaal(models.Model):
    """One kanaal of an abonnement with its filters: ``{kenmerk: waarde}``; ``"*"`` matches all."""

    abonnement = models.ForeignKey(Abonnement, on_delete=models.CASCADE, related_name="kanalen")
    kanaal = models.ForeignKey(Kanaal, on_delete=models.PROTECT, related_name="abonnementen")
    filters = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "kanaal van een abonnement"
        verbose_name_plural = "kanalen van abonnementen"
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["abonnement", "kanaal"], name="abonnement_kanaal_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.abonnement} {self.kanaal}"
