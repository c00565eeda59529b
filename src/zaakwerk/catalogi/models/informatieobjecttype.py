from __future__ import annotations

from django.db import models

from zaakwerk.catalogi.models.base import ConceptMixin, GeldigheidMixin, UUIDModel
from zaakwerk.catalogi.models.catalogus import Catalogus
from zaakwerk.core.vertrouwelijkheid import VertrouwelijkheidAanduiding


class InformatieObjectType(UUIDModel, GeldigheidMixin, ConceptMixin):
    """One version of a kind of document; versions share their ``omschrijving``."""

    catalogus = models.ForeignKey(Catalogus, on_delete=models.PROTECT, related_name="informatieobjecttypen")
    omschrijving = models.CharField(max_length=80)
    vertrouwelijkheidaanduiding = models.CharField(max_length=20, choices=VertrouwelijkheidAanduiding.choices)
    informatieobjectcategorie = models.CharField(max_length=80)
    trefwoord = models.JSONField(default=list, blank=True)
    omschrijving_generiek_informatieobjecttype = models.CharField(max_length=80, blank=True)
    omschrijving_generiek_definitie = models.CharField(max_length=255, blank=True)
    omschrijving_generiek_herkomst = models.CharField(max_length=12, blank=True)
    omschrijving_generiek_hierarchie = models.CharField(max_length=80, blank=True)
    omschrijving_generiek_opmerking = models.CharField(max_length=255, null=True, blank=True)

    class Meta:
        verbose_name = "informatieobjecttype"
        verbose_name_plural = "informatieobjecttypen"
        ordering = ["id"]
        indexes = [models.Index(fields=["catalogus", "omschrijving", "begin_geldigheid"])]

    def __str__(self) -> str:
        return f"{self.omschrijving} ({self.begin_geldigheid})"
