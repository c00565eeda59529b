"""Catalogussen: create and change."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from django.db import transaction

from zaakwerk.catalogi.models import Catalogus
from zaakwerk.catalogi.services.inputs import CatalogusValues
from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import ErrorCollector
from zaakwerk.core.rsin import rsin_problem


@dataclass
class CatalogusData:
    domein: str
    rsin: str
    contactpersoon_beheer_naam: str
    contactpersoon_beheer_telefoonnummer: str = ""
    contactpersoon_beheer_emailadres: str = ""
    naam: str = ""
    versie: str = ""
    begindatum_versie: date | None = None


def _check(data: CatalogusData, *, exclude_pk: int | None = None) -> None:
    errors = ErrorCollector()
    problem = rsin_problem(data.rsin)
    if problem is not None:
        errors.add("rsin", *problem)
    clash = Catalogus.objects.filter(domein=data.domein, rsin=data.rsin)
    if exclude_pk is not None:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        errors.add("nonFieldErrors", "unique", "Er bestaat al een catalogus met dit domein en RSIN.")
    errors.raise_if_any()


@transaction.atomic
def create_catalogus(data: CatalogusData, actor: Actor) -> Catalogus:
    _check(data)
    return Catalogus.objects.create(**vars(data))


@transaction.atomic
def update_catalogus(catalogus: Catalogus, changes: CatalogusValues, actor: Actor) -> Catalogus:
    """Apply ``changes`` (all fields for PUT, those sent for PATCH; not changed here)."""
    current = CatalogusData(
        domein=catalogus.domein,
        rsin=catalogus.rsin,
        contactpersoon_beheer_naam=catalogus.contactpersoon_beheer_naam,
        contactpersoon_beheer_telefoonnummer=catalogus.contactpersoon_beheer_telefoonnummer,
        contactpersoon_beheer_emailadres=catalogus.contactpersoon_beheer_emailadres,
        naam=catalogus.naam,
        versie=catalogus.versie,
        begindatum_versie=catalogus.begindatum_versie,
    )
    merged = replace(current, **changes)
    _check(merged, exclude_pk=catalogus.pk)
    for key, value in vars(merged).items():
        setattr(catalogus, key, value)
    catalogus.save()
    return catalogus
