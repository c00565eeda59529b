"""Types that belong to one zaaktype version: statustypen, roltypen, resultaattypen,
eigenschappen, zaakobjecttypen and zaaktype-informatieobjecttypen.

Their validity follows their zaaktype; the optional date fields keep what a client supplied
(RULES.md 2.3) and are rendered from the zaaktype when empty.
"""

from __future__ import annotations

from django.db import models

from zaakwerk.catalogi.models.base import UUIDModel
from zaakwerk.catalogi.models.choices import (
    Afleidingswijze,
    Archiefnominatie,
    Formaat,
    Richting,
    RolOmschrijvingGeneriek,
)
from zaakwerk.catalogi.models.zaaktype import ZaakType


class SubtypeGeldigheid(models.Model):
    begin_geldigheid = models.DateField(null=True, blank=True)
    einde_geldigheid = models.DateField(null=True, blank=True)
    begin_object = models.DateField(null=True, blank=True)
    einde_object = models.DateField(null=True, blank=True)

    class Meta:
        abstract = True


class StatusType(UUIDModel, SubtypeGeldigheid):
    zaaktype = models.ForeignKey(ZaakType, on_delete=models.CASCADE, related_name="statustypen")
    omschrijving = models.CharField(max_length=80)
    omschrijving_generiek = models.CharField(max_length=80, blank=True)
    statustekst = models.CharField(max_length=1000, blank=True)
    volgnummer = models.PositiveIntegerField()
    informeren = models.BooleanField(default=False)
    doorlooptijd = models.CharField(max_length=40, null=True, blank=True)
    toelichting = models.CharField(max_length=1000, null=True, blank=True)
    checklistitem_statustype = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = "statustype"
        verbose_name_plural = "statustypen"
        ordering = ["zaaktype", "volgnummer"]
        constraints = [
            models.UniqueConstraint(fields=["zaaktype", "volgnummer"], name="statustype_volgnummer_uniek")
        ]

    def __str__(self) -> str:
        return f"{self.volgnummer}. {self.omschrijving}"


class RolType(UUIDModel, SubtypeGeldigheid):
    zaaktype = models.ForeignKey(ZaakType, on_delete=models.CASCADE, related_name="roltypen")
    omschrijving = models.CharField(max_length=100)
    omschrijving_generiek = models.CharField(max_length=20, choices=RolOmschrijvingGeneriek.choices)

    class Meta:
        verbose_name = "roltype"
        verbose_name_plural = "roltypen"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.omschrijving


class ResultaatType(UUIDModel, SubtypeGeldigheid):
    zaaktype = models.ForeignKey(ZaakType, on_delete=models.CASCADE, related_name="resultaattypen")
    omschrijving = models.CharField(max_length=30)
    resultaattypeomschrijving = models.URLField(max_length=1000)
    omschrijving_generiek = models.CharField(
        max_length=80, blank=True, help_text="Copied from the resultaattypeomschrijving (ztc-002)."
    )
    selectielijstklasse = models.URLField(max_length=1000)
    toelichting = models.TextField(blank=True)
    archiefnominatie = models.CharField(max_length=20, choices=Archiefnominatie.choices, blank=True)
    archiefactietermijn = models.CharField(max_length=40, null=True, blank=True)
    brondatum_afleidingswijze = models.CharField(max_length=20, choices=Afleidingswijze.choices, blank=True)
    brondatum_datumkenmerk = models.CharField(max_length=80, blank=True)
    brondatum_einddatum_bekend = models.BooleanField(default=False)
    brondatum_objecttype = models.CharField(max_length=80, blank=True)
    brondatum_registratie = models.CharField(max_length=80, blank=True)
    brondatum_procestermijn = models.CharField(max_length=40, null=True, blank=True)
    procesobjectaard = models.CharField(max_length=200, null=True, blank=True)
    indicatie_specifiek = models.BooleanField(null=True, blank=True)
    procestermijn = models.CharField(max_length=40, null=True, blank=True)

    class Meta:
        verbose_name = "resultaattype"
        verbose_name_plural = "resultaattypen"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.omschrijving


class ResultaatTypeBesluitType(models.Model):
    resultaattype = models.ForeignKey(
        ResultaatType, on_delete=models.CASCADE, related_name="besluittype_links"
    )
    besluittype_omschrijving = models.CharField(max_length=80)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["resultaattype", "position", "id"]

    def __str__(self) -> str:
        return self.besluittype_omschrijving


class ResultaatTypeInformatieObjectType(models.Model):
    resultaattype = models.ForeignKey(
        ResultaatType, on_delete=models.CASCADE, related_name="informatieobjecttype_links"
    )
    informatieobjecttype_omschrijving = models.CharField(max_length=80)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["resultaattype", "position", "id"]

    def __str__(self) -> str:
        return self.informatieobjecttype_omschrijving


class Eigenschap(UUIDModel, SubtypeGeldigheid):
    zaaktype = models.ForeignKey(ZaakType, on_delete=models.CASCADE, related_name="eigenschappen")
    naam = models.CharField(max_length=20)
    definitie = models.CharField(max_length=255)
    toelichting = models.CharField(max_length=1000, blank=True)
    statustype = models.ForeignKey(
        StatusType, on_delete=models.SET_NULL, null=True, blank=True, related_name="eigenschappen"
    )
    specificatie_groep = models.CharField(max_length=32, blank=True)
    specificatie_formaat = models.CharField(max_length=20, choices=Formaat.choices)
    specificatie_lengte = models.CharField(max_length=14)
    specificatie_kardinaliteit = models.CharField(max_length=3)
    specificatie_waardenverzameling = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = "eigenschap"
        verbose_name_plural = "eigenschappen"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.naam


class ZaakTypeInformatieObjectType(UUIDModel):
    """Which kind of document a zaaktype uses; the informatieobjecttype by omschrijving."""

    zaaktype = models.ForeignKey(
        ZaakType, on_delete=models.CASCADE, related_name="informatieobjecttype_links"
    )
    informatieobjecttype_omschrijving = models.CharField(max_length=100)
    volgnummer = models.PositiveIntegerField()
    richting = models.CharField(max_length=20, choices=Richting.choices)
    statustype = models.ForeignKey(
        StatusType,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="informatieobjecttype_links",
    )

    class Meta:
        verbose_name = "zaaktype-informatieobjecttype"
        verbose_name_plural = "zaaktype-informatieobjecttypen"
        ordering = ["zaaktype", "volgnummer", "id"]
        indexes = [models.Index(fields=["informatieobjecttype_omschrijving"])]

    def __str__(self) -> str:
        return f"{self.zaaktype_id}: {self.informatieobjecttype_omschrijving}"


class ZaakObjectType(UUIDModel, SubtypeGeldigheid):
    zaaktype = models.ForeignKey(ZaakType, on_delete=models.CASCADE, related_name="zaakobjecttypen")
    ander_objecttype = models.BooleanField()
    objecttype = models.URLField(max_length=200)
    relatie_omschrijving = models.CharField(max_length=80)

    class Meta:
        verbose_name = "zaakobjecttype"
        verbose_name_plural = "zaakobjecttypen"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.relatie_omschrijving
