"""Checks of a besluit's references against the Catalogi and Zaken registers (brc-001, brc-007)."""

from __future__ import annotations

from zaakwerk.besluiten import registers
from zaakwerk.core.errors import NON_FIELD, ErrorCollector, ValidationError
from zaakwerk.core.references import ResourceKind, read, resolve
from zaakwerk.core.summaries import BesluittypeSummary, ZaaktypeRelations

BESLUITTYPE = ResourceKind.of(BesluittypeSummary, "catalogi", "besluittypen")


def besluittype(url: str, errors: ErrorCollector) -> BesluittypeSummary | None:
    """brc-001: the besluittype resolves to a BesluitType and is published."""
    try:
        found = resolve(url, BESLUITTYPE, field="besluittype")
    except ValidationError as exc:
        errors.errors.extend(exc.errors)
        return None
    if found.get("concept", False):
        errors.add("besluittype", "not-published", "Het besluittype is nog niet gepubliceerd.")
        return None
    return found


def zaak(url: str, besluittype_url: str, errors: ErrorCollector) -> None:
    """The zaak resolves (bad-url / invalid-resource) and, brc-007, its zaaktype lists the besluittype."""
    try:
        found = registers.zaak(url)
    except ValidationError as exc:
        errors.errors.extend(exc.errors)
        return
    zaaktype = read(found["zaaktype"], ZaaktypeRelations)
    allowed = (zaaktype.get("besluittypen") or []) if zaaktype is not None else []
    if besluittype_url not in allowed:
        errors.add(
            NON_FIELD,
            "zaaktype-mismatch",
            "Het besluittype van het besluit hoort niet bij het zaaktype van de zaak.",
        )
