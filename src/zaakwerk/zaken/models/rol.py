"""Rol: a betrokkene's role in a zaak (RULES.md 3.8)."""

from __future__ import annotations

from django.db import models

from zaakwerk.core.references import build_url
from zaakwerk.zaken.models.base import UUIDModel, url_field
from zaakwerk.zaken.models.choices import BetrokkeneType, IndicatieMachtiging
from zaakwerk.zaken.models.zaak import Zaak

# betrokkeneIdentificatie keys the lists filter on → the indexed column that holds a copy.
IDENTIFICATIE_COLUMNS: dict[tuple[str, str], str] = {
    ("natuurlijk_persoon", "inpBsn"): "inp_bsn",
    ("natuurlijk_persoon", "anpIdentificatie"): "anp_identificatie",
    ("natuurlijk_persoon", "inpA_nummer"): "inp_a_nummer",
    ("niet_natuurlijk_persoon", "innNnpId"): "inn_nnp_id",
    ("niet_natuurlijk_persoon", "annIdentificatie"): "ann_identificatie",
    ("vestiging", "vestigingsNummer"): "vestigings_nummer",
    ("vestiging", "kvkNummer"): "kvk_nummer",
    ("medewerker", "identificatie"): "medewerker_identificatie",
    ("organisatorische_eenheid", "identificatie"): "organisatorische_eenheid_identificatie",
}


class Rol(UUIDModel):
    zaak = models.ForeignKey(Zaak, on_delete=models.CASCADE, related_name="rollen")
    betrokkene = url_field(blank=True, db_index=True)
    betrokkene_type = models.CharField(max_length=30, choices=BetrokkeneType.choices)
    afwijkende_naam_betrokkene = models.CharField(max_length=625, blank=True)
    roltype = url_field(db_index=True)
    # Copied from the roltype when the rol is created (read-only in the API).
    omschrijving = models.CharField(max_length=100, blank=True)
    omschrijving_generiek = models.CharField(max_length=40, blank=True, db_index=True)
    roltoelichting = models.CharField(max_length=1000, blank=True)
    registratiedatum = models.DateTimeField(auto_now_add=True)
    indicatie_machtiging = models.CharField(max_length=20, choices=IndicatieMachtiging.choices, blank=True)
    contactpersoon_rol = models.JSONField(null=True, blank=True)
    # The whole betrokkeneIdentificatie as given, plus indexed copies of the identifiers the
    # lists filter on (IDENTIFICATIE_COLUMNS), kept in step by the rol service.
    betrokkene_identificatie = models.JSONField(null=True, blank=True)
    inp_bsn = models.CharField(max_length=9, blank=True, db_index=True)
    anp_identificatie = models.CharField(max_length=17, blank=True, db_index=True)
    inp_a_nummer = models.CharField(max_length=10, blank=True, db_index=True)
    inn_nnp_id = models.CharField(max_length=9, blank=True, db_index=True)
    ann_identificatie = models.CharField(max_length=17, blank=True, db_index=True)
    vestigings_nummer = models.CharField(max_length=24, blank=True, db_index=True)
    kvk_nummer = models.CharField(max_length=8, blank=True, db_index=True)
    medewerker_identificatie = models.CharField(max_length=254, blank=True, db_index=True)
    organisatorische_eenheid_identificatie = models.CharField(max_length=24, blank=True, db_index=True)

    class Meta:
        verbose_name = "rol"
        verbose_name_plural = "rollen"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.zaak_id} {self.betrokkene_type} {self.omschrijving}"

    @property
    def url(self) -> str:
        return build_url("zaken", "rollen", self.uuid)
