"""Status and Resultaat of a zaak (RULES.md 3.4)."""

from __future__ import annotations

from django.db import models

from zaakwerk.core.references import build_url
from zaakwerk.zaken.models.base import UUIDModel, url_field
from zaakwerk.zaken.models.zaak import Zaak


class Status(UUIDModel):
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="statussen")
    statustype = url_field()
    datum_status_gezet = models.DateTimeField()
    statustoelichting = models.CharField(max_length=1000, blank=True)
    gezetdoor = models.ForeignKey(
        "zaken.Rol", on_delete=models.SET_NULL, null=True, blank=True, related_name="statussen"
    )

    class Meta:
        verbose_name = "status"
        verbose_name_plural = "statussen"
        ordering = ["id"]
        indexes = [models.Index(fields=["zaak", "datum_status_gezet"], name="status_zaak_datum")]

    def __str__(self) -> str:
        return f"{self.zaak_id} {self.datum_status_gezet}"

    @property
    def url(self) -> str:
        return build_url("zaken", "statussen", self.uuid)


class Resultaat(UUIDModel):
    # One resultaat per zaak (zrc-007: a second one is 400 `unique`).
    zaak = models.OneToOneField(Zaak, on_delete=models.CASCADE, related_name="resultaat")
    resultaattype = url_field(db_index=True)
    toelichting = models.CharField(max_length=1000, blank=True)

    class Meta:
        verbose_name = "resultaat"
        verbose_name_plural = "resultaten"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.zaak_id} {self.resultaattype}"

    @property
    def url(self) -> str:
        return build_url("zaken", "resultaten", self.uuid)
