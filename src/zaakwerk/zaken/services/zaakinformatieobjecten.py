"""Zaakinformatieobjecten: documents belonging to a zaak (RULES.md 3.3, 1.13; zrc-003/004/005/017).

The relation is created once, here; the Documenten register gets its mirror
(``objectinformatieobject``) in the same logical operation. A Documenten register in this
process shares the transaction, so a refusal there rolls everything back. A remote one checks
(drc-004) that the relation already exists in this register, which it can only see once it is
committed: the row is committed first, and removed again when the remote register refuses
(nothing stays behind); the audit line and the notification are written only after it agreed.
Deleting works the other way round: the relation goes first, then the mirror "indien dit kan"
(zrc-023): a remote register that cannot be reached then does not block the deletion.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from zaakwerk.core.actor import Actor
from zaakwerk.core.changes import Change, record_change
from zaakwerk.core.errors import NON_FIELD, ErrorCollector, PermissionDenied, ValidationError
from zaakwerk.core.references import read, uuid_from_url
from zaakwerk.core.summaries import InformatieobjectSummary, ZaaktypeRelations
from zaakwerk.zaken import registers
from zaakwerk.zaken.models import Status, Zaak, ZaakInformatieObject
from zaakwerk.zaken.models.choices import AardRelatieInformatieObject, Archiefstatus
from zaakwerk.zaken.relation_representations import render_zio
from zaakwerk.zaken.representations import kenmerken
from zaakwerk.zaken.services.inputs import ZaakInformatieObjectValues

logger = logging.getLogger("zaakwerk.zaken")

RESOURCE = "zaakinformatieobject"
OBJECT_TYPE = "zaak"
# zaak and informatieobject are fixed after creation (zrc-004).
IMMUTABLE = ("zaak", "informatieobject")


def _record(
    zio: ZaakInformatieObject, actie: str, actor: Actor, *, oud: Any = None, nieuw: Any = None
) -> None:
    zaak = zio.zaak
    record_change(
        Change(
            bron="zrc",
            # the spec announces only the creation of a zaakinformatieobject
            kanaal="zaken" if actie == "create" else None,
            resource=RESOURCE,
            resource_url=render_zio(zio)["url"],
            actie=actie,
            hoofd_object=zaak.url,
            kenmerken=kenmerken(zaak),
            resource_weergave=zio.titel or zio.informatieobject,
            oud=oud,
            nieuw=nieuw,
        ),
        actor,
    )


def check_open(zaak: Zaak, *, geforceerd: bool) -> None:
    """zrc-007: the documents of a closed zaak only change with zaken.geforceerd-bijwerken."""
    if zaak.einddatum is not None and not geforceerd:
        raise PermissionDenied("Deze zaak is afgesloten; wijzigen vereist zaken.geforceerd-bijwerken.")


def _status(url: str | None, zaak: Zaak, errors: ErrorCollector) -> Status | None:
    """The status a document belongs to: one of this zaak's own statussen."""
    if not url:
        return None
    key = uuid_from_url(url, "zaken", "statussen")
    found = Status.objects.filter(uuid=key).first() if key is not None else None
    if found is None:
        errors.add("status", "bad-url", f"De URL {url} verwijst niet naar een status.")
        return None
    if found.zaak_id != zaak.pk:
        errors.add("status", "zaak-mismatch", "De status hoort niet bij deze zaak.")
        return None
    return found


def _relation_allowed(zaak: Zaak, informatieobject: InformatieobjectSummary, errors: ErrorCollector) -> None:
    """zrc-017: the informatieobjecttype is one of the zaaktype's informatieobjecttypen."""
    zaaktype = read(zaak.zaaktype, ZaaktypeRelations)
    allowed = (zaaktype.get("informatieobjecttypen") or []) if zaaktype is not None else []
    if informatieobject["informatieobjecttype"] not in allowed:
        errors.add(
            NON_FIELD,
            "missing-zaaktype-informatieobjecttype-relation",
            "Het informatieobjecttype hoort niet bij het zaaktype van de zaak.",
        )


def _validate_new(zaak: Zaak, values: ZaakInformatieObjectValues) -> Status | None:
    errors = ErrorCollector()
    if zaak.archiefstatus != Archiefstatus.nog_te_archiveren:
        errors.add("zaak", "zaak-archiefstatus", "De zaak moet de archiefstatus 'nog_te_archiveren' hebben.")
    try:
        found = registers.informatieobject(values["informatieobject"])
    except ValidationError as exc:
        errors.errors.extend(exc.errors)
    else:
        _relation_allowed(zaak, found, errors)
    status = _status(values.get("status"), zaak, errors)
    if ZaakInformatieObject.objects.filter(zaak=zaak, informatieobject=values["informatieobject"]).exists():
        errors.add(NON_FIELD, "unique", "Dit informatieobject hoort al bij deze zaak.")
    errors.raise_if_any()
    return status


def _refused(exc: registers.RegisterError) -> ValidationError:
    return ValidationError.single(
        NON_FIELD,
        "remote-relation-failed",
        f"De relatie kon niet in de Documenten API worden vastgelegd: {exc}",
    )


def create_zaakinformatieobject(
    zaak: Zaak, values: ZaakInformatieObjectValues, actor: Actor, *, geforceerd: bool
) -> ZaakInformatieObject:
    """Relate ``values["informatieobject"]`` to ``zaak`` and mirror it in the Documenten register."""
    check_open(zaak, geforceerd=geforceerd)
    documenten = registers.documenten(values["informatieobject"])
    with transaction.atomic():
        status = _validate_new(zaak, values)
        zio = ZaakInformatieObject.objects.create(
            zaak=zaak,
            informatieobject=values["informatieobject"],
            aard_relatie=AardRelatieInformatieObject.hoort_bij,  # zrc-004: set by the system
            titel=values.get("titel") or "",
            beschrijving=values.get("beschrijving") or "",
            registratiedatum=timezone.now(),  # zrc-004: now
            vernietigingsdatum=values.get("vernietigingsdatum"),
            status=status,
        )
        if documenten.in_process:
            try:
                documenten.create_objectinformatieobject(zio.informatieobject, zaak.url, OBJECT_TYPE)
            except registers.RegisterError as exc:
                raise _refused(exc) from exc
            _record(zio, "create", actor, nieuw=render_zio(zio))
            return zio
    try:
        documenten.create_objectinformatieobject(zio.informatieobject, zaak.url, OBJECT_TYPE)
    except registers.RegisterError as exc:
        ZaakInformatieObject.objects.filter(pk=zio.pk).delete()
        raise _refused(exc) from exc
    with transaction.atomic():
        _record(zio, "create", actor, nieuw=render_zio(zio))
    return zio


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and timezone.is_naive(value):
        return timezone.make_aware(value)
    return value


@transaction.atomic
def update_zaakinformatieobject(
    zio: ZaakInformatieObject,
    changes: ZaakInformatieObjectValues,
    actor: Actor,
    *,
    partial: bool,
    geforceerd: bool,
) -> ZaakInformatieObject:
    """PUT (all fields) or PATCH (the fields sent); zaak and informatieobject stay (zrc-004)."""
    zio = (
        ZaakInformatieObject.objects.select_for_update(of=("self",))
        .select_related("zaak", "status")
        .get(pk=zio.pk)
    )
    check_open(zio.zaak, geforceerd=geforceerd)
    oud = render_zio(zio)
    errors = ErrorCollector()
    for name in IMMUTABLE:
        if name in changes and changes.get(name) != oud[name]:
            errors.add(name, "wijzigen-niet-toegelaten", f"Het veld {name} mag niet gewijzigd worden.")
    status = _status(changes.get("status"), zio.zaak, errors) if "status" in changes else zio.status
    errors.raise_if_any()
    if "titel" in changes:
        zio.titel = changes["titel"] or ""
    if "beschrijving" in changes:
        zio.beschrijving = changes["beschrijving"] or ""
    if "vernietigingsdatum" in changes:
        zio.vernietigingsdatum = _aware(changes["vernietigingsdatum"])
    zio.status = status
    zio.save()
    _record(zio, "partial_update" if partial else "update", actor, oud=oud, nieuw=render_zio(zio))
    return zio


def delete_zaakinformatieobject(zio: ZaakInformatieObject, actor: Actor, *, geforceerd: bool) -> None:
    """Remove the relation and its mirror in the Documenten register (zrc-005)."""
    check_open(zio.zaak, geforceerd=geforceerd)
    documenten = registers.documenten(zio.informatieobject)
    zaak_url = zio.zaak.url
    with transaction.atomic():
        _record(zio, "destroy", actor, oud=render_zio(zio))
        if documenten.in_process:
            try:
                documenten.delete_objectinformatieobject(zio.informatieobject, zaak_url)
            except registers.RegisterError as exc:
                raise _refused(exc) from exc
        zio.delete()
    if not documenten.in_process:
        try:
            documenten.delete_objectinformatieobject(zio.informatieobject, zaak_url)
        except registers.RegisterError:
            logger.warning("objectinformatieobject of %s not deleted", zio.informatieobject, exc_info=True)
