"""Server-side request forgery through references (issue 10): what a writer stores in a URL field
cannot make the deployment fetch an internal service for a reader, nor tell the writer what is
behind a URL."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from tests.client.loopback import answer, serving
from tests.zaken.factories import BASE, CRS
from tests.zaken.subresource_helpers import FullType, full_zaaktype, new_zaak, rol_body, zaakobject_body
from tests.zgw import ZGWClient

if TYPE_CHECKING:
    from pytest_django import Settings

pytestmark = pytest.mark.django_db
INTERNAL = {"url": "x", "geheim": "wat alleen de server mag zien"}


@pytest.fixture
def types(api: ZGWClient) -> FullType:
    return full_zaaktype(api)


def _rol(api: ZGWClient, types: FullType, betrokkene: str) -> dict[str, Any]:
    zaak = new_zaak(api, types)
    created = api.post(f"{BASE}/rollen", rol_body(zaak["url"], types.roltype, betrokkene=betrokkene))
    assert created.status_code == 201, created.json_body
    return dict(created.json_body)


def test_a_betrokkene_on_an_internal_host_is_shown_as_its_url(api: ZGWClient, types: FullType) -> None:
    with serving(answer(200, INTERNAL)) as internal:
        # given a rol whose betrokkene points at an internal service (loopback, not an allowed host)
        betrokkene = f"{internal.url}/internal"
        rol = _rol(api, types, betrokkene)
        # when a reader expands it
        expanded = api.get(rol["url"], expand="betrokkene")
        # then the betrokkene is its URL, and the internal service was never asked
        assert expanded.status_code == 200
        assert expanded.json_body["_expand"]["betrokkene"] == {"url": betrokkene}
        # nor through _zoek with fields
        fields = ["url", {"rollen": ["url", {"betrokkene": ["*"]}]}]
        found = api.post(
            f"{BASE}/zaken/_zoek",
            {"fields": fields, "uuid__in": [rol["zaak"].rsplit("/", 1)[1]]},
            headers=CRS,
        )
        assert found.status_code == 200, found.json_body
        [zaak] = found.json_body["results"]
        assert zaak["_expand"]["rollen"][0]["_expand"]["betrokkene"] == {"url": betrokkene}
        assert internal.hits == []


def test_a_betrokkene_on_an_allowed_host_is_fetched(
    api: ZGWClient, types: FullType, settings: Settings
) -> None:
    with serving(answer(200, {"url": "brp", "naam": "Jansen"})) as brp:
        settings.OUTGOING_HOSTS = ["127.0.0.1"]  # the BRP, configured by the operator
        rol = _rol(api, types, f"{brp.url}/personen/1")
        assert api.get(rol["url"], expand="betrokkene").json_body["_expand"]["betrokkene"]["naam"] == "Jansen"


def test_only_what_the_standard_names_is_expanded(api: ZGWClient, types: FullType) -> None:
    # selectielijstProcestype is a URL of the zaaktype, but ZaakTypeEmbedded does not name it
    refused = api.get(types.zaaktype, expand="selectielijstProcestype")
    assert refused.status_code == 404
    assert api.get(types.zaaktype, expand="statustypen").status_code == 200


def test_error_texts_do_not_tell_a_closed_port_from_a_server_error(
    api: ZGWClient, types: FullType, settings: Settings
) -> None:
    settings.OUTGOING_HOSTS = ["127.0.0.1"]
    with serving(answer(200)) as gone:
        closed = f"{gone.url}/object/1"  # nothing listens here once the block ends
    with serving(answer(503, {"detail": "intern"})) as failing:
        zaak = new_zaak(api, types)
        reasons = []
        for url in (closed, f"{failing.url}/object/1"):
            response = api.post(f"{BASE}/zaakobjecten", zaakobject_body(zaak["url"], object=url))
            assert response.status_code == 400
            [error] = response.json_body["invalidParams"]
            reasons.append((error["code"], error["reason"].replace(url, "<url>")))
    assert reasons[0] == reasons[1] == ("bad-url", "De URL <url> resulteerde niet in een HTTP 200.")
