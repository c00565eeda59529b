"""Reference URLs are stored in their canonical form (issue 10, docs/adr/0036).

Sent as ``…/zaaktypen/ABC…`` (upper-case UUID), with ``#fragment`` or in upper-case scheme and
host, a reference is the same resource as its canonical URL, so it is stored as that: the zaak
cannot escape ``?zaaktype=`` filters, abonnement filters or the authorisation of its zaaktype, and
notification kenmerken carry the canonical URL. What is not a URL of the resource (a query on a
URL of this deployment, white space, a newline) is refused.
"""

from __future__ import annotations

import pytest

from tests.zaken.factories import BASE, CRS, codes, zaak_body, zaaktype, zaken_client
from tests.zgw import ZGWClient
from zaakwerk.core.models import OutboxMessage

pytestmark = pytest.mark.django_db


def _spellings(url: str) -> list[str]:
    root, uuid = url.rsplit("/", 1)
    return [
        f"{root}/{uuid.upper()}",
        f"{url}#fragment",
        url.replace("http://testserver", "HTTP://TESTSERVER:80"),
    ]


@pytest.mark.parametrize("which", range(3), ids=["uppercase-uuid", "fragment", "uppercase-host"])
def test_another_spelling_is_stored_canonical(api: ZGWClient, which: int) -> None:
    canonical = zaaktype(api)["url"]
    reader = zaken_client("lezer", (canonical, "zeer_geheim", ["zaken.lezen"]))
    # when a zaak is created with another spelling of its zaaktype
    created = api.post(f"{BASE}/zaken", zaak_body(_spellings(canonical)[which]), headers=CRS)
    # then it is stored as the canonical URL
    assert created.status_code == 201, created.json_body
    assert created.json_body["zaaktype"] == canonical
    # so the filter on the zaaktype finds it
    found = api.get(f"{BASE}/zaken", zaaktype=canonical, headers=CRS).json_body
    assert [zaak["url"] for zaak in found["results"]] == [created.json_body["url"]]
    # a reader authorised for the zaaktype sees it
    assert reader.get(created.json_body["url"], headers=CRS).status_code == 200
    # and the notification's kenmerken name the canonical URL
    message = OutboxMessage.objects.filter(kanaal="zaken").latest("id")
    assert message.kenmerken["zaaktype"] == canonical


@pytest.mark.parametrize("suffix", ["?x=1", "\n", " ", "\t"], ids=["query", "newline", "space", "tab"])
def test_what_is_not_the_resource_url_is_refused(api: ZGWClient, suffix: str) -> None:
    url = zaaktype(api)["url"] + suffix
    response = api.post(f"{BASE}/zaken", zaak_body(url), headers=CRS)
    assert response.status_code == 400
    assert codes(response) == [("zaaktype", "invalid")]
    assert not OutboxMessage.objects.filter(kanaal="zaken").exists()
