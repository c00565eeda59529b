"""``PUT /kanaal/{uuid}``: registering a kanaal again, as subscriber libraries do on every deploy
(an extension, ADR 0014)."""

from __future__ import annotations

import pytest

from tests.notificaties.api_helpers import BASE, CONSUMEREN, PUBLICEREN, codes, nrc_client
from tests.zgw import ZGWClient
from zaakwerk.core.models import AuditTrail
from zaakwerk.notificaties.models import Kanaal

pytestmark = pytest.mark.django_db

BODY = {"naam": "meldingen", "documentatieLink": "https://example.com/meldingen", "filters": ["wijk"]}


def test_re_registering_updates_documentatie_link_and_filters(api: ZGWClient) -> None:
    # given
    created = api.post(f"{BASE}/kanaal", BODY).json_body
    again = {**BODY, "documentatieLink": "https://example.com/v2#meldingen", "filters": ["wijk", "soort"]}
    # when (as notifications-api-common's register_kanalen does: find by naam, then PUT its url)
    found = api.get(f"{BASE}/kanaal", naam="meldingen").json_body[0]
    response = api.put(found["url"], again)
    # then
    assert response.status_code == 200, response.json_body
    assert response.json_body == {**again, "url": created["url"]}
    assert api.get(created["url"]).json_body == response.json_body
    line = AuditTrail.objects.filter(resource_url=created["url"]).latest("pk")
    assert line.actie == "update"
    assert (line.oud or {}).get("filters") == ["wijk"]
    assert (line.nieuw or {}).get("filters") == ["wijk", "soort"]


def test_naam_cannot_change(api: ZGWClient) -> None:
    created = api.post(f"{BASE}/kanaal", BODY).json_body
    response = api.put(created["url"], {**BODY, "naam": "andere"})
    assert response.status_code == 400
    assert codes(response) == [("naam", "wijzigen-niet-toegelaten")]
    assert Kanaal.objects.get(uuid=created["url"].rsplit("/", 1)[1]).naam == "meldingen"


def test_own_kanaal_keeps_the_kenmerken_its_register_sends(api: ZGWClient) -> None:
    zaken = api.get(f"{BASE}/kanaal", naam="zaken").json_body[0]
    # a publisher may add filters and change the link ...
    wider = {
        "naam": "zaken",
        "documentatieLink": "https://example.com/zaken",
        "filters": [*zaken["filters"], "x"],
    }
    assert api.put(zaken["url"], wider).status_code == 200
    # ... but not drop a kenmerk the Zaken register puts on its messages
    narrower = api.put(zaken["url"], {**wider, "filters": ["bronorganisatie"]})
    assert narrower.status_code == 400
    assert codes(narrower) == [("filters", "invalid")]
    assert api.get(zaken["url"]).json_body["filters"] == wider["filters"]


def test_needs_the_publiceren_scope(api: ZGWClient) -> None:
    created = api.post(f"{BASE}/kanaal", BODY).json_body
    assert nrc_client("consumer", CONSUMEREN).put(created["url"], BODY).status_code == 403
    assert nrc_client("publisher", PUBLICEREN).put(created["url"], BODY).status_code == 200
    assert ZGWClient(None).put(created["url"], BODY).status_code == 401


@pytest.mark.parametrize("uuid", ["00000000-0000-4000-8000-000000000000", "geen-uuid"])
def test_unknown_kanaal_is_404(api: ZGWClient, uuid: str) -> None:
    assert api.put(f"{BASE}/kanaal/{uuid}", BODY).status_code == 404


def test_invalid_body_is_400(api: ZGWClient) -> None:
    created = api.post(f"{BASE}/kanaal", BODY).json_body
    response = api.put(created["url"], {"naam": "meldingen", "filters": "wijk"})
    assert response.status_code == 400
    assert codes(response) == [("filters", "not_a_list")]


def test_served_document_marks_the_operation_not_the_path(api: ZGWClient) -> None:
    served = api.get(f"{BASE}/schema/openapi.json").json_body
    item = served["paths"]["/kanaal/{uuid}"]
    assert item["put"]["x-zaakwerk-extension"] is True
    assert "x-zaakwerk-extension" not in item
    assert "x-zaakwerk-extension" not in item["get"]
