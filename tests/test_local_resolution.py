"""A URL of this deployment resolves as the same URL over HTTP would (issue 11, "Wrong answers").

Resource URLs come from their register's loader, without HTTP; every other path of this deployment
(a list, a schema, an API root, a path nothing serves, a URL with a query) is answered by a GET
through the in-process transport, so the status and body, and with them ``bad-url`` versus
``invalid-resource``, are what an HTTP client gets.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.referentielijsten import fixtures
from tests.remote import remote_api, serving
from tests.zaken.factories import BASE, CRS, codes, zaak_body, zaaktype
from tests.zgw import ZGWClient
from zaakwerk.core import references

pytestmark = pytest.mark.django_db
ROOT = "http://testserver"
COMMUNICATIEKANALEN = f"{ROOT}/referentielijsten/api/v1/communicatiekanalen"


def _over_http(url: str) -> tuple[Any, int]:
    """What an HTTP GET without credentials answers (this deployment has none for itself), as
    references.fetch reports it: the body of a 200 that is a JSON object, and the status."""
    response = ZGWClient(None, validate=False).get(url)
    ok = response.status_code == 200 and isinstance(response.json_body, dict)
    return (response.json_body if ok else None), response.status_code


@pytest.mark.parametrize(
    "path",
    [
        "/referentielijsten/api/v1/communicatiekanalen",
        "/referentielijsten/api/v1/",
        "/referentielijsten/api/v1/procestypen?x=1",
        "/zaken/api/v1/onbekend",
        "/zaken/api/v1/zaken",
        "/zaken/api/v1/schema/openapi.json",
        "/autorisaties/api/v1/applicaties/6f7c0000-0000-4000-8000-000000000001",
        "/geen/api",
    ],
)
def test_every_other_path_answers_as_over_http(path: str) -> None:
    assert references.fetch(ROOT + path) == _over_http(ROOT + path)


def test_a_resource_url_in_another_spelling_resolves_like_over_http() -> None:
    row = fixtures.served_resultaten()[0]
    url = fixtures.url("resultaten", row["uuid"])
    upper = url.rsplit("/", 1)[0] + "/" + str(row["uuid"]).upper()
    body, status = references.fetch(upper)
    assert (body, status) == _over_http(upper)
    assert status == 200 and body is not None and body["url"] == url


def test_a_list_is_an_invalid_resource_locally_and_remotely(api: ZGWClient) -> None:
    zaaktype_url = zaaktype(api)["url"]
    # a list of this deployment, where one communicatiekanaal is expected
    local = api.post(
        f"{BASE}/zaken", zaak_body(zaaktype_url, communicatiekanaal=COMMUNICATIEKANALEN), headers=CRS
    )
    assert local.status_code == 400
    assert codes(local) == [("communicatiekanaal", "invalid-resource")]
    # the same list served by another host gives the same error
    elsewhere = "https://referentielijsten.example.nl/api/v1/communicatiekanalen"
    same_body = ZGWClient(None).get(COMMUNICATIEKANALEN).json_body
    with remote_api("https://referentielijsten.example.nl", serving({elsewhere: same_body})):
        remote = api.post(f"{BASE}/zaken", zaak_body(zaaktype_url, communicatiekanaal=elsewhere), headers=CRS)
    assert codes(remote) == [("communicatiekanaal", "invalid-resource")]
