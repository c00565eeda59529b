"""Besluiten: create, change and delete (RULES.md 5; brc-001, 002, 006, 007, 009).

Each function writes the change, its audit trail line and its notification (kanaal
``besluiten``) in one transaction. The zaakbesluit in the Zaken register follows the besluit's
``zaak`` (brc-006): in that same transaction for a register in this process; for a remote one
after the commit (it reads the besluit back), undoing the besluit's change when it refuses.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction

from zaakwerk.besluiten import registers
from zaakwerk.besluiten.models import Besluit
from zaakwerk.besluiten.representations import kenmerken, render_besluit
from zaakwerk.besluiten.services import identificatie, sync, validation
from zaakwerk.besluiten.services.inputs import BesluitValues
from zaakwerk.core.actor import Actor
from zaakwerk.core.changes import Change, record_change
from zaakwerk.core.errors import ErrorCollector, ValidationError

logger = logging.getLogger("zaakwerk.besluiten")

RESOURCE = "besluit"
# brc-001, brc-002: what identifies a besluit and its type are fixed once it exists.
IMMUTABLE = {
    "identificatie": "identificatie",
    "verantwoordelijke_organisatie": "verantwoordelijkeOrganisatie",
    "besluittype": "besluittype",
}


def _record(besluit: Besluit, actie: str, actor: Actor, *, oud: Any = None, nieuw: Any = None) -> None:
    record_change(
        Change(
            bron="brc",
            kanaal="besluiten",
            resource=RESOURCE,
            resource_url=besluit.url,
            actie=actie,
            hoofd_object=besluit.url,
            kenmerken=kenmerken(besluit),
            resource_weergave=besluit.identificatie,
            oud=oud,
            nieuw=nieuw,
        ),
        actor,
    )


def _stored(values: BesluitValues) -> BesluitValues:
    """A copy of ``values`` with None for zaak and vervalreden as the empty string the columns hold."""
    stored: BesluitValues = {**values}
    if "zaak" in stored and stored["zaak"] is None:
        stored["zaak"] = ""
    if "vervalreden" in stored and stored["vervalreden"] is None:
        stored["vervalreden"] = ""
    return stored


def _insert(values: BesluitValues) -> Besluit:
    errors = ErrorCollector()
    validation.besluittype(values["besluittype"], errors)
    zaak = values.get("zaak")
    if zaak:
        validation.zaak(zaak, values["besluittype"], errors)
    errors.raise_if_any()
    organisatie = values["verantwoordelijke_organisatie"]
    nummer = values.get("identificatie")
    if nummer:
        identificatie.claim(organisatie, nummer)
    else:
        nummer = identificatie.generate(organisatie, values["datum"].year)
    return Besluit.objects.create(**{**values, "identificatie": nummer})


def create_besluit(values: BesluitValues, actor: Actor) -> Besluit:
    """Create a besluit (``values`` are model field values, not changed here) and its zaakbesluit
    (brc-006)."""
    values = _stored(values)
    zaak = values.get("zaak") or ""
    with transaction.atomic():
        besluit = _insert(values)
        if sync.in_process(zaak):
            sync.link(zaak, besluit.url, actor)
            _record(besluit, "create", actor, nieuw=render_besluit(besluit))
            return besluit
    try:
        sync.link(zaak, besluit.url, actor)
    except ValidationError:
        Besluit.objects.filter(pk=besluit.pk).delete()
        raise
    with transaction.atomic():
        _record(besluit, "create", actor, nieuw=render_besluit(besluit))
    return besluit


def _check_update(besluit: Besluit, changes: BesluitValues) -> None:
    errors = ErrorCollector()
    for name, field in IMMUTABLE.items():
        # an identificatie left out of a PUT keeps the one given or generated before
        if changes.get(name) and changes.get(name) != getattr(besluit, name):
            errors.add(field, "wijzigen-niet-toegelaten", f"Het veld {field} mag niet gewijzigd worden.")
    if "zaak" in changes and besluit.zaak and changes["zaak"] != besluit.zaak:
        # brc-006: the zaak of a besluit MAG NIET change (nor be removed) once it is set
        errors.add("zaak", "wijzigen-niet-toegelaten", "Het veld zaak mag niet gewijzigd worden.")
    elif (zaak := changes.get("zaak")) and zaak != besluit.zaak:
        # a besluit without a zaak may still be linked to one
        validation.zaak(zaak, besluit.besluittype, errors)
    errors.raise_if_any()


def update_besluit(besluit: Besluit, changes: BesluitValues, actor: Actor, *, partial: bool) -> Besluit:
    """PUT (all fields) or PATCH (the fields sent, not changed here); linking a besluit without a
    zaak to one creates the zaakbesluit (a zaak once set stays, brc-006)."""
    changes = _stored(changes)
    with transaction.atomic():
        besluit = Besluit.objects.select_for_update().get(pk=besluit.pk)
        _check_update(besluit, changes)
        oud = render_besluit(besluit)
        before = besluit.zaak
        for key, value in changes.items():
            if key not in IMMUTABLE:
                setattr(besluit, key, value)
        besluit.save()
        moved = besluit.zaak != before
        local = sync.in_process(before) and sync.in_process(besluit.zaak)
        if moved and local:
            sync.unlink(before, besluit.url, actor, strict=True)
            sync.link(besluit.zaak, besluit.url, actor)
        actie = "partial_update" if partial else "update"
        if not moved or local:
            _record(besluit, actie, actor, oud=oud, nieuw=render_besluit(besluit))
            return besluit
    try:
        sync.link(besluit.zaak, besluit.url, actor)
    except ValidationError:
        Besluit.objects.filter(pk=besluit.pk).update(zaak=before)
        raise
    sync.unlink(before, besluit.url, actor, strict=False)
    with transaction.atomic():
        _record(besluit, actie, actor, oud=oud, nieuw=render_besluit(besluit))
    return besluit


def delete_besluit(besluit: Besluit, actor: Actor) -> None:
    """brc-009: the besluit, its besluitinformatieobjecten (and their mirrors), its zaakbesluit
    (brc-006) and its audit trail; no soft delete. One notification."""
    from zaakwerk.besluiten.services.besluitinformatieobjecten import remove_mirror
    from zaakwerk.core.models import AuditTrail

    with transaction.atomic():
        besluit = Besluit.objects.select_for_update().get(pk=besluit.pk)
        documents = list(besluit.besluitinformatieobjecten.values_list("informatieobject", flat=True))
        for informatieobject in documents:
            if registers.documenten(informatieobject).in_process:
                remove_mirror(informatieobject, besluit.url, strict=True)
        if sync.in_process(besluit.zaak):
            sync.unlink(besluit.zaak, besluit.url, actor, strict=True)
        record_change(
            Change(
                bron="brc",
                kanaal="besluiten",
                resource=RESOURCE,
                resource_url=besluit.url,
                actie="destroy",
                hoofd_object=besluit.url,
                kenmerken=kenmerken(besluit),
                resource_weergave=besluit.identificatie,
            ),
            actor,
            audit=False,
        )
        AuditTrail.objects.filter(hoofd_object=besluit.url).delete()
        url, zaak = besluit.url, besluit.zaak
        besluit.delete()
    # remote registers: "indien dit kan", so a register out of reach does not block the deletion
    for informatieobject in documents:
        if not registers.documenten(informatieobject).in_process:
            remove_mirror(informatieobject, url, strict=False)
    if not sync.in_process(zaak):
        sync.unlink(zaak, url, actor, strict=False)
