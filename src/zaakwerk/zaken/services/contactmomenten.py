"""Zaakcontactmomenten: a zaak's link to a contactmoment of the Contactmomenten API.

The contactmoment is a URL only: docs/adr/0009-external-references-in-zaken.md says why it is
not fetched.
"""

from __future__ import annotations

from django.db import transaction

from zaakwerk.core.actor import Actor
from zaakwerk.zaken.models import Zaak, ZaakContactMoment
from zaakwerk.zaken.services.subresources import record
from zaakwerk.zaken.subresource_representations import render_zaakcontactmomenten


@transaction.atomic
def create_zaakcontactmoment(zaak: Zaak, contactmoment: str, actor: Actor) -> ZaakContactMoment:
    zaak = Zaak.objects.select_for_update().get(pk=zaak.pk)
    row = ZaakContactMoment.objects.create(zaak=zaak, contactmoment=contactmoment)
    nieuw = render_zaakcontactmomenten([row])[0]
    record(zaak, "zaakcontactmoment", row.url, "create", actor, weergave=contactmoment, nieuw=nieuw)
    return row


@transaction.atomic
def delete_zaakcontactmoment(row: ZaakContactMoment, actor: Actor) -> None:
    zaak = Zaak.objects.select_for_update().get(pk=row.zaak_id)
    oud = render_zaakcontactmomenten([row])[0]
    row.delete()
    record(zaak, "zaakcontactmoment", oud["url"], "destroy", actor, weergave=oud["contactmoment"], oud=oud)
