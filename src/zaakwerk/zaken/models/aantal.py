"""Kept counts of zaken per zaaktype and vertrouwelijkheid, for list counts without COUNT(*)
(maintained by zaakwerk.zaken.counts in the transaction of every change)."""

from __future__ import annotations

from typing import ClassVar

from django.db import models

from zaakwerk.zaken.models.base import url_field


class ZaakAantal(models.Model):
    zaaktype = url_field()
    vertrouwelijkheid_rank = models.PositiveSmallIntegerField()
    aantal = models.BigIntegerField(default=0)

    objects: ClassVar[models.Manager[ZaakAantal]] = models.Manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["zaaktype", "vertrouwelijkheid_rank"], name="zaakaantal_unique_groep"
            )
        ]

    def __str__(self) -> str:
        return f"{self.zaaktype} ({self.vertrouwelijkheid_rank}): {self.aantal}"


class ZaakBlokAantal(models.Model):
    """Kept counts of zaken per block of ids (``id // BLOK_GROOTTE``), so a deep page of the whole
    list, ordered by id, starts at the right block instead of skipping every row before it
    (maintained by zaakwerk.zaken.counts in the transaction of every create and delete)."""

    blok = models.BigIntegerField(unique=True)
    aantal = models.BigIntegerField(default=0)

    objects: ClassVar[models.Manager[ZaakBlokAantal]] = models.Manager()

    def __str__(self) -> str:
        return f"{self.blok}: {self.aantal}"
