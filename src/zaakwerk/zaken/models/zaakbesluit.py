"""ZaakBesluit: a besluit about the zaak, kept in step by the Besluiten API (brc-006)."""

from __future__ import annotations

from django.db import models

from zaakwerk.core.references import build_url
from zaakwerk.zaken.models.base import UUIDModel, url_field
from zaakwerk.zaken.models.zaak import Zaak


class ZaakBesluit(UUIDModel):
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="zaakbesluiten")
    besluit = url_field(db_index=True)

    class Meta:
        verbose_name = "zaakbesluit"
        verbose_name_plural = "zaakbesluiten"
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["zaak", "besluit"], name="zaakbesluit_unique")]

    def __str__(self) -> str:
        return f"{self.zaak_id} {self.besluit}"

    @property
    def url(self) -> str:
        return build_url("zaken", "zaken", self.zaak.uuid, "besluiten", str(self.uuid))
