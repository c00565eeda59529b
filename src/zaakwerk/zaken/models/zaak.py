"""Zaak: the case, the core object of the Zaken API (RULES.md 3.1)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from zaakwerk.core.references import build_url
from zaakwerk.core.vertrouwelijkheid import VertrouwelijkheidAanduiding
from zaakwerk.zaken.models.base import UUIDModel, url_field
from zaakwerk.zaken.models.choices import Archiefnominatie, Archiefstatus, Betalingsindicatie

if TYPE_CHECKING:
    from zaakwerk.zaken.models.status import Status


class Zaak(UUIDModel):
    identificatie = models.CharField(max_length=40)
    bronorganisatie = models.CharField(max_length=9)
    omschrijving = models.CharField(max_length=80, blank=True)
    toelichting = models.CharField(max_length=1000, blank=True)
    zaaktype = url_field()
    registratiedatum = models.DateField()
    verantwoordelijke_organisatie = models.CharField(max_length=9)
    startdatum = models.DateField()
    # Set when the eindstatus is set (zrc-007); read-only in the API.
    einddatum = models.DateField(null=True, blank=True)
    einddatum_gepland = models.DateField(null=True, blank=True)
    uiterlijke_einddatum_afdoening = models.DateField(null=True, blank=True)
    publicatiedatum = models.DateField(null=True, blank=True)
    communicatiekanaal = url_field(blank=True)
    producten_of_diensten = models.JSONField(default=list, blank=True)
    vertrouwelijkheidaanduiding = models.CharField(max_length=20, choices=VertrouwelijkheidAanduiding.choices)
    # zaakwerk.core.vertrouwelijkheid.rank(vertrouwelijkheidaanduiding): lists filter with `<=`
    # per authorised zaaktype in SQL, so counts never include what a caller may not see.
    vertrouwelijkheid_rank = models.PositiveSmallIntegerField()
    betalingsindicatie = models.CharField(max_length=20, choices=Betalingsindicatie.choices, blank=True)
    laatste_betaaldatum = models.DateTimeField(null=True, blank=True)
    # GeoJSON (EPSG:4326) without GDAL: the geometry as given plus its bounding box, indexed,
    # as the SQL pre-filter of `zaakgeometrie.within`; the exact test is done with shapely.
    zaakgeometrie = models.JSONField(null=True, blank=True)
    bbox_min_x = models.FloatField(null=True, blank=True)
    bbox_min_y = models.FloatField(null=True, blank=True)
    bbox_max_x = models.FloatField(null=True, blank=True)
    bbox_max_y = models.FloatField(null=True, blank=True)
    verlenging_reden = models.CharField(max_length=200, blank=True)
    verlenging_duur = models.CharField(max_length=40, null=True, blank=True)
    opschorting_indicatie = models.BooleanField(default=False)
    opschorting_reden = models.CharField(max_length=200, blank=True)
    selectielijstklasse = url_field(blank=True)
    # zrc-023: deleting a hoofdzaak deletes its deelzaken; a deelzaak can be deleted alone.
    hoofdzaak = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="deelzaken"
    )
    # [{"url": …, "aardRelatie": "vervolg"|"onderwerp"|"bijdrage"}]; may point at other registers
    relevante_andere_zaken = models.JSONField(default=list, blank=True)
    # [{"kenmerk": …, "bron": …}]
    kenmerken = models.JSONField(default=list, blank=True)
    archiefnominatie = models.CharField(max_length=20, choices=Archiefnominatie.choices, blank=True)
    archiefstatus = models.CharField(
        max_length=40, choices=Archiefstatus.choices, default=Archiefstatus.nog_te_archiveren
    )
    archiefactiedatum = models.DateField(null=True, blank=True)
    opdrachtgevende_organisatie = models.CharField(max_length=9, blank=True)
    processobjectaard = models.CharField(max_length=200, null=True, blank=True)
    startdatum_bewaartermijn = models.DateField(null=True, blank=True)
    # {"datumkenmerk", "identificatie", "objecttype", "registratie"} or null
    processobject = models.JSONField(null=True, blank=True)
    # The current status (latest datumStatusGezet), kept by the status service so rendering a
    # page of zaken needs no per-row query.
    status: models.ForeignKey[Status | None, Status | None] = models.ForeignKey(
        "zaken.Status", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "zaak"
        verbose_name_plural = "zaken"
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["bronorganisatie", "identificatie"], name="zaak_unique_identificatie"
            )
        ]
        indexes = [
            # narrow and covering (id included): a page's ids and its count come from the index alone
            models.Index(fields=["zaaktype", "vertrouwelijkheid_rank", "id"], name="zaak_authorisation_id"),
            models.Index(fields=["identificatie", "id"], name="zaak_identificatie_id"),
            # zaaktype + bronorganisatie (+ open/closed, + the autorisaties' maximum) in id order,
            # from the index alone on PostgreSQL (the included columns are filtered in the index)
            models.Index(
                fields=["zaaktype", "bronorganisatie", "id"],
                include=["einddatum", "vertrouwelijkheid_rank"],
                name="zaak_zaaktype_bron_id",
            ),
            models.Index(fields=["startdatum", "id"], name="zaak_startdatum"),
            models.Index(fields=["registratiedatum", "id"], name="zaak_registratiedatum"),
            models.Index(fields=["einddatum", "id"], name="zaak_einddatum"),
            models.Index(fields=["publicatiedatum", "id"], name="zaak_publicatiedatum"),
            models.Index(fields=["archiefactiedatum", "id"], name="zaak_archiefactiedatum"),
            models.Index(fields=["archiefnominatie", "archiefstatus"], name="zaak_archief"),
            models.Index(fields=["einddatum_gepland"], name="zaak_einddatum_gepland"),
            models.Index(fields=["uiterlijke_einddatum_afdoening"], name="zaak_uiterlijke_einddatum"),
            models.Index(fields=["bbox_min_x", "bbox_max_x", "bbox_min_y", "bbox_max_y"], name="zaak_bbox"),
        ]

    def __str__(self) -> str:
        return f"{self.bronorganisatie} {self.identificatie}"

    @property
    def url(self) -> str:
        return build_url("zaken", "zaken", self.uuid)


class ZaakIdentificatieTeller(models.Model):
    """The last number issued per bronorganisatie and year, for generated identificaties.

    Generating raises and locks this row in one upsert (SQLite serialises writers), so
    concurrent creates never get the same number.
    """

    bronorganisatie = models.CharField(max_length=9)
    jaar = models.PositiveSmallIntegerField()
    laatste = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["bronorganisatie", "jaar"], name="teller_unique")]

    def __str__(self) -> str:
        return f"{self.bronorganisatie} {self.jaar}: {self.laatste}"


class ZaaknummerReservering(models.Model):
    """A zaaknummer handed out by ``POST /zaaknummer_reserveren`` and not yet used.

    Generated identificaties never take a reserved number; a client uses it once by passing it
    as ``identificatie`` on ``POST /zaken`` within the same bronorganisatie.
    """

    bronorganisatie = models.CharField(max_length=9)
    identificatie = models.CharField(max_length=40)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["bronorganisatie", "identificatie"], name="reservering_unique")
        ]

    def __str__(self) -> str:
        return f"{self.bronorganisatie} {self.identificatie}"
