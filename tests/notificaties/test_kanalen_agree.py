"""The kanalen's filters agree with the kenmerken the registers of this deployment really send:
every message a register puts in its outbox is one the Notificaties API accepts."""

from __future__ import annotations

import pytest

from tests.catalogi.main_types import besluittype_body, catalogus, create, iot_body, publish, zaaktype_body
from tests.zgw import ZGWClient
from zaakwerk.besluiten.models import Besluit
from zaakwerk.besluiten.representations import kenmerken as besluit_kenmerken
from zaakwerk.core.models import OutboxMessage
from zaakwerk.documenten.models import EnkelvoudigInformatieObjectVersie
from zaakwerk.documenten.representations import kenmerken as document_kenmerken
from zaakwerk.notificaties.kanalen import KANALEN
from zaakwerk.notificaties.services.notificaties import check_message
from zaakwerk.zaken.models import Zaak
from zaakwerk.zaken.representations import kenmerken as zaak_kenmerken

pytestmark = pytest.mark.django_db

FILTERS = {k.naam: k.filters for k in KANALEN}


def test_register_kenmerken_are_the_kanaal_filters() -> None:
    assert tuple(zaak_kenmerken(Zaak())) == FILTERS["zaken"]
    assert tuple(document_kenmerken(EnkelvoudigInformatieObjectVersie())) == FILTERS["documenten"]
    assert tuple(besluit_kenmerken(Besluit())) == FILTERS["besluiten"]


def test_every_outbox_message_is_accepted(api: ZGWClient) -> None:
    # given: changes on the catalogue kanalen and on autorisaties
    cat = catalogus(api)
    publish(api, create(api, "informatieobjecttypen", iot_body(cat))["url"])
    publish(api, create(api, "besluittypen", besluittype_body(cat))["url"])
    publish(api, create(api, "zaaktypen", zaaktype_body(cat))["url"])
    applicatie = {"clientIds": ["nieuw"], "label": "Nieuw", "heeftAlleAutorisaties": True}
    assert api.post("/autorisaties/api/v1/applicaties", applicatie).status_code == 201
    messages = [row.as_message() for row in OutboxMessage.objects.all()]
    # then
    assert {m["kanaal"] for m in messages} >= {
        "zaaktypen",
        "besluittypen",
        "informatieobjecttypen",
        "autorisaties",
    }
    for item in messages:
        check_message(item)  # raises on an unknown kanaal or kenmerk
