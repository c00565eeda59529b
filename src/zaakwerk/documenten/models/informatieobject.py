"""EnkelvoudigInformatieObject: one canonical row per document, one row per version (RULES.md 4.1, 4.3).

The canonical row holds what belongs to the document whatever its version: its UUID (and so its
URL), the lock, and its identity (bronorganisatie + identificatie, unique). Every create, PUT and
PATCH writes a new :class:`EnkelvoudigInformatieObjectVersie`; ``latest`` points at the newest,
and the newest version's informatieobjecttype and vertrouwelijkheid are copied onto the canonical
row, so lists take one row per document and authorise on it in SQL without a join.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from zaakwerk.core.references import build_url
from zaakwerk.core.vertrouwelijkheid import VertrouwelijkheidAanduiding
from zaakwerk.documenten.models.base import UUIDModel, url_field
from zaakwerk.documenten.models.choices import Status


class Inhoud(models.Model):
    """A stored file: its name in the content storage, its size and its SHA-256 checksum.

    Versions that did not change the content share one row. A file in the storage without a
    row is a leftover, removed by :func:`zaakwerk.documenten.storage.cleanup`.
    """

    naam = models.CharField(max_length=255, unique=True, help_text="Name in the content storage")
    omvang = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "inhoud"
        verbose_name_plural = "inhouden"

    def __str__(self) -> str:
        return f"{self.naam} ({self.omvang} bytes)"


class EnkelvoudigInformatieObject(UUIDModel):
    """The document itself; its metadata lives in its versions."""

    bronorganisatie = models.CharField(max_length=9)
    identificatie = models.CharField(max_length=40)
    # drc-009: empty when unlocked; an unguessable value while a client holds the lock
    lock = models.CharField(max_length=100, blank=True)
    latest: models.OneToOneField[
        EnkelvoudigInformatieObjectVersie | None, EnkelvoudigInformatieObjectVersie | None
    ] = models.OneToOneField(
        "documenten.EnkelvoudigInformatieObjectVersie",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="latest_of",
    )
    # Copies of the current version's, kept with ``latest`` by the informatieobjecten service:
    # lists authorise and count on this row alone, so a page is cut from one narrow index.
    informatieobjecttype = url_field(blank=True, default="")
    vertrouwelijkheid_rank = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "enkelvoudig informatieobject"
        verbose_name_plural = "enkelvoudige informatieobjecten"
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["bronorganisatie", "identificatie"], name="eio_unique_identificatie"
            )
        ]
        indexes = [
            # Lists cut their page from this index alone (ids in order, with the current version
            # to load and what authorisation filters on), so a page skips index entries, never
            # table rows.
            models.Index(
                fields=["id", "latest", "informatieobjecttype", "vertrouwelijkheid_rank"],
                condition=Q(latest__isnull=False),
                name="eio_current",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.bronorganisatie} {self.identificatie}"

    @property
    def url(self) -> str:
        return build_url("documenten", "enkelvoudiginformatieobjecten", self.uuid)

    @property
    def locked(self) -> bool:
        return bool(self.lock)


class EnkelvoudigInformatieObjectVersie(models.Model):
    """One version of a document: every field of the standard's resource, as it was then."""

    informatieobject = models.ForeignKey(
        EnkelvoudigInformatieObject, on_delete=models.CASCADE, related_name="versies"
    )
    versie = models.PositiveIntegerField()
    begin_registratie = models.DateTimeField()
    identificatie = models.CharField(max_length=40)
    bronorganisatie = models.CharField(max_length=9)
    creatiedatum = models.DateField()
    titel = models.CharField(max_length=200)
    vertrouwelijkheidaanduiding = models.CharField(max_length=20, choices=VertrouwelijkheidAanduiding.choices)
    # zaakwerk.core.vertrouwelijkheid.rank(vertrouwelijkheidaanduiding): lists filter with `<=`
    # per authorised informatieobjecttype in SQL.
    vertrouwelijkheid_rank = models.PositiveSmallIntegerField()
    is_gereed_voor_publicatie = models.BooleanField(null=True, blank=True)
    tonen_aan_initiator = models.BooleanField(default=False)
    auteur = models.CharField(max_length=200)
    status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    inhoud_is_vervallen = models.BooleanField(null=True, blank=True)
    formaat = models.CharField(max_length=255, blank=True)
    taal = models.CharField(max_length=3)
    bestandsnaam = models.CharField(max_length=255, blank=True)
    # null: unknown (content arrives in bestandsdelen, or none was given)
    bestandsomvang = models.PositiveBigIntegerField(null=True, blank=True)
    inhoud = models.ForeignKey(Inhoud, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    link = models.CharField(max_length=200, blank=True)
    beschrijving = models.CharField(max_length=1000, blank=True)
    ontvangstdatum = models.DateField(null=True, blank=True)
    verzenddatum = models.DateField(null=True, blank=True)
    # drc-006: only the gebruiksrechten service sets it to true
    indicatie_gebruiksrecht = models.BooleanField(null=True, blank=True)
    verschijningsvorm = models.TextField(blank=True)
    # {"soort": …, "datum": …} / {"algoritme": …, "waarde": …, "datum": …}, or null
    ondertekening = models.JSONField(null=True, blank=True)
    integriteit = models.JSONField(null=True, blank=True)
    informatieobjecttype = url_field()
    trefwoorden = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = "versie van een enkelvoudig informatieobject"
        verbose_name_plural = "versies van enkelvoudige informatieobjecten"
        ordering = ["informatieobject_id", "versie"]
        constraints = [
            models.UniqueConstraint(fields=["informatieobject", "versie"], name="eio_unique_versie")
        ]
        indexes = [
            models.Index(fields=["informatieobjecttype", "vertrouwelijkheid_rank"], name="eio_authorisation"),
            models.Index(fields=["informatieobject", "begin_registratie"], name="eio_registratie"),
            models.Index(fields=["identificatie"], name="eio_identificatie"),
            models.Index(fields=["bronorganisatie"], name="eio_bronorganisatie"),
        ]

    def __str__(self) -> str:
        return f"{self.bronorganisatie} {self.identificatie} v{self.versie}"


class BestandsDeel(UUIDModel):
    """One part of a large upload (RULES.md 4.4); removed when the parts are merged."""

    informatieobject = models.ForeignKey(
        EnkelvoudigInformatieObject, on_delete=models.CASCADE, related_name="bestandsdelen"
    )
    volgnummer = models.PositiveIntegerField()
    omvang = models.PositiveBigIntegerField()
    # the uploaded part in the content storage; empty until uploaded (voltooid = bool(naam))
    naam = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = "bestandsdeel"
        verbose_name_plural = "bestandsdelen"
        ordering = ["informatieobject_id", "volgnummer"]
        constraints = [
            models.UniqueConstraint(
                fields=["informatieobject", "volgnummer"], name="bestandsdeel_unique_volgnummer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.informatieobject_id} deel {self.volgnummer}"

    @property
    def url(self) -> str:
        return build_url("documenten", "bestandsdelen", self.uuid)

    @property
    def voltooid(self) -> bool:
        return bool(self.naam)


class DocumentIdentificatieTeller(models.Model):
    """The last number issued per bronorganisatie and year, for generated identificaties."""

    bronorganisatie = models.CharField(max_length=9)
    jaar = models.PositiveSmallIntegerField()
    laatste = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["bronorganisatie", "jaar"], name="document_teller_unique")
        ]

    def __str__(self) -> str:
        return f"{self.bronorganisatie} {self.jaar}: {self.laatste}"
