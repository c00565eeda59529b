"""Verzendingen: one sending or receipt of a document, to or from one address (RULES.md 4.6).

A verzending names exactly one address: one of the three structured addresses, or faxnummer,
emailadres, mijnOverheid (true) or telefoonnummer — else ``invalid-address`` (nonFieldErrors).
A document is received once: it has at most one verzending with aardRelatie ``afzender``, and any
number with ``geadresseerde`` (a received document may be sent on) — else ``unique``
(nonFieldErrors). Each change is one transaction with its audit line (in the document's audit trail) and its
notification.
"""

from __future__ import annotations

from django.db import transaction

from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import NON_FIELD, ValidationError
from zaakwerk.documenten.models import EnkelvoudigInformatieObject, Verzending
from zaakwerk.documenten.models.choices import AardRelatie
from zaakwerk.documenten.representations_relations import render_verzending
from zaakwerk.documenten.services.gebruiksrechten import record_related
from zaakwerk.documenten.services.inputs import VerzendingValues

ADDRESS_FIELDS = (
    "binnenlands_correspondentieadres",
    "buitenlands_correspondentieadres",
    "correspondentie_postadres",
    "faxnummer",
    "emailadres",
    "mijn_overheid",
    "telefoonnummer",
)


def addresses(values: VerzendingValues) -> list[str]:
    """The address kinds ``values`` set (mijnOverheid counts when true, text when not empty)."""
    return [name for name in ADDRESS_FIELDS if values.get(name) not in (None, "", False, {})]


def _check_address(values: VerzendingValues) -> None:
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


def _current(verzending: Verzending) -> VerzendingValues:
    return {
        "betrokkene": verzending.betrokkene,
        "aard_relatie": verzending.aard_relatie,
        "toelichting": verzending.toelichting,
        "ontvangstdatum": verzending.ontvangstdatum,
        "verzenddatum": verzending.verzenddatum,
        "contact_persoon": verzending.contact_persoon,
        "contactpersoonnaam": verzending.contactpersoonnaam,
        "binnenlands_correspondentieadres": verzending.binnenlands_correspondentieadres,
        "buitenlands_correspondentieadres": verzending.buitenlands_correspondentieadres,
        "correspondentie_postadres": verzending.correspondentie_postadres,
        "faxnummer": verzending.faxnummer,
        "emailadres": verzending.emailadres,
        "mijn_overheid": verzending.mijn_overheid,
        "telefoonnummer": verzending.telefoonnummer,
    }


def _stored(values: VerzendingValues) -> VerzendingValues:
    """A copy of ``values`` with every field: one left out is None, or the empty value of a column
    that is not nullable."""
    return {
        "betrokkene": values["betrokkene"],
        "aard_relatie": values["aard_relatie"],
        "toelichting": values.get("toelichting") or "",
        "ontvangstdatum": values.get("ontvangstdatum"),
        "verzenddatum": values.get("verzenddatum"),
        "contact_persoon": values["contact_persoon"],
        "contactpersoonnaam": values.get("contactpersoonnaam") or "",
        "binnenlands_correspondentieadres": values.get("binnenlands_correspondentieadres"),
        "buitenlands_correspondentieadres": values.get("buitenlands_correspondentieadres"),
        "correspondentie_postadres": values.get("correspondentie_postadres"),
        "faxnummer": values.get("faxnummer"),
        "emailadres": values.get("emailadres"),
        "mijn_overheid": values.get("mijn_overheid") or False,
        "telefoonnummer": values.get("telefoonnummer"),
    }


@transaction.atomic
def create_verzending(eio: EnkelvoudigInformatieObject, values: VerzendingValues, actor: Actor) -> Verzending:
    """A verzending of ``eio`` (``values`` all its fields, not changed here)."""
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
    changes: VerzendingValues,
    actor: Actor,
    *,
    partial: bool,
) -> Verzending:
    """PUT (all fields) or PATCH (the fields sent), ``changes`` not changed here; ``eio``: the
    document it now belongs to, if sent."""
    verzending = (
        Verzending.objects.select_for_update(of=("self",))
        .select_related("informatieobject__latest")
        .get(pk=verzending.pk)
    )
    oud = render_verzending(verzending)
    merged = _stored({**_current(verzending), **changes} if partial else changes)
    _check_address(merged)
    _check_single_afzender(eio or verzending.informatieobject, merged["aard_relatie"], exclude=verzending)
    verzending.betrokkene = merged["betrokkene"]
    verzending.aard_relatie = merged["aard_relatie"]
    verzending.toelichting = merged["toelichting"]
    verzending.ontvangstdatum = merged["ontvangstdatum"]
    verzending.verzenddatum = merged["verzenddatum"]
    verzending.contact_persoon = merged["contact_persoon"]
    verzending.contactpersoonnaam = merged["contactpersoonnaam"]
    verzending.binnenlands_correspondentieadres = merged["binnenlands_correspondentieadres"]
    verzending.buitenlands_correspondentieadres = merged["buitenlands_correspondentieadres"]
    verzending.correspondentie_postadres = merged["correspondentie_postadres"]
    verzending.faxnummer = merged["faxnummer"]
    verzending.emailadres = merged["emailadres"]
    verzending.mijn_overheid = merged["mijn_overheid"]
    verzending.telefoonnummer = merged["telefoonnummer"]
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
