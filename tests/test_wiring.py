"""The registers of this deployment connected in-process: a zaakinformatieobject created or deleted
through the Zaken API creates or deletes its objectinformatieobject in the Documenten API
(zrc-005, RULES.md 1.13), and closing a zaak reads the documents' indicatieGebruiksrecht (zrc-007)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.catalogi.main_types import catalogus, create, iot_body, publish, zaaktype_body
from tests.catalogi.sub_types import PROCESTYPE_1, resultaattype_body, statustype_body, ziot_body
from tests.documenten.factories import BASE as DRC
from tests.documenten.factories import create_eio
from tests.zaken.factories import BASE as ZRC
from tests.zaken.factories import codes, create_zaak
from tests.zaken.status_helpers import EIND, add_resultaat, add_status
from tests.zgw import ZGWClient
from zaakwerk.documenten.models import ObjectInformatieObject

OIO = f"{DRC}/objectinformatieobjecten"


@dataclass(frozen=True)
class Types:
    zaaktype: str
    eind: str
    resultaattype: str
    informatieobjecttype: str


@pytest.fixture
def types(api: ZGWClient) -> Types:
    cat = catalogus(api, domein="WIRE")
    zaaktype = create(api, "zaaktypen", zaaktype_body(cat, selectielijstProcestype=PROCESTYPE_1))["url"]
    iot = publish(api, create(api, "informatieobjecttypen", iot_body(cat))["url"])["url"]
    create(api, "zaaktype-informatieobjecttypen", ziot_body(zaaktype, iot))
    create(api, "statustypen", statustype_body(zaaktype, volgnummer=1))
    eind = create(api, "statustypen", statustype_body(zaaktype, omschrijving="Afgehandeld", volgnummer=2))
    resultaattype = create(api, "resultaattypen", resultaattype_body(zaaktype))["url"]
    publish(api, zaaktype)
    return Types(zaaktype, eind["url"], resultaattype, iot)


def relate(api: ZGWClient, zaak: str, informatieobject: str) -> dict[str, str]:
    response = api.post(f"{ZRC}/zaakinformatieobjecten", {"zaak": zaak, "informatieobject": informatieobject})
    assert response.status_code == 201, response.json_body
    return dict(response.json_body)


def test_zaakinformatieobject_is_mirrored_and_unmirrored(api: ZGWClient, types: Types) -> None:
    # given
    zaak = create_zaak(api, types.zaaktype)
    document = create_eio(api, types.informatieobjecttype)
    # when
    zio = relate(api, zaak["url"], document["url"])
    # then: the Documenten API shows the mirror
    mirrors = api.get(OIO, object=zaak["url"]).json_body
    assert [(m["informatieobject"], m["objectType"]) for m in mirrors] == [(document["url"], "zaak")]
    assert (
        api.get(
            f"{DRC}/enkelvoudiginformatieobjecten", objectinformatieobjecten_object=zaak["url"]
        ).json_body["count"]
        == 1
    )
    # drc-008: the document cannot be deleted while related
    refused = api.delete(document["url"])
    assert refused.status_code == 400
    # when the relation is removed in the Zaken API, the mirror goes with it
    assert api.delete(zio["url"]).status_code == 204
    assert api.get(OIO, object=zaak["url"]).json_body == []
    assert api.delete(document["url"]).status_code == 204


def test_closing_needs_gebruiksrechten_of_every_document(api: ZGWClient, types: Types) -> None:
    # given: a zaak with a document whose indicatieGebruiksrecht is unknown
    zaak = create_zaak(api, types.zaaktype)
    document = create_eio(api, types.informatieobjecttype)
    relate(api, zaak["url"], document["url"])
    assert add_resultaat(api, zaak["url"], types.resultaattype).status_code == 201
    # when / then: zrc-007
    refused = add_status(api, zaak["url"], types.eind, EIND)
    assert refused.status_code == 400
    assert codes(refused) == [("nonFieldErrors", "indicatiegebruiksrecht-unset")]
    # once the document has gebruiksrechten, the zaak closes
    recht = {
        "informatieobject": document["url"],
        "startdatum": "2024-03-01T09:00:00Z",
        "omschrijvingVoorwaarden": "Geen",
    }
    assert api.post(f"{DRC}/gebruiksrechten", recht).status_code == 201
    assert add_status(api, zaak["url"], types.eind, EIND).status_code == 201


def test_failed_zaakinformatieobject_leaves_no_mirror(api: ZGWClient, types: Types) -> None:
    zaak = create_zaak(api, types.zaaktype)
    document = create_eio(api, types.informatieobjecttype)
    relate(api, zaak["url"], document["url"])
    # a second relation of the same pair is refused by the Zaken API: still one mirror
    again = api.post(
        f"{ZRC}/zaakinformatieobjecten", {"zaak": zaak["url"], "informatieobject": document["url"]}
    )
    assert again.status_code == 400
    assert ObjectInformatieObject.objects.count() == 1
