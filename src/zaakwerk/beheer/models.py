"""Beheer's own table: who changed what in the catalogue, and when (docs/adr/0075)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Wijziging(models.Model):
    """One change a beheerder made through beheer: to a catalogue object (through the Catalogi
    API) or to the werkplek's handling parameters of a zaaktype."""

    moment = models.DateTimeField(_("moment"), auto_now_add=True, db_index=True)
    username = models.CharField(_("gebruikersnaam"), max_length=150)
    naam = models.CharField(_("naam"), max_length=255, blank=True)
    actie = models.CharField(_("actie"), max_length=40)
    soort = models.CharField(_("soort object"), max_length=40)
    object_url = models.URLField(_("object"), max_length=1000, blank=True)
    zaaktype_identificatie = models.CharField(_("zaaktype (identificatie)"), max_length=50, blank=True)
    samenvatting = models.CharField(_("samenvatting"), max_length=500)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("wijziging")
        verbose_name_plural = _("wijzigingen")
        ordering = ["-moment", "-pk"]
        indexes = [models.Index(fields=["zaaktype_identificatie", "-moment"], name="beheer_wijz_zaaktype")]

    def __str__(self) -> str:
        return f"{self.moment:%Y-%m-%d %H:%M} {self.username}: {self.samenvatting}"
