"""Besluitinformatieobjecten: documents that record a besluit (brc-003, 004, 005, 008).

The Documenten register gets the mirror (``objectinformatieobject`` with objectType
``besluit``) in the same logical operation: in the same transaction for a register in this
process; for a remote one (which checks, drc-004, that the relation exists here) after the
commit, removing the relation again when it refuses.
"""

from __future__ import annotations

import logging

from django.db import transaction

from zaakwerk.besluiten import registers
from zaakwerk.besluiten.models import Besluit, BesluitInformatieObject
from zaakwerk.besluiten.representations import kenmerken, render_bio
from zaakwerk.besluiten.services.sync import refused
from zaakwerk.core.actor import Actor
from zaakwerk.core.changes import Change, record_change
from zaakwerk.core.errors import NON_FIELD, ErrorCollector, ValidationError
from zaakwerk.core.references import read
from zaakwerk.core.summaries import BesluittypeRelations

logger = logging.getLogger("zaakwerk.besluiten")

RESOURCE = "besluitinformatieobject"
OBJECT_TYPE = "besluit"


def _record(row: BesluitInformatieObject, actie: str, actor: Actor) -> None:
    data = render_bio(row)
    record_change(
        Change(
            bron="brc",
            kanaal="besluiten",
            resource=RESOURCE,
            resource_url=data["url"],
            actie=actie,
            hoofd_object=row.besluit.url,
            kenmerken=kenmerken(row.besluit),
            resource_weergave=row.informatieobject,
            oud=data if actie == "destroy" else None,
            nieuw=data if actie == "create" else None,
        ),
        actor,
    )


def _validate(besluit: Besluit, url: str) -> None:
    errors = ErrorCollector()
    try:
        found = registers.informatieobject(url)  # brc-003
    except ValidationError as exc:
        errors.errors.extend(exc.errors)
    else:
        # brc-008: the informatieobjecttype is one of the besluittype's informatieobjecttypen
        besluittype = read(besluit.besluittype, BesluittypeRelations)
        allowed = (besluittype.get("informatieobjecttypen") or []) if besluittype is not None else []
        if found["informatieobjecttype"] not in allowed:
            errors.add(
                NON_FIELD,
                "missing-besluittype-informatieobjecttype-relation",
                "Het informatieobjecttype hoort niet bij het besluittype van het besluit.",
            )
    if BesluitInformatieObject.objects.filter(besluit=besluit, informatieobject=url).exists():
        errors.add(NON_FIELD, "unique", "Dit informatieobject hoort al bij dit besluit.")
    errors.raise_if_any()


def create_bio(besluit: Besluit, informatieobject: str, actor: Actor) -> BesluitInformatieObject:
    """Relate ``informatieobject`` to ``besluit`` and mirror it in the Documenten register (brc-005)."""
    documenten = registers.documenten(informatieobject)
    with transaction.atomic():
        _validate(besluit, informatieobject)
        row = BesluitInformatieObject.objects.create(besluit=besluit, informatieobject=informatieobject)
        if documenten.in_process:
            try:
                documenten.create_objectinformatieobject(informatieobject, besluit.url, OBJECT_TYPE)
            except registers.RegisterError as exc:
                raise refused("Documenten", exc) from exc
            _record(row, "create", actor)
            return row
    try:
        documenten.create_objectinformatieobject(informatieobject, besluit.url, OBJECT_TYPE)
    except registers.RegisterError as exc:
        BesluitInformatieObject.objects.filter(pk=row.pk).delete()
        raise refused("Documenten", exc) from exc
    with transaction.atomic():
        _record(row, "create", actor)
    return row


def remove_mirror(informatieobject: str, besluit_url: str, *, strict: bool) -> None:
    """Delete the objectinformatieobject of (informatieobject, besluit); log a remote failure."""
    try:
        registers.documenten(informatieobject).delete_objectinformatieobject(informatieobject, besluit_url)
    except registers.RegisterError as exc:
        if strict:
            raise refused("Documenten", exc) from exc
        logger.warning("objectinformatieobject of %s not deleted", informatieobject, exc_info=True)


def delete_bio(row: BesluitInformatieObject, actor: Actor) -> None:
    """Remove the relation, then its mirror in the Documenten register (brc-005)."""
    in_process = registers.documenten(row.informatieobject).in_process
    besluit_url = row.besluit.url
    with transaction.atomic():
        _record(row, "destroy", actor)
        if in_process:
            remove_mirror(row.informatieobject, besluit_url, strict=True)
        row.delete()
    if not in_process:
        remove_mirror(row.informatieobject, besluit_url, strict=False)
