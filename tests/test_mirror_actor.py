"""Who a mirrored relation's audit line names (ADR 0013, RULES.md 1.11 and 1.13).

A zaakinformatieobject or besluitinformatieobject is the caller's own write; the
objectinformatieobject the Documenten register keeps in step for it, and the zaakbesluit the
Zaken register keeps for a besluit, are Zaakwerk's: their audit lines carry applicatieId
``zaakwerk`` and a weergave that says they are a mirror, so nobody reads them as a call the
application made itself.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.besluiten.helpers import BASE as BRC
from tests.besluiten.helpers import create_besluit, types
from tests.catalogi.main_types import catalogus, create, iot_body, publish, zaaktype_body
from tests.catalogi.sub_types import ziot_body
from tests.documenten.factories import create_eio
from tests.test_wiring import relate
from tests.zaken.factories import create_zaak
from tests.zgw import ZGWClient
from zaakwerk.core.actor import Actor


@pytest.fixture
def zaaktype_with_document(api: ZGWClient) -> tuple[str, str]:
    """A published zaaktype and an informatieobjecttype its zaken may hold."""
    cat = catalogus(api, domein="SPGL")
    zaaktype = create(api, "zaaktypen", zaaktype_body(cat))["url"]
    iot = publish(api, create(api, "informatieobjecttypen", iot_body(cat))["url"])["url"]
    create(api, "zaaktype-informatieobjecttypen", ziot_body(zaaktype, iot))
    publish(api, zaaktype)
    return zaaktype, iot


def audit_lines(api: ZGWClient, url: str, resource: str) -> list[dict[str, Any]]:
    response = api.get(f"{url}/audittrail")
    assert response.status_code == 200, response.json_body
    return [line for line in response.json_body if line["resource"] == resource]


def test_objectinformatieobject_of_a_zaak_is_written_by_zaakwerk(
    api: ZGWClient, zaaktype_with_document: tuple[str, str]
) -> None:
    # given
    zaaktype, informatieobjecttype = zaaktype_with_document
    zaak = create_zaak(api, zaaktype)
    document = create_eio(api, informatieobjecttype)
    # when
    zio = relate(api, zaak["url"], document["url"])
    assert api.delete(zio["url"]).status_code == 204
    # then: the caller's own write is the caller's ...
    [own, _] = audit_lines(api, zaak["url"], "zaakinformatieobject")
    assert own["applicatieId"] == "test-alles"
    # ... and the mirror in the document's audit trail is Zaakwerk's, created and removed
    mirrors = audit_lines(api, document["url"], "objectinformatieobject")
    assert [line["actie"] for line in mirrors] == ["create", "destroy"]
    for line in mirrors:
        assert line["applicatieId"] == "zaakwerk"
        assert line["applicatieWeergave"] == "Zaakwerk (spiegeling vanuit de Zaken API)"


def test_objectinformatieobject_of_a_besluit_names_the_besluiten_api(api: ZGWClient) -> None:
    catalogue = types(api)
    besluit = create_besluit(api, catalogue.besluittype)
    document = create_eio(api, catalogue.informatieobjecttype)
    bio = api.post(
        f"{BRC}/besluitinformatieobjecten", {"besluit": besluit["url"], "informatieobject": document["url"]}
    )
    assert bio.status_code == 201, bio.json_body
    [mirror] = audit_lines(api, document["url"], "objectinformatieobject")
    assert (mirror["applicatieId"], mirror["applicatieWeergave"]) == (
        "zaakwerk",
        "Zaakwerk (spiegeling vanuit de Besluiten API)",
    )


def test_zaakbesluit_names_zaakwerk_and_on_whose_behalf(api: ZGWClient) -> None:
    # given: a zaak whose zaaktype allows the besluittype
    catalogue = types(api)
    zaak = create_zaak(api, catalogue.zaaktype)
    # when: a besluit is made for the zaak, with a reason for the audit trail
    create_besluit(api, catalogue.besluittype, zaak=zaak["url"])
    besluit = api.get(f"{BRC}/besluiten").json_body["results"][0]
    assert api.delete(besluit["url"], headers={"X-Audit-Toelichting": "Verkeerde zaak"}).status_code == 204
    # then: the zaak's audit trail shows Zaakwerk as the application, the caller's end user,
    # and which application's change it mirrors
    created, removed = audit_lines(api, zaak["url"], "zaakbesluit")
    for line in (created, removed):
        assert line["applicatieId"] == "zaakwerk"
        assert line["applicatieWeergave"] == "Zaakwerk (spiegeling van test-alles)"
        assert (line["gebruikersId"], line["gebruikersWeergave"]) == ("tester", "Test Gebruiker")
    assert created["toelichting"] == "Spiegeling vanuit de Besluiten API namens test-alles"
    assert removed["toelichting"] == "Spiegeling vanuit de Besluiten API namens test-alles: Verkeerde zaak"


@pytest.mark.parametrize(
    ("caller", "weergave"),
    [
        (
            Actor(client_id="app-1", applicatie_weergave="Zaaksysteem"),
            "Zaakwerk (spiegeling van Zaaksysteem)",
        ),
        (Actor(client_id="app-1"), "Zaakwerk (spiegeling van app-1)"),
        (None, "Zaakwerk (spiegeling vanuit de Zaken API)"),
    ],
)
def test_mirror_actor_weergave(caller: Actor | None, weergave: str) -> None:
    actor = Actor.mirror("Zaken API", caller)
    assert (actor.client_id, actor.applicatie_weergave) == ("zaakwerk", weergave)
