"""Every way to a page of zaken returns the same zaken as plain ``ORDER BY … OFFSET``.

A page of all zaken ordered by id starts from the kept counts per block of ids, a short filtered
list is gathered whole and sorted, and a page's related rows come from one query. These tests
make the blocks and thresholds small, so the shortcuts run on a handful of zaken, and compare
every page with the zaken the database returns in that order.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db.models import Count
from django.test import override_settings

from tests.zaken.factories import BASE, CRS, create_zaak, zaaktype, zaken_client
from tests.zaken.subresource_helpers import close, full_zaaktype, rol_body, zaakobject_body
from tests.zgw import ZGWClient

pytestmark = pytest.mark.django_db

BLOCK = 3


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks of three ids, used from the second page of two on."""
    from zaakwerk.zaken import counts
    from zaakwerk.zaken.api import listing

    monkeypatch.setattr(counts, "BLOK_GROOTTE", BLOCK)
    monkeypatch.setattr(listing, "BLOCKS_FROM", 2)


def kept_blocks() -> dict[int, int]:
    from zaakwerk.zaken.models import ZaakBlokAantal

    return {row.blok: row.aantal for row in ZaakBlokAantal.objects.all() if row.aantal != 0}


def actual_blocks() -> dict[int, int]:
    from zaakwerk.zaken.models import Zaak

    found: dict[int, int] = {}
    for pk in Zaak.objects.values_list("id", flat=True):
        found[pk // BLOCK] = found.get(pk // BLOCK, 0) + 1
    return found


def all_pages(client: ZGWClient, url: str, **query: str) -> tuple[int, list[str]]:
    """The count and the zaak URLs of every page, following ``next``."""
    found: list[str] = []
    response = client.get(url, headers=CRS, **query)
    count = response.json_body["count"]
    while True:
        assert response.status_code == 200, response.json_body
        found.extend(item["url"] for item in response.json_body["results"])
        if response.json_body["next"] is None:
            return count, found
        response = client.get(response.json_body["next"], headers=CRS)


def expected(order_by: list[str], **lookups: Any) -> list[str]:
    from zaakwerk.zaken.models import Zaak

    return [zaak.url for zaak in Zaak.objects.filter(**lookups).order_by(*order_by)]


@override_settings(PAGE_SIZE=2)
def test_deep_pages_of_all_zaken_start_at_their_block(api: ZGWClient, small_blocks: None) -> None:
    url = zaaktype(api)["url"]
    zaken = [create_zaak(api, url) for _ in range(11)]
    # deleting leaves blocks with fewer zaken, and one empty block
    for zaak in (zaken[1], zaken[4], zaken[5], zaken[6]):
        assert api.delete(zaak["url"], headers=CRS).status_code == 204
    assert kept_blocks() == actual_blocks()

    count, found = all_pages(api, f"{BASE}/zaken")

    assert count == 7
    assert found == expected(["id"])
    # past the last page: 404 as before
    assert api.get(f"{BASE}/zaken", headers=CRS, page="5").status_code == 404


@override_settings(PAGE_SIZE=2)
def test_block_counts_stay_exact_when_a_create_is_refused(api: ZGWClient, small_blocks: None) -> None:
    url = zaaktype(api)["url"]
    for _ in range(4):
        create_zaak(api, url)
    before = kept_blocks()
    client = zaken_client("beperkt", (url, "openbaar", ["zaken.aanmaken", "zaken.lezen"]))
    body = {
        "bronorganisatie": "517439943",
        "verantwoordelijkeOrganisatie": "517439943",
        "zaaktype": url,
        "startdatum": "2024-03-01",
        "vertrouwelijkheidaanduiding": "geheim",
    }
    assert client.post(f"{BASE}/zaken", body, headers=CRS).status_code == 403
    assert kept_blocks() == before == actual_blocks()
    assert all_pages(api, f"{BASE}/zaken")[1] == expected(["id"])


def test_rebuild_counts_recomputes_the_blocks(api: ZGWClient) -> None:
    from zaakwerk.zaken import counts
    from zaakwerk.zaken.models import Zaak, ZaakBlokAantal

    url = zaaktype(api)["url"]
    for _ in range(3):
        create_zaak(api, url)
    ZaakBlokAantal.objects.update(aantal=99)

    counts.rebuild_counts()

    blocks = Zaak.objects.values_list("id", flat=True)
    assert sum(kept_blocks().values()) == 3
    assert set(kept_blocks()) == {pk // counts.BLOK_GROOTTE for pk in blocks}


@pytest.mark.parametrize("ordering", [None, "-startdatum", "identificatie", "startdatum,-identificatie"])
@override_settings(PAGE_SIZE=2)
def test_short_lists_sorted_whole_match_the_plain_pages(
    api: ZGWClient, monkeypatch: pytest.MonkeyPatch, ordering: str | None
) -> None:
    from zaakwerk.zaken.api import listing

    a = zaaktype(api, identificatie="A")["url"]
    b = zaaktype(api, identificatie="B", domein="ZAKB")["url"]
    # equal startdatums: the id decides between them, on every path
    for number, (day, aanduiding) in enumerate(
        [("03", "openbaar"), ("01", "geheim"), ("03", "openbaar"), ("02", "openbaar"), ("01", "openbaar")]
    ):
        create_zaak(api, a, startdatum=f"2024-03-{day}", vertrouwelijkheidaanduiding=aanduiding)
        create_zaak(api, b, startdatum=f"2024-04-{day}", identificatie=f"B-{9 - number}")
    restricted = zaken_client("beperkt", (a, "openbaar", ["zaken.lezen"]))
    query = {"ordering": ordering} if ordering else {}

    sorted_whole = all_pages(restricted, f"{BASE}/zaken", **query)
    filtered = all_pages(api, f"{BASE}/zaken", startdatum__gte="2024-03-02", **query)
    monkeypatch.setattr(listing, "SMALL_LIST", 0)  # the plain OFFSET path
    plain = all_pages(restricted, f"{BASE}/zaken", **query)
    plain_filtered = all_pages(api, f"{BASE}/zaken", startdatum__gte="2024-03-02", **query)

    order_by = listing.ordering(ordering)
    assert (
        sorted_whole == plain == (4, expected(order_by, zaaktype=a, vertrouwelijkheidaanduiding="openbaar"))
    )
    assert filtered == plain_filtered == (8, expected(order_by, startdatum__gte="2024-03-02"))


def test_a_page_lists_each_zaak_its_own_related_rows_in_order(api: ZGWClient) -> None:
    types = full_zaaktype(api)
    first = create_zaak(api, types.zaaktype)
    second = create_zaak(api, types.zaaktype)
    deelzaak = create_zaak(api, types.zaaktype, hoofdzaak=first["url"])
    rollen = [
        api.post(f"{BASE}/rollen", rol_body(zaak["url"], types.roltype)) for zaak in (first, second, first)
    ]
    assert all(response.status_code == 201 for response in rollen)
    zaakobject = api.post(f"{BASE}/zaakobjecten", zaakobject_body(second["url"]))
    assert zaakobject.status_code == 201, zaakobject.json_body
    eigenschap = api.post(
        f"{first['url']}/zaakeigenschappen",
        {"zaak": first["url"], "eigenschap": types.kenteken, "waarde": "AB-123-C"},
    )
    assert eigenschap.status_code == 201, eigenschap.json_body
    close(api, types, second["url"])

    response = api.get(f"{BASE}/zaken", headers=CRS, zaaktype=types.zaaktype)
    assert response.status_code == 200, response.json_body
    listed = {item["url"]: item for item in response.json_body["results"]}

    assert listed[first["url"]]["rollen"] == [rollen[0].json_body["url"], rollen[2].json_body["url"]]
    assert listed[second["url"]]["rollen"] == [rollen[1].json_body["url"]]
    assert listed[first["url"]]["deelzaken"] == [deelzaak["url"]]
    assert listed[deelzaak["url"]]["hoofdzaak"] == first["url"]
    assert listed[first["url"]]["eigenschappen"] == [eigenschap.json_body["url"]]
    assert listed[second["url"]]["zaakobjecten"] == [zaakobject.json_body["url"]]
    assert listed[second["url"]]["resultaat"] is not None and listed[second["url"]]["status"] is not None
    assert listed[first["url"]]["status"] is None and listed[first["url"]]["resultaat"] is None
    # the list and the detail render a zaak alike
    for url, item in listed.items():
        assert api.get(url, headers=CRS).json_body == item


def test_identificaties_pass_over_taken_and_reserved_numbers(api: ZGWClient) -> None:
    from zaakwerk.zaken.models import Zaak
    from zaakwerk.zaken.services.identificatie import format_number

    url = zaaktype(api)["url"]
    first = create_zaak(api, url)
    year = int(first["startdatum"][:4])
    number = int(first["identificatie"].rsplit("-", 1)[1])
    # the next two numbers are taken: one by an explicit identificatie, one reserved
    create_zaak(api, url, identificatie=format_number(year, number + 1))
    from zaakwerk.zaken.models import ZaaknummerReservering

    ZaaknummerReservering.objects.create(
        bronorganisatie=first["bronorganisatie"], identificatie=format_number(year, number + 2)
    )

    generated = create_zaak(api, url)

    assert generated["identificatie"] == format_number(year, number + 3)
    assert Zaak.objects.values("identificatie").annotate(n=Count("id")).filter(n__gt=1).count() == 0
