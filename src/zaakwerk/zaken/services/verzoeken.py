"""Zaakverzoeken: a zaak's link to a verzoek of the Verzoeken API.

The verzoek is a URL only: docs/adr/0009-external-references-in-zaken.md says why it is not
fetched.
"""

from __future__ import annotations

from django.db import transaction

from zaakwerk.core.actor import Actor
from zaakwerk.zaken.models import Zaak, ZaakVerzoek
from zaakwerk.zaken.services.subresources import record
from zaakwerk.zaken.subresource_representations import render_zaakverzoeken


@transaction.atomic
def create_zaakverzoek(zaak: Zaak, verzoek: str, actor: Actor) -> ZaakVerzoek:
    zaak = Zaak.objects.select_for_update().get(pk=zaak.pk)
    row = ZaakVerzoek.objects.create(zaak=zaak, verzoek=verzoek)
    nieuw = render_zaakverzoeken([row])[0]
    record(zaak, "zaakverzoek", row.url, "create", actor, weergave=verzoek, nieuw=nieuw)
    return row


@transaction.atomic
def delete_zaakverzoek(row: ZaakVerzoek, actor: Actor) -> None:
    zaak = Zaak.objects.select_for_update().get(pk=row.zaak_id)
    oud = render_zaakverzoeken([row])[0]
    row.delete()
    record(zaak, "zaakverzoek", oud["url"], "destroy", actor, weergave=oud["verzoek"], oud=oud)
