"""Statussen: setting a status, which closes or reopens the zaak (RULES.md 3.4, 3.5).

- The statustype belongs to the zaak's zaaktype (zrc-016, ``zaaktype-mismatch``).
- The eindstatus closes the zaak (:func:`close_zaak`): a resultaat must exist, every document of
  the zaak has its indicatieGebruiksrecht set (zrc-007), einddatum becomes the date of
  datumStatusGezet and the archiving parameters are derived (zrc-021).
- Another status on a closed zaak reopens it (:func:`reopen_zaak`, zrc-008, scope
  ``zaken.heropenen``): einddatum and the archiving parameters are cleared.
- Any other status on a closed zaak needs ``zaken.geforceerd-bijwerken``.

The status row, the zaak's current status and einddatum, the audit line and the notification are
written in one transaction: all of them or none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import transaction
from django.utils import timezone

from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import NON_FIELD, PermissionDenied, ValidationError
from zaakwerk.core.references import ResourceKind, fetch, uuid_from_url
from zaakwerk.core.summaries import Statustype
from zaakwerk.zaken.models import Resultaat, Rol, Status, Zaak
from zaakwerk.zaken.representations_status import render_statussen
from zaakwerk.zaken.services.inputs import StatusValues
from zaakwerk.zaken.services.resultaten import apply_archiving, check_type_of_zaaktype, record

STATUSTYPE = ResourceKind.of(Statustype, "catalogi", "statustypen")


@dataclass(frozen=True)
class StatusRights:
    """What the caller may do to this zaak beyond adding a status to an open zaak."""

    heropenen: bool  # zaken.heropenen: reopen a closed zaak
    geforceerd: bool  # zaken.geforceerd-bijwerken: change a closed zaak


def informatieobjecten_without_gebruiksrecht(zaak: Zaak) -> list[str]:
    """zrc-007: the zaak's informatieobjecten whose indicatieGebruiksrecht is not true or false.

    Each is read through its URL (in-process for this deployment's Documenten API); one that
    cannot be read counts as unset, as nothing shows it is set.
    """
    missing = []
    for url in zaak.zaakinformatieobjecten.order_by("id").values_list("informatieobject", flat=True):
        body, status = fetch(url)
        if status != 200 or body is None or not isinstance(body.get("indicatieGebruiksrecht"), bool):
            missing.append(url)
    return missing


def close_zaak(zaak: Zaak, gezet_op: datetime) -> None:
    """Close ``zaak`` with an eindstatus set at ``gezet_op`` (not saved here)."""
    resultaat = Resultaat.objects.filter(zaak=zaak).first()
    if resultaat is None:
        raise ValidationError.single(
            NON_FIELD,
            "resultaat-does-not-exist",
            "De zaak heeft geen resultaat; dat is nodig om af te sluiten.",
        )
    if informatieobjecten_without_gebruiksrecht(zaak):
        raise ValidationError.single(
            NON_FIELD,
            "indicatiegebruiksrecht-unset",
            "De indicatieGebruiksrecht van alle informatieobjecten van de zaak moet gezet zijn.",
        )
    # einddatum: the date as the client gave it, not shifted to another time zone
    zaak.einddatum = gezet_op.date()
    apply_archiving(zaak, resultaat.resultaattype)


def reopen_zaak(zaak: Zaak) -> None:
    """zrc-008: a closed zaak is open again; what closing derived is cleared (not saved here)."""
    zaak.einddatum = None
    zaak.archiefnominatie = ""
    zaak.archiefactiedatum = None


def _gezetdoor(url: str, zaak: Zaak) -> Rol | None:
    if not url:
        return None
    key = uuid_from_url(url, "zaken", "rollen")
    rol = Rol.objects.filter(uuid=key).first() if key is not None else None
    if rol is None:
        raise ValidationError.single(
            "gezetdoor", "bad-url", f"De URL {url} is geen rol van dit zakenregister."
        )
    if rol.zaak_id != zaak.pk:
        raise ValidationError.single("gezetdoor", "zaak-mismatch", "De rol hoort niet bij deze zaak.")
    return rol


def _check_closed(zaak: Zaak, eind: bool, rights: StatusRights) -> None:
    if zaak.einddatum is None:
        return
    # a non-eind status reopens a closed zaak: zaken.heropenen (zrc-008)
    if not eind and not rights.heropenen:
        raise PermissionDenied("Deze zaak is afgesloten; heropenen vereist zaken.heropenen.")
    # another eindstatus changes a closed zaak: zaken.geforceerd-bijwerken (zrc-007)
    if eind and not rights.geforceerd:
        raise PermissionDenied("Deze zaak is afgesloten; wijzigen vereist zaken.geforceerd-bijwerken.")


@transaction.atomic
def set_status(zaak: Zaak, values: StatusValues, actor: Actor, *, rights: StatusRights) -> Status:
    """Add a status; ``values``: statustype (URL), datum_status_gezet, statustoelichting, gezetdoor (URL)."""
    zaak = Zaak.objects.select_for_update().get(pk=zaak.pk)
    statustype = check_type_of_zaaktype(values["statustype"], zaak, STATUSTYPE, "statustype")
    eind = statustype.get("isEindstatus") is True
    _check_closed(zaak, eind, rights)
    gezetdoor = _gezetdoor(values.get("gezetdoor") or "", zaak)
    gezet_op = values["datum_status_gezet"]
    if timezone.is_naive(gezet_op):
        gezet_op = timezone.make_aware(gezet_op)
    if eind:
        close_zaak(zaak, gezet_op)
    elif zaak.einddatum is not None:
        reopen_zaak(zaak)
    status = Status.objects.create(
        zaak=zaak,
        statustype=values["statustype"],
        # stored in UTC: a local offset of another era (e.g. +00:19:32) is no RFC 3339 offset
        datum_status_gezet=gezet_op.astimezone(UTC),
        statustoelichting=values.get("statustoelichting") or "",
        gezetdoor=gezetdoor,
    )
    # the current status is the one set latest (ties: the one added last)
    zaak.status = Status.objects.filter(zaak=zaak).order_by("-datum_status_gezet", "-id").first()
    zaak.save(update_fields=["status", "einddatum", "archiefnominatie", "archiefactiedatum"])
    record("status", status.url, zaak, "create", actor, nieuw=render_statussen([status])[0])
    return status
