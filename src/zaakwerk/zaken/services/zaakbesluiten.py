"""Zaakbesluiten: the besluiten taken about a zaak (RULES.md 1.13, 3.8; brc-006).

The Besluiten register keeps these in step: when a besluit with a ``zaak`` is created it links
it here, when it is deleted it unlinks it. A Besluiten register in this process calls
:func:`link_besluit` / :func:`unlink_besluit` directly, after writing the besluit in the same
transaction; a remote one uses ``POST/DELETE /zaken/{uuid}/besluiten``, which call the same
functions.
"""

from __future__ import annotations

from django.db import transaction

from zaakwerk.core.actor import Actor
from zaakwerk.core.changes import Change, record_change
from zaakwerk.core.errors import NON_FIELD, ValidationError
from zaakwerk.zaken import registers
from zaakwerk.zaken.models import Zaak, ZaakBesluit
from zaakwerk.zaken.relation_representations import render_zaakbesluit
from zaakwerk.zaken.representations import kenmerken
from zaakwerk.zaken.services.zaakinformatieobjecten import check_open

RESOURCE = "zaakbesluit"


def _record(row: ZaakBesluit, actie: str, actor: Actor) -> None:
    data = render_zaakbesluit(row)
    zaak = row.zaak
    record_change(
        Change(
            bron="zrc",
            # the spec announces only the creation of a zaakbesluit
            kanaal="zaken" if actie == "create" else None,
            resource=RESOURCE,
            resource_url=data["url"],
            actie=actie,
            hoofd_object=zaak.url,
            kenmerken=kenmerken(zaak),
            resource_weergave=row.besluit,
            oud=data if actie == "destroy" else None,
            nieuw=data if actie == "create" else None,
        ),
        actor,
    )


@transaction.atomic
def link_besluit(zaak: Zaak, besluit_url: str, actor: Actor, *, geforceerd: bool = True) -> ZaakBesluit:
    """Record that the besluit at ``besluit_url`` is about ``zaak``.

    ``geforceerd=False`` applies zrc-007 (a closed zaak changes only with forced rights) for a
    client of the API; the Besluiten register itself synchronises with the default.
    """
    check_open(zaak, geforceerd=geforceerd)
    registers.besluit(besluit_url)
    if ZaakBesluit.objects.filter(zaak=zaak, besluit=besluit_url).exists():
        raise ValidationError.single(NON_FIELD, "unique", "Dit besluit hoort al bij deze zaak.")
    row = ZaakBesluit.objects.create(zaak=zaak, besluit=besluit_url)
    _record(row, "create", actor)
    return row


@transaction.atomic
def delete_zaakbesluit(row: ZaakBesluit, actor: Actor, *, geforceerd: bool = True) -> None:
    check_open(row.zaak, geforceerd=geforceerd)
    _record(row, "destroy", actor)
    row.delete()


def unlink_besluit(zaak: Zaak, besluit_url: str, actor: Actor) -> None:
    """The besluit at ``besluit_url`` is no longer about ``zaak`` (it was deleted or moved)."""
    with transaction.atomic():
        for row in ZaakBesluit.objects.filter(zaak=zaak, besluit=besluit_url).select_related("zaak"):
            delete_zaakbesluit(row, actor)
