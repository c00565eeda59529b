"""Verzendingen: one sending or receipt of a document, to or from one address (RULES.md 4.6).

A verzending names exactly one address: one of the three structured addresses, or faxnummer,
emailadres, mijnOverheid (true) or telefoonnummer — else ``invalid-address`` (nonFieldErrors).
A document is received once: it has at most one verzending with aardRelatie ``afzender``, and any
number with ``geadresseerde`` (a received document may be sent on) — else ``unique``
(nonFieldErrors). Each change is one transaction with its audit line (in the document's audit trail) and its
notification.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import NON_FIELD, ValidationError
from zaakwerk.documenten.models import EnkelvoudigInformatieObject, Verzending
from zaakwerk.documenten.models.choices import AardRelatie
from zaakwerk.documenten.representations_relations import render_verzending
from zaakwerk.documenten.services.gebruiksrechten import record_related

ADDRESS_FIELDS = (
    "binnenlands_correspondentieadres",
    "buitenlands_correspondentieadres",
    "correspondentie_postadres",
    "faxnummer",
    "emailadres",
    "mijn_overheid",
    "telefoonnummer",
)
FIELDS = (
    "betrokkene",
    "aard_relatie",
    "toelichting",
    "ontvangstdatum",
    "verzenddatum",
    "contact_persoon",
    "contactpersoonnaam",
    *ADDRESS_FIELDS,
)
# what an absent value is stored as, per field that is not nullable
EMPTY: dict[str, Any] = {"toelichting": "", "contactpersoonnaam": "", "mijn_overheid": False}


def addresses(values: dict[str, Any]) -> list[str]:
    """The address kinds ``values`` set (mijnOverheid counts when true, text when not empty)."""
    return [name for name in ADDRESS_FIELDS if values.get(name) not in (None, "", False, {})]


def _check_address(values: dict[str, Any]) -> None:
    if len(addresses(values)) != 1:
        raise ValidationError.single(
            NON_FIELD,
            "invalid-address",
            "Geef precies één adres op: binnenlandsCorrespondentieadres, buitenlandsCorrespondentieadres, "
            "correspondentiePostadres, faxnummer, emailadres, mijnOverheid of telefoonnummer.",
        )


def _check_single_afzender(
    eio: EnkelvoudigInformatieObject, aard_relatie: str, *, exclude: Verzending | None = None
) -> None:
    """At most one afzender per document ("Een document kun je maar één keer ontvangen").

    The document row is locked first, so two requests adding an afzender to the same document
    at once are checked one after the other instead of both seeing none.
    """
    if aard_relatie != AardRelatie.afzender:
        return
    EnkelvoudigInformatieObject.objects.select_for_update().filter(pk=eio.pk).first()
    others = Verzending.objects.filter(informatieobject=eio, aard_relatie=AardRelatie.afzender)
    if exclude is not None:
        others = others.exclude(pk=exclude.pk)
    if others.exists():
        raise ValidationError.single(
            NON_FIELD,
            "unique",
            "Dit informatieobject heeft al een verzending met aardRelatie 'afzender': een document "
            "wordt één keer ontvangen. / This document already has a verzending with aardRelatie "
            "'afzender': a document is received once.",
        )


def _stored(values: dict[str, Any]) -> dict[str, Any]:
    return {
        name: EMPTY[name] if values.get(name) is None and name in EMPTY else values.get(name)
        for name in FIELDS
    }


@transaction.atomic
def create_verzending(eio: EnkelvoudigInformatieObject, values: dict[str, Any], actor: Actor) -> Verzending:
    stored = _stored(values)
    _check_address(stored)
    _check_single_afzender(eio, stored["aard_relatie"])
    verzending = Verzending.objects.create(informatieobject=eio, **stored)
    record_related(eio, "verzending", verzending.url, "create", actor, nieuw=render_verzending(verzending))
    return verzending


@transaction.atomic
def update_verzending(
    verzending: Verzending,
    eio: EnkelvoudigInformatieObject | None,
    changes: dict[str, Any],
    actor: Actor,
    *,
    partial: bool,
) -> Verzending:
    """PUT (all fields) or PATCH (the fields sent); ``eio``: the document it now belongs to, if sent."""
    verzending = (
        Verzending.objects.select_for_update(of=("self",))
        .select_related("informatieobject__latest")
        .get(pk=verzending.pk)
    )
    oud = render_verzending(verzending)
    current = {name: getattr(verzending, name) for name in FIELDS}
    merged = {**current, **_stored({**current, **changes})} if partial else _stored(changes)
    _check_address(merged)
    _check_single_afzender(eio or verzending.informatieobject, merged["aard_relatie"], exclude=verzending)
    for name, value in merged.items():
        setattr(verzending, name, value)
    if eio is not None:
        verzending.informatieobject = eio
    verzending.save()
    nieuw = render_verzending(verzending)
    actie = "partial_update" if partial else "update"
    record_related(
        verzending.informatieobject, "verzending", verzending.url, actie, actor, oud=oud, nieuw=nieuw
    )
    return verzending


@transaction.atomic
def delete_verzending(verzending: Verzending, actor: Actor) -> None:
    oud = render_verzending(verzending)
    record_related(verzending.informatieobject, "verzending", verzending.url, "destroy", actor, oud=oud)
    verzending.delete()
