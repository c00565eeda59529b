"""Klantcontacten, zaakcontactmomenten and zaakverzoeken of a zaak."""

from __future__ import annotations

from django.db import models

from zaakwerk.core.references import build_url
from zaakwerk.zaken.models.base import UUIDModel, url_field
from zaakwerk.zaken.models.zaak import Zaak


class KlantContact(UUIDModel):
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="klantcontacten")
    identificatie = models.CharField(max_length=14)
    datumtijd = models.DateTimeField()
    kanaal = models.CharField(max_length=20, blank=True)
    onderwerp = models.CharField(max_length=200, blank=True)
    toelichting = models.CharField(max_length=1000, blank=True)

    class Meta:
        verbose_name = "klantcontact"
        verbose_name_plural = "klantcontacten"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.zaak_id} {self.identificatie}"

    @property
    def url(self) -> str:
        return build_url("zaken", "klantcontacten", self.uuid)


class ZaakContactMoment(UUIDModel):
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="zaakcontactmomenten")
    contactmoment = url_field(db_index=True)

    class Meta:
        verbose_name = "zaakcontactmoment"
        verbose_name_plural = "zaakcontactmomenten"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.zaak_id} {self.contactmoment}"

    @property
    def url(self) -> str:
        return build_url("zaken", "zaakcontactmomenten", self.uuid)


class ZaakVerzoek(UUIDModel):
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="zaakverzoeken")
    verzoek = url_field(db_index=True)

    class Meta:
        verbose_name = "zaakverzoek"
        verbose_name_plural = "zaakverzoeken"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.zaak_id} {self.verzoek}"

    @property
    def url(self) -> str:
        return build_url("zaken", "zaakverzoeken", self.uuid)
