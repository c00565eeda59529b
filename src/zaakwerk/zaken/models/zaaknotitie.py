"""ZaakNotitie: a note on a zaak (Zaken API 1.7, experimental)."""

from __future__ import annotations

from django.db import models

from zaakwerk.core.references import build_url
from zaakwerk.zaken.models.base import UUIDModel
from zaakwerk.zaken.models.choices import NotitieStatus, NotitieType
from zaakwerk.zaken.models.zaak import Zaak


class ZaakNotitie(UUIDModel):
    gerelateerd_aan = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="notities")
    onderwerp = models.CharField(max_length=255)
    tekst = models.TextField()
    aangemaakt_door = models.CharField(max_length=255, blank=True)
    notitie_type = models.CharField(max_length=10, choices=NotitieType.choices, blank=True)
    status = models.CharField(max_length=10, choices=NotitieStatus.choices, blank=True)
    aanmaakdatum = models.DateTimeField(auto_now_add=True, db_index=True)
    wijzigingsdatum = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name = "zaaknotitie"
        verbose_name_plural = "zaaknotities"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.onderwerp

    @property
    def url(self) -> str:
        return build_url("zaken", "zaaknotities", self.uuid)
