from __future__ import annotations

from django.db import models

from zaakwerk.catalogi.models.base import ConceptMixin, GeldigheidMixin, UUIDModel
from zaakwerk.catalogi.models.catalogus import Catalogus


class BesluitType(UUIDModel, GeldigheidMixin, ConceptMixin):
    """One version of a kind of decision; versions share their ``omschrijving``."""

    catalogus = models.ForeignKey(Catalogus, on_delete=models.PROTECT, related_name="besluittypen")
    omschrijving = models.CharField(max_length=80, blank=True)
    omschrijving_generiek = models.CharField(max_length=80, blank=True)
    besluitcategorie = models.CharField(max_length=40, blank=True)
    reactietermijn = models.CharField(max_length=40, null=True, blank=True)
    publicatie_indicatie = models.BooleanField()
    publicatietekst = models.TextField(blank=True)
    publicatietermijn = models.CharField(max_length=40, null=True, blank=True)
    toelichting = models.TextField(blank=True)

    class Meta:
        verbose_name = "besluittype"
        verbose_name_plural = "besluittypen"
        ordering = ["id"]
        indexes = [models.Index(fields=["catalogus", "omschrijving", "begin_geldigheid"])]

    def __str__(self) -> str:
        return f"{self.omschrijving} ({self.begin_geldigheid})"


class BesluitTypeInformatieObjectType(models.Model):
    """besluittype.informatieobjecttypen, by informatieobjecttype omschrijving."""

    besluittype = models.ForeignKey(
        BesluitType, on_delete=models.CASCADE, related_name="informatieobjecttype_links"
    )
    informatieobjecttype_omschrijving = models.CharField(max_length=80)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["besluittype", "position", "id"]
        indexes = [models.Index(fields=["informatieobjecttype_omschrijving"])]

    def __str__(self) -> str:
        return self.informatieobjecttype_omschrijving
