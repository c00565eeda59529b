"""Checks of an informatieobject's input (RULES.md 4.1): drc-001, drc-005, drc-006."""

from __future__ import annotations

from zaakwerk.core.errors import ErrorCollector, ValidationError
from zaakwerk.core.references import ResourceKind, resolve
from zaakwerk.core.summaries import InformatieobjecttypeSummary
from zaakwerk.documenten.models.choices import Status
from zaakwerk.documenten.services.inputs import InformatieObjectValues

INFORMATIEOBJECTTYPE = ResourceKind.of(InformatieobjecttypeSummary, "catalogi", "informatieobjecttypen")
NOT_RECEIVED = (Status.in_bewerking, Status.ter_vaststelling)


def informatieobjecttype(url: str, errors: ErrorCollector) -> InformatieobjecttypeSummary | None:
    """drc-001: the URL resolves to an InformatieObjectType that is published."""
    try:
        found = resolve(url, INFORMATIEOBJECTTYPE, field="informatieobjecttype")
    except ValidationError as exc:
        errors.errors.extend(exc.errors)
        return None
    if found.get("concept", False):
        errors.add(
            "informatieobjecttype", "not-published", "Het informatieobjecttype is nog niet gepubliceerd."
        )
        return None
    return found


def status(values: InformatieObjectValues, errors: ErrorCollector) -> None:
    """drc-005: a received document (ontvangstdatum) is not in bewerking or ter vaststelling."""
    if values.get("ontvangstdatum") is not None and values.get("status") in NOT_RECEIVED:
        errors.add(
            "status",
            "invalid_for_received",
            "De statuswaarden `in_bewerking` en `ter_vaststelling` zijn niet van toepassing op "
            "ontvangen informatieobjecten.",
        )


def indicatie_gebruiksrecht(value: bool | None, has_gebruiksrechten: bool, errors: ErrorCollector) -> None:
    """drc-006: only creating gebruiksrechten makes it true."""
    if value is True and not has_gebruiksrechten:
        errors.add(
            "indicatieGebruiksrecht",
            "missing-gebruiksrechten",
            "De indicatie kan pas gezet worden als er gebruiksrechten van het informatieobject bestaan.",
        )
