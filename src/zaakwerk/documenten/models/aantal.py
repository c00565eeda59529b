"""Kept counts of documents per informatieobjecttype and vertrouwelijkheid of their current
version: in all, for list counts without COUNT(*), and per block of ids, for deep pages without
a long OFFSET (maintained by zaakwerk.documenten.counts in the transaction of every change)."""

from __future__ import annotations

from typing import ClassVar

from django.db import models

from zaakwerk.documenten.models.base import url_field


class DocumentAantal(models.Model):
    informatieobjecttype = url_field()
    vertrouwelijkheid_rank = models.PositiveSmallIntegerField()
    aantal = models.BigIntegerField(default=0)

    objects: ClassVar[models.Manager[DocumentAantal]] = models.Manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["informatieobjecttype", "vertrouwelijkheid_rank"], name="documentaantal_unique_groep"
            )
        ]

    def __str__(self) -> str:
        return f"{self.informatieobjecttype} ({self.vertrouwelijkheid_rank}): {self.aantal}"


class DocumentBlokAantal(models.Model):
    informatieobjecttype = url_field()
    vertrouwelijkheid_rank = models.PositiveSmallIntegerField()
    # the documents' ids // zaakwerk.documenten.counts.BLOCK
    blok = models.PositiveIntegerField()
    aantal = models.BigIntegerField(default=0)

    objects: ClassVar[models.Manager[DocumentBlokAantal]] = models.Manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["informatieobjecttype", "vertrouwelijkheid_rank", "blok"],
                name="documentblokaantal_unique_groep",
            )
        ]

    def __str__(self) -> str:
        return f"{self.informatieobjecttype} ({self.vertrouwelijkheid_rank}, blok {self.blok}): {self.aantal}"
