"""Zaaktype: one version of a kind of case, and its version-independent relations.

Relations between main types are stored by *name* (besluittype and informatieobjecttype by
omschrijving, deelzaaktypen by identificatie), as Catalogi 1.3 defines them: they hold for
whichever version of the other type is valid on a given date (RULES.md 2.3).
"""

from __future__ import annotations

from django.db import models

from zaakwerk.catalogi.models.base import ConceptMixin, GeldigheidMixin, UUIDModel
from zaakwerk.catalogi.models.catalogus import Catalogus
from zaakwerk.catalogi.models.choices import AardRelatie, IndicatieInternOfExtern
from zaakwerk.core.vertrouwelijkheid import VertrouwelijkheidAanduiding


class ZaakType(UUIDModel, GeldigheidMixin, ConceptMixin):
    catalogus = models.ForeignKey(Catalogus, on_delete=models.PROTECT, related_name="zaaktypen")
    identificatie = models.CharField(max_length=50)
    omschrijving = models.CharField(max_length=80)
    omschrijving_generiek = models.CharField(max_length=80, blank=True)
    vertrouwelijkheidaanduiding = models.CharField(max_length=20, choices=VertrouwelijkheidAanduiding.choices)
    doel = models.TextField()
    aanleiding = models.TextField()
    toelichting = models.TextField(blank=True)
    indicatie_intern_of_extern = models.CharField(max_length=6, choices=IndicatieInternOfExtern.choices)
    handeling_initiator = models.CharField(max_length=20)
    onderwerp = models.CharField(max_length=80)
    handeling_behandelaar = models.CharField(max_length=20)
    # ISO 8601 durations are kept as text: "P1M" and "P30D" are different durations.
    doorlooptijd = models.CharField(max_length=40)
    servicenorm = models.CharField(max_length=40, null=True, blank=True)
    opschorting_en_aanhouding_mogelijk = models.BooleanField()
    verlenging_mogelijk = models.BooleanField()
    verlengingstermijn = models.CharField(max_length=40, null=True, blank=True)
    trefwoorden = models.JSONField(default=list, blank=True)
    publicatie_indicatie = models.BooleanField()
    publicatietekst = models.TextField(blank=True)
    verantwoordingsrelatie = models.JSONField(default=list, blank=True)
    producten_of_diensten = models.JSONField(default=list, blank=True)
    selectielijst_procestype = models.URLField(max_length=200, blank=True)
    referentieproces_naam = models.CharField(max_length=80)
    referentieproces_link = models.URLField(max_length=200, blank=True)
    verantwoordelijke = models.CharField(max_length=50)
    broncatalogus_url = models.URLField(max_length=200, blank=True)
    broncatalogus_domein = models.CharField(max_length=5, blank=True)
    broncatalogus_rsin = models.CharField(max_length=9, blank=True)
    bronzaaktype_url = models.URLField(max_length=200, blank=True)
    bronzaaktype_identificatie = models.CharField(max_length=50, blank=True)
    bronzaaktype_omschrijving = models.CharField(max_length=80, blank=True)
    versiedatum = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "zaaktype"
        verbose_name_plural = "zaaktypen"
        ordering = ["id"]
        indexes = [models.Index(fields=["catalogus", "identificatie", "begin_geldigheid"])]

    def __str__(self) -> str:
        return f"{self.omschrijving} ({self.identificatie}, {self.begin_geldigheid})"


class ZaakTypeBesluitType(models.Model):
    """zaaktype.besluittypen, by besluittype omschrijving."""

    zaaktype = models.ForeignKey(ZaakType, on_delete=models.CASCADE, related_name="besluittype_links")
    besluittype_omschrijving = models.CharField(max_length=80)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["zaaktype", "position", "id"]
        indexes = [models.Index(fields=["besluittype_omschrijving"])]

    def __str__(self) -> str:
        return self.besluittype_omschrijving


class ZaakTypeDeelzaaktype(models.Model):
    """zaaktype.deelzaaktypen, by zaaktype identificatie."""

    zaaktype = models.ForeignKey(ZaakType, on_delete=models.CASCADE, related_name="deelzaaktype_links")
    identificatie = models.CharField(max_length=50)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["zaaktype", "position", "id"]

    def __str__(self) -> str:
        return self.identificatie


class ZaakTypenRelatie(models.Model):
    """zaaktype.gerelateerdeZaaktypen: a URL (possibly of another catalogue) with its aard."""

    zaaktype = models.ForeignKey(ZaakType, on_delete=models.CASCADE, related_name="gerelateerde_zaaktypen")
    gerelateerd_zaaktype = models.URLField(max_length=200)
    aard_relatie = models.CharField(max_length=20, choices=AardRelatie.choices)
    toelichting = models.CharField(max_length=255, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["zaaktype", "position", "id"]

    def __str__(self) -> str:
        return f"{self.aard_relatie}: {self.gerelateerd_zaaktype}"
