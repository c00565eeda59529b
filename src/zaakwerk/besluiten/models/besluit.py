"""Besluit and BesluitInformatieObject (RULES.md 5)."""

from __future__ import annotations

import uuid as uuid_lib

from django.db import models

from zaakwerk.core.references import build_url

# A reference to another register's object is ONE URL column (zaakwerk.core.references).
URL_LENGTH = 1000


class Vervalreden(models.TextChoices):
    tijdelijk = "tijdelijk", "Besluit met tijdelijke werking"
    ingetrokken_overheid = "ingetrokken_overheid", "Besluit ingetrokken door overheid"
    ingetrokken_belanghebbende = "ingetrokken_belanghebbende", "Besluit ingetrokken o.v.v. belanghebbende"


class Besluit(models.Model):
    uuid = models.UUIDField(default=uuid_lib.uuid4, unique=True, editable=False)
    # brc-002: unique per verantwoordelijke_organisatie, generated when not given, fixed afterwards
    identificatie = models.CharField(max_length=50)
    verantwoordelijke_organisatie = models.CharField(max_length=9)
    # brc-001: a published besluittype, fixed afterwards; also the authorisation key (component brc)
    besluittype = models.CharField(max_length=URL_LENGTH)
    # brc-006: the Zaken register holds the matching zaakbesluit
    zaak = models.CharField(max_length=URL_LENGTH, blank=True, db_index=True)
    datum = models.DateField()
    toelichting = models.TextField(blank=True)
    bestuursorgaan = models.CharField(max_length=50, blank=True)
    ingangsdatum = models.DateField()
    vervaldatum = models.DateField(null=True, blank=True)
    vervalreden = models.CharField(max_length=30, choices=Vervalreden.choices, blank=True)
    publicatiedatum = models.DateField(null=True, blank=True)
    verzenddatum = models.DateField(null=True, blank=True)
    uiterlijke_reactiedatum = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "besluit"
        verbose_name_plural = "besluiten"
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["verantwoordelijke_organisatie", "identificatie"], name="besluit_unique_identificatie"
            )
        ]
        indexes = [
            models.Index(fields=["besluittype", "id"], name="besluit_authorisation"),
            models.Index(fields=["identificatie"], name="besluit_identificatie"),
        ]

    def __str__(self) -> str:
        return f"{self.verantwoordelijke_organisatie} {self.identificatie}"

    @property
    def url(self) -> str:
        return build_url("besluiten", "besluiten", self.uuid)


class BesluitInformatieObject(models.Model):
    uuid = models.UUIDField(default=uuid_lib.uuid4, unique=True, editable=False)
    # brc-009: deleting a besluit deletes its besluitinformatieobjecten
    besluit = models.ForeignKey(Besluit, on_delete=models.CASCADE, related_name="besluitinformatieobjecten")
    informatieobject = models.CharField(max_length=URL_LENGTH, db_index=True)

    class Meta:
        verbose_name = "besluitinformatieobject"
        verbose_name_plural = "besluitinformatieobjecten"
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["besluit", "informatieobject"], name="bio_unique_informatieobject"
            )
        ]

    def __str__(self) -> str:
        return f"{self.besluit_id} {self.informatieobject}"

    @property
    def url(self) -> str:
        return build_url("besluiten", "besluitinformatieobjecten", self.uuid)


class BesluitIdentificatieTeller(models.Model):
    """The last number issued per verantwoordelijke_organisatie and year (generated identificaties).

    Generating locks this row (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite serialises writers),
    so concurrent creates never get the same number.
    """

    verantwoordelijke_organisatie = models.CharField(max_length=9)
    jaar = models.PositiveSmallIntegerField()
    laatste = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["verantwoordelijke_organisatie", "jaar"], name="besluit_teller_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.verantwoordelijke_organisatie} {self.jaar}: {self.laatste}"
