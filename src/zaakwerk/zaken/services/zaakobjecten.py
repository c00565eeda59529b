"""Zaakobjecten: the objects a zaak is about (RULES.md 3.2).

The shape of ``objectIdentificatie`` per ``objectType`` is checked where the request is parsed;
the rules here: the ``object`` URL answers 200 (OAS), a ``zaakobjecttype`` belongs to the zaak's
zaaktype, ``overige`` says what kind of object it is, and zaak/object/objectType never change.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import NON_FIELD, ErrorCollector, ValidationError
from zaakwerk.core.references import ResourceKind, fetch, resolve
from zaakwerk.core.summaries import Zaakobjecttype
from zaakwerk.zaken.models import Zaak, ZaakObject
from zaakwerk.zaken.models.choices import ObjectType
from zaakwerk.zaken.services.inputs import ZaakObjectValues
from zaakwerk.zaken.services.subresources import record, require_open
from zaakwerk.zaken.subresource_representations import render_zaakobjecten

ZAAKOBJECTTYPE = ResourceKind.of(Zaakobjecttype, "catalogi", "zaakobjecttypen")
# The relation itself: what a PUT/PATCH may not change (OAS PUT /zaakobjecten/{uuid}).
FIXED = ("object", "object_type")


def _object(url: str, errors: ErrorCollector) -> None:
    """The object URL, when given, must answer HTTP 200. The text is the same whatever the URL
    gave instead (no answer, an error status): it does not tell what is behind it (ADR 0035)."""
    _, status = fetch(url)
    if status != 200:
        errors.add("object", "bad-url", f"De URL {url} resulteerde niet in een HTTP 200.")


def _zaakobjecttype(url: str, zaak: Zaak, errors: ErrorCollector) -> None:
    """ZRC 1.3+: a zaakobjecttype of the zaak's zaaktype."""
    try:
        found = resolve(url, ZAAKOBJECTTYPE, field="zaakobjecttype")
    except ValidationError as exc:
        errors.errors.extend(exc.errors)
        return
    if found["zaaktype"] != zaak.zaaktype:
        errors.add(
            NON_FIELD, "zaaktype-mismatch", "Het zaakobjecttype hoort niet bij het zaaktype van de zaak."
        )


def _overige(values: ZaakObjectValues, errors: ErrorCollector) -> None:
    if values.get("object_type") != ObjectType.overige:
        return
    definitie = values.get("object_type_overige_definitie")
    if not values.get("object_type_overige") and not definitie:
        errors.add(
            "objectTypeOverige",
            "required",
            "Bij objectType 'overige' is objectTypeOverige of objectTypeOverigeDefinitie vereist.",
        )
    if definitie and not values.get("object"):
        errors.add("object", "required", "Met een objectTypeOverigeDefinitie is het object (URL) vereist.")


def _check(values: ZaakObjectValues, zaak: Zaak, changed: set[str], errors: ErrorCollector) -> None:
    if values.get("object") and "object" in changed:
        _object(values["object"], errors)
    if values.get("zaakobjecttype") and "zaakobjecttype" in changed:
        _zaakobjecttype(values["zaakobjecttype"], zaak, errors)
    if not values.get("object") and not values.get("object_identificatie"):
        errors.add("object", "invalid-zaakobject", "Geef een object (URL) of een objectIdentificatie op.")
    _overige(values, errors)


@transaction.atomic
def create_zaakobject(zaak: Zaak, values: ZaakObjectValues, actor: Actor, *, geforceerd: bool) -> ZaakObject:
    zaak = Zaak.objects.select_for_update().get(pk=zaak.pk)
    require_open(zaak, geforceerd=geforceerd)
    errors = ErrorCollector()
    _check(values, zaak, set(values), errors)
    errors.raise_if_any()
    row = ZaakObject.objects.create(zaak=zaak, **values)
    record(zaak, "zaakobject", row.url, "create", actor, weergave=row.object_type, nieuw=_snapshot(row))
    return row


def _snapshot(row: ZaakObject) -> dict[str, Any]:
    return render_zaakobjecten([row])[0]


@transaction.atomic
def update_zaakobject(
    row: ZaakObject,
    zaak: Zaak | None,
    changes: ZaakObjectValues,
    actor: Actor,
    *,
    partial: bool,
    geforceerd: bool,
) -> ZaakObject:
    """PUT/PATCH; ``zaak`` is the zaak the body names (None when not sent); ``changes`` is not changed."""
    row = ZaakObject.objects.select_for_update().get(pk=row.pk)
    owner = Zaak.objects.get(pk=row.zaak_id)
    require_open(owner, geforceerd=geforceerd)
    errors = ErrorCollector()
    if zaak is not None and zaak.pk != owner.pk:
        errors.add(
            "zaak", "wijzigen-niet-toegelaten", "De zaak van een zaakobject mag niet gewijzigd worden."
        )
    for name in FIXED:
        if name in changes and changes.get(name) != getattr(row, name):
            field = "objectType" if name == "object_type" else name
            errors.add(field, "wijzigen-niet-toegelaten", f"Het veld {field} mag niet gewijzigd worden.")
    merged: ZaakObjectValues = {
        "object": row.object,
        "object_type": row.object_type,
        "object_type_overige": row.object_type_overige,
        "object_identificatie": row.object_identificatie,
        "object_type_overige_definitie": row.object_type_overige_definitie,
    }
    merged.update(changes)
    changed = {key for key, value in changes.items() if value != getattr(row, key)}
    _check(merged, owner, changed, errors)
    errors.raise_if_any()
    oud = _snapshot(row)
    for key, value in changes.items():
        if key in changed:
            setattr(row, key, value)
    row.save()
    actie = "partial_update" if partial else "update"
    record(
        owner, "zaakobject", row.url, actie, actor, weergave=row.object_type, oud=oud, nieuw=_snapshot(row)
    )
    return row


@transaction.atomic
def delete_zaakobject(row: ZaakObject, actor: Actor, *, geforceerd: bool) -> None:
    zaak = Zaak.objects.select_for_update().get(pk=row.zaak_id)
    require_open(zaak, geforceerd=geforceerd)
    oud = _snapshot(row)
    url = row.url
    row.delete()
    record(zaak, "zaakobject", url, "destroy", actor, weergave=oud["objectType"], oud=oud)
