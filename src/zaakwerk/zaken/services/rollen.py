"""Rollen: a betrokkene's role in a zaak (RULES.md 3.2 zrc-019, 3.8).

Each function is one transaction: the change, its audit trail line and its notification.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import NON_FIELD, ErrorCollector, ValidationError
from zaakwerk.core.references import ResourceKind, resolve
from zaakwerk.core.summaries import Roltype
from zaakwerk.zaken.models import Rol, Zaak
from zaakwerk.zaken.models.rol import IDENTIFICATIE_COLUMNS
from zaakwerk.zaken.services.inputs import RolValues
from zaakwerk.zaken.services.subresources import record, require_open
from zaakwerk.zaken.subresource_representations import render_rollen

ROLTYPE = ResourceKind.of(Roltype, "catalogi", "roltypen")


def identificatie_columns(betrokkene_type: str, identificatie: dict[str, Any] | None) -> dict[str, str]:
    """The indexed copies of the identifiers the lists filter on, for every column (blank if absent)."""
    given = identificatie or {}
    return {
        column: str(given.get(key) or "") if kind == betrokkene_type else ""
        for (kind, key), column in IDENTIFICATIE_COLUMNS.items()
    }


def _roltype(url: str, zaak: Zaak, errors: ErrorCollector) -> Roltype | None:
    """zrc-019: the roltype resolves and belongs to the zaak's zaaktype."""
    try:
        found = resolve(url, ROLTYPE, field="roltype")
    except ValidationError as exc:
        errors.errors.extend(exc.errors)
        return None
    if found["zaaktype"] != zaak.zaaktype:
        errors.add(NON_FIELD, "zaaktype-mismatch", "Het roltype hoort niet bij het zaaktype van de zaak.")
        return None
    return found


@transaction.atomic
def create_rol(zaak: Zaak, values: RolValues, actor: Actor, *, geforceerd: bool) -> Rol:
    """Add a rol; ``values`` are model field values (without zaak and the copied fields)."""
    zaak = Zaak.objects.select_for_update().get(pk=zaak.pk)
    require_open(zaak, geforceerd=geforceerd)
    errors = ErrorCollector()
    # zrc-019 first: whether the rol fits the zaak at all comes before the details of the betrokkene
    roltype = _roltype(values["roltype"], zaak, errors)
    if not values.get("betrokkene") and not values.get("betrokkene_identificatie"):
        errors.add(
            "betrokkene", "invalid-betrokkene", "Geef een betrokkene (URL) of een betrokkeneIdentificatie op."
        )
    errors.raise_if_any()
    assert roltype is not None
    rol = Rol.objects.create(
        zaak=zaak,
        omschrijving=roltype["omschrijving"],
        omschrijving_generiek=roltype["omschrijvingGeneriek"],
        **values,
        **identificatie_columns(values["betrokkene_type"], values.get("betrokkene_identificatie")),
    )
    record(zaak, "rol", rol.url, "create", actor, weergave=rol.omschrijving, nieuw=render_rollen([rol])[0])
    return rol


@transaction.atomic
def delete_rol(rol: Rol, actor: Actor, *, geforceerd: bool) -> None:
    zaak = Zaak.objects.select_for_update().get(pk=rol.zaak_id)
    require_open(zaak, geforceerd=geforceerd)
    oud = render_rollen([rol])[0]
    url = rol.url
    rol.delete()
    record(zaak, "rol", url, "destroy", actor, weergave=oud["omschrijving"], oud=oud)
