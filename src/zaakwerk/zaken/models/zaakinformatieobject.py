"""ZaakInformatieObject: a document belonging to a zaak (RULES.md 3.3)."""

from __future__ import annotations

from django.db import models

from zaakwerk.core.references import build_url
from zaakwerk.zaken.models.base import UUIDModel, url_field
from zaakwerk.zaken.models.choices import AardRelatieInformatieObject
from zaakwerk.zaken.models.status import Status
from zaakwerk.zaken.models.zaak import Zaak


class ZaakInformatieObject(UUIDModel):
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="zaakinformatieobjecten")
    informatieobject = url_field(db_index=True)
    # zrc-004: set by the system (hoort_bij for a zaak).
    aard_relatie = models.CharField(
        max_length=20,
        choices=AardRelatieInformatieObject.choices,
        default=AardRelatieInformatieObject.hoort_bij,
    )
    titel = models.CharField(max_length=200, blank=True)
    beschrijving = models.TextField(blank=True)
    registratiedatum = models.DateTimeField()
    vernietigingsdatum = models.DateTimeField(null=True, blank=True)
    status = models.ForeignKey(
        Status, on_delete=models.SET_NULL, null=True, blank=True, related_name="zaakinformatieobjecten"
    )

    class Meta:
        verbose_name = "zaakinformatieobject"
        verbose_name_plural = "zaakinformatieobjecten"
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["zaak", "informatieobject"], name="zio_unique_informatieobject")
        ]

    def __str__(self) -> str:
        return f"{self.zaak_id} {self.informatieobject}"

    @property
    def url(self) -> str:
        return build_url("zaken", "zaakinformatieobjecten", self.uuid)
