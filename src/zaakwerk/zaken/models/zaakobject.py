"""ZaakObject: an object the zaak is about (RULES.md 3.2)."""

from __future__ import annotations

from django.db import models

from zaakwerk.core.references import build_url
from zaakwerk.zaken.models.base import UUIDModel, url_field
from zaakwerk.zaken.models.choices import ObjectType
from zaakwerk.zaken.models.zaak import Zaak


class ZaakObject(UUIDModel):
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="zaakobjecten")
    object = url_field(blank=True, db_index=True)
    zaakobjecttype = url_field(blank=True)
    object_type = models.CharField(max_length=100, choices=ObjectType.choices, db_index=True)
    object_type_overige = models.CharField(max_length=100, blank=True)
    # {"url", "schema", "objectData"} or null
    object_type_overige_definitie = models.JSONField(null=True, blank=True)
    relatieomschrijving = models.CharField(max_length=80, blank=True)
    # The objectIdentificatie of whichever objectType variant was given.
    object_identificatie = models.JSONField(null=True, blank=True)

    class Meta:
        verbose_name = "zaakobject"
        verbose_name_plural = "zaakobjecten"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.zaak_id} {self.object_type}"

    @property
    def url(self) -> str:
        return build_url("zaken", "zaakobjecten", self.uuid)
