"""Zaakeigenschappen: the value of one of the zaaktype's eigenschappen for a zaak (zrc-018).

The waarde is stored as sent; when it does not meet the eigenschap's specificatie the caller gets
the reasons back (ZRC 1.7: an ``X-Warning`` header, never a refusal).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import NON_FIELD, ErrorCollector, ValidationError
from zaakwerk.core.references import ResourceKind, resolve
from zaakwerk.core.summaries import Eigenschap
from zaakwerk.zaken import eigenschap_waarde
from zaakwerk.zaken.models import Zaak, ZaakEigenschap
from zaakwerk.zaken.services.inputs import ZaakEigenschapChanges
from zaakwerk.zaken.services.subresources import record, require_open
from zaakwerk.zaken.subresource_representations import render_zaakeigenschappen

EIGENSCHAP = ResourceKind.of(Eigenschap, "catalogi", "eigenschappen")


def _eigenschap(url: str, zaak: Zaak, errors: ErrorCollector) -> Eigenschap | None:
    """zrc-018: the eigenschap resolves and belongs to the zaak's zaaktype."""
    try:
        found = resolve(url, EIGENSCHAP, field="eigenschap")
    except ValidationError as exc:
        errors.errors.extend(exc.errors)
        return None
    if found["zaaktype"] != zaak.zaaktype:
        errors.add(NON_FIELD, "zaaktype-mismatch", "De eigenschap hoort niet bij het zaaktype van de zaak.")
        return None
    return found


def _warnings(row: ZaakEigenschap, eigenschap: Eigenschap | None) -> list[str]:
    if eigenschap is None:
        return []
    occurrences = ZaakEigenschap.objects.filter(zaak_id=row.zaak_id, eigenschap=row.eigenschap).count()
    return eigenschap_waarde.problems(
        row.waarde, eigenschap.get("specificatie") or {}, occurrences=occurrences
    )


def _snapshot(row: ZaakEigenschap) -> dict[str, Any]:
    return render_zaakeigenschappen([row])[0]


@transaction.atomic
def create_zaakeigenschap(
    zaak: Zaak, eigenschap_url: str, waarde: str, actor: Actor, *, geforceerd: bool
) -> tuple[ZaakEigenschap, list[str]]:
    """Add a zaakeigenschap; returns it and the ways its waarde misses the specificatie."""
    zaak = Zaak.objects.select_for_update().get(pk=zaak.pk)
    require_open(zaak, geforceerd=geforceerd)
    errors = ErrorCollector()
    eigenschap = _eigenschap(eigenschap_url, zaak, errors)
    errors.raise_if_any()
    assert eigenschap is not None
    row = ZaakEigenschap.objects.create(
        zaak=zaak, eigenschap=eigenschap_url, naam=eigenschap["naam"], waarde=waarde
    )
    record(
        zaak,
        "zaakeigenschap",
        _snapshot(row)["url"],
        "create",
        actor,
        weergave=row.naam,
        nieuw=_snapshot(row),
    )
    return row, _warnings(row, eigenschap)


@transaction.atomic
def update_zaakeigenschap(
    row: ZaakEigenschap, changes: ZaakEigenschapChanges, actor: Actor, *, partial: bool, geforceerd: bool
) -> tuple[ZaakEigenschap, list[str]]:
    """PUT/PATCH: only the waarde may change (OAS); ``changes`` may name zaak and eigenschap."""
    row = ZaakEigenschap.objects.select_for_update().get(pk=row.pk)
    zaak = Zaak.objects.get(pk=row.zaak_id)
    require_open(zaak, geforceerd=geforceerd)
    errors = ErrorCollector()
    if "zaak" in changes and changes["zaak"] not in ("", zaak.url):
        errors.add("zaak", "wijzigen-niet-toegelaten", "Alleen de waarde mag gewijzigd worden.")
    if "eigenschap" in changes and changes["eigenschap"] != row.eigenschap:
        errors.add("eigenschap", "wijzigen-niet-toegelaten", "Alleen de waarde mag gewijzigd worden.")
    errors.raise_if_any()
    oud = _snapshot(row)
    if "waarde" in changes:
        row.waarde = changes["waarde"]
        row.save(update_fields=["waarde"])
    nieuw = _snapshot(row)
    actie = "partial_update" if partial else "update"
    record(zaak, "zaakeigenschap", nieuw["url"], actie, actor, weergave=row.naam, oud=oud, nieuw=nieuw)
    lookup_errors = ErrorCollector()
    return row, _warnings(row, _eigenschap(row.eigenschap, zaak, lookup_errors))


@transaction.atomic
def delete_zaakeigenschap(row: ZaakEigenschap, actor: Actor, *, geforceerd: bool) -> None:
    zaak = Zaak.objects.select_for_update().get(pk=row.zaak_id)
    require_open(zaak, geforceerd=geforceerd)
    oud = _snapshot(row)
    row.delete()
    record(zaak, "zaakeigenschap", oud["url"], "destroy", actor, weergave=oud["naam"], oud=oud)
