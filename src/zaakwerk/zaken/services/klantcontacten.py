"""Klantcontacten of a zaak (Zaken API 1.7.0; deprecated in favour of the Contactmomenten API)."""

from __future__ import annotations

from django.db import transaction

from zaakwerk.core.actor import Actor
from zaakwerk.zaken.models import KlantContact, Zaak
from zaakwerk.zaken.services.inputs import KlantContactValues
from zaakwerk.zaken.services.subresources import record, require_open
from zaakwerk.zaken.subresource_representations import render_klantcontacten


@transaction.atomic
def create_klantcontact(
    zaak: Zaak, values: KlantContactValues, actor: Actor, *, geforceerd: bool
) -> KlantContact:
    """Add a klantcontact; without an identificatie one is generated (OAS POST /klantcontacten)."""
    zaak = Zaak.objects.select_for_update().get(pk=zaak.pk)
    require_open(zaak, geforceerd=geforceerd)
    row = KlantContact(zaak=zaak, **values)
    if not row.identificatie:
        # 14 characters at most; derived from the row's own UUID, so unique without a counter
        row.identificatie = row.uuid.hex[:14].upper()
    row.save()
    nieuw = render_klantcontacten([row])[0]
    record(zaak, "klantcontact", row.url, "create", actor, weergave=row.identificatie, nieuw=nieuw)
    return row
