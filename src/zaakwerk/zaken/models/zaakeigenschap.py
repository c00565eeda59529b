"""ZaakEigenschap: the value of an eigenschap of the zaaktype for one zaak (RULES.md 3.8)."""

from __future__ import annotations

from django.db import models

from zaakwerk.core.references import build_url
from zaakwerk.zaken.models.base import UUIDModel, url_field
from zaakwerk.zaken.models.zaak import Zaak


class ZaakEigenschap(UUIDModel):
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="zaakeigenschappen")
    eigenschap = url_field()
    # Copied from the eigenschap when created (read-only in the API).
    naam = models.CharField(max_length=200)
    waarde = models.TextField()

    class Meta:
        verbose_name = "zaakeigenschap"
        verbose_name_plural = "zaakeigenschappen"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.zaak_id} {self.naam}"

    @property
    def url(self) -> str:
        return build_url("zaken", "zaken", self.zaak.uuid, "zaakeigenschappen", str(self.uuid))
