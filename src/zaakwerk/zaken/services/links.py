"""A zaak's link to an object of another API that the Zaken API only records: zaakcontactmomenten
(Contactmomenten API) and zaakverzoeken (Verzoeken API). Both are a URL only, not fetched
(docs/adr/0009-external-references-in-zaken.md); both are created and deleted the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction

from zaakwerk.core.actor import Actor
from zaakwerk.zaken.models import Zaak, ZaakContactMoment, ZaakVerzoek
from zaakwerk.zaken.services.subresources import record
from zaakwerk.zaken.subresource_representations import render_zaakcontactmomenten, render_zaakverzoeken


@dataclass(frozen=True)
class LinkKind:
    """One kind of link: its table, the field holding the URL, its resource name and rendering."""

    model: type[models.Model]
    field: str  # "contactmoment", "verzoek"
    resource: str  # as the notificaties section names it: "zaakcontactmoment", "zaakverzoek"
    collection: str  # URL path: "zaakcontactmomenten", "zaakverzoeken"
    render: Callable[[Sequence[Any]], list[dict[str, Any]]]


CONTACTMOMENT = LinkKind(
    ZaakContactMoment, "contactmoment", "zaakcontactmoment", "zaakcontactmomenten", render_zaakcontactmomenten
)
VERZOEK = LinkKind(ZaakVerzoek, "verzoek", "zaakverzoek", "zaakverzoeken", render_zaakverzoeken)


@transaction.atomic
def create_link(kind: LinkKind, zaak: Zaak, target: str, actor: Actor) -> Any:
    zaak = Zaak.objects.select_for_update().get(pk=zaak.pk)
    row = kind.model._default_manager.create(zaak=zaak, **{kind.field: target})
    nieuw = kind.render([row])[0]
    record(zaak, kind.resource, nieuw["url"], "create", actor, weergave=target, nieuw=nieuw)
    return row


@transaction.atomic
def delete_link(kind: LinkKind, row: Any, actor: Actor) -> None:
    zaak = Zaak.objects.select_for_update().get(pk=row.zaak_id)
    oud = kind.render([row])[0]
    row.delete()
    record(zaak, kind.resource, oud["url"], "destroy", actor, weergave=oud[kind.field], oud=oud)
