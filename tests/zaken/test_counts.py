"""The kept counts of zaken per (zaaktype, vertrouwelijkheid) stay exact through every change."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.db import connection, transaction
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from tests.zaken.factories import BASE, CRS, create_zaak, zaaktype, zaken_client
from tests.zgw import ZGWClient

pytestmark = pytest.mark.django_db

ALL_SCOPES = ["zaken.lezen", "zaken.aanmaken", "zaken.bijwerken", "zaken.verwijderen"]


def kept() -> dict[tuple[str, int], int]:
    from zaakwerk.zaken.models import ZaakAantal

    return {
        (row.zaaktype, row.vertrouwelijkheid_rank): row.aantal
        for row in ZaakAantal.objects.all()
        if row.aantal != 0
    }


def actual() -> dict[tuple[str, int], int]:
    from zaakwerk.zaken.models import Zaak

    groups = Zaak.objects.order_by().values("zaaktype", "vertrouwelijkheid_rank").annotate(n=Count("id"))
    return {(g["zaaktype"], g["vertrouwelijkheid_rank"]): g["n"] for g in groups}


@pytest.fixture
def types(api: ZGWClient) -> tuple[str, str]:
    return zaaktype(api, identificatie="A")["url"], zaaktype(api, identificatie="B", domein="ZAKB")["url"]


def test_create_update_delete_keep_counts_exact(api: ZGWClient, types: tuple[str, str]) -> None:
    a, b = types
    first = create_zaak(api, a)
    create_zaak(api, a, vertrouwelijkheidaanduiding="geheim")
    deel = create_zaak(api, b, hoofdzaak=first["url"])
    assert kept() == actual() and sum(kept().values()) == 3

    response = api.patch(first["url"], {"vertrouwelijkheidaanduiding": "intern"}, headers=CRS)
    assert response.status_code == 200, response.json_body
    assert kept() == actual()

    response = api.put(
        deel["url"],
        {**_body(deel), "zaaktype": a, "vertrouwelijkheidaanduiding": "vertrouwelijk"},
        headers=CRS,
    )
    assert response.status_code == 200, response.json_body
    assert kept() == actual()

    # deleting the hoofdzaak deletes its deelzaak too (zrc-023): both leave the counts
    assert api.delete(first["url"], headers=CRS).status_code == 204
    assert kept() == actual() and sum(kept().values()) == 1


def _body(zaak: dict[str, Any]) -> dict[str, Any]:
    keys = (
        "identificatie",
        "bronorganisatie",
        "verantwoordelijkeOrganisatie",
        "zaaktype",
        "startdatum",
        "omschrijving",
    )
    return {key: zaak[key] for key in keys} | {"hoofdzaak": zaak["hoofdzaak"]}


def test_a_rolled_back_create_leaves_counts_unchanged(api: ZGWClient, types: tuple[str, str]) -> None:
    from zaakwerk.core.actor import Actor
    from zaakwerk.zaken.services.inputs import ZaakValues
    from zaakwerk.zaken.services.zaken import create_zaak as create_service

    a, _ = types
    create_zaak(api, a)
    before = kept()
    values: ZaakValues = {
        "bronorganisatie": "517439943",
        "verantwoordelijke_organisatie": "517439943",
        "zaaktype": a,
        "startdatum": date(2024, 3, 1),
    }
    with pytest.raises(RuntimeError), transaction.atomic():
        create_service(values, Actor(client_id="test"))
        assert sum(kept().values()) == sum(before.values()) + 1
        raise RuntimeError("roll back")
    assert kept() == before == actual()


def test_a_refused_create_leaves_counts_unchanged(api: ZGWClient, types: tuple[str, str]) -> None:
    a, _ = types
    create_zaak(api, a)
    before = kept()
    # allowed to create up to "openbaar" only: refused, nothing is written
    client = zaken_client("beperkt", (a, "openbaar", ALL_SCOPES))
    response = client.post(f"{BASE}/zaken", {**_new(a), "vertrouwelijkheidaanduiding": "geheim"}, headers=CRS)
    assert response.status_code == 403
    assert kept() == before == actual()


def _new(zaaktype_url: str) -> dict[str, Any]:
    return {
        "bronorganisatie": "517439943",
        "verantwoordelijkeOrganisatie": "517439943",
        "zaaktype": zaaktype_url,
        "startdatum": "2024-03-01",
    }


def test_list_counts_come_from_kept_counts(api: ZGWClient, types: tuple[str, str]) -> None:
    a, b = types
    for aanduiding in ("openbaar", "intern", "geheim"):
        create_zaak(api, a, vertrouwelijkheidaanduiding=aanduiding)
    create_zaak(api, b)
    restricted = zaken_client("beperkt", (a, "intern", ["zaken.lezen"]))

    cases: list[tuple[ZGWClient, dict[str, str], int]] = [
        (api, {}, 4),
        (api, {"zaaktype": a}, 3),
        (api, {"maximaleVertrouwelijkheidaanduiding": "intern"}, 3),
        (restricted, {}, 2),
        (restricted, {"maximaleVertrouwelijkheidaanduiding": "openbaar"}, 1),
        (restricted, {"zaaktype": b}, 0),
    ]
    for client, query, expected in cases:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{BASE}/zaken", headers=CRS, **query)
        assert response.status_code == 200, response.json_body
        assert response.json_body["count"] == expected == len(response.json_body["results"])
        counting = [q["sql"] for q in queries if "COUNT(" in q["sql"].upper() and "zaken_zaak" in q["sql"]]
        assert counting == [], query


def test_other_filters_count_the_matching_rows(api: ZGWClient, types: tuple[str, str]) -> None:
    a, _ = types
    create_zaak(api, a, startdatum="2024-01-01")
    create_zaak(api, a, startdatum="2024-06-01")
    response = api.get(f"{BASE}/zaken", headers=CRS, startdatum__gte="2024-05-01")
    assert response.json_body["count"] == 1


def test_rebuild_counts_recomputes_from_the_zaken(api: ZGWClient, types: tuple[str, str]) -> None:
    from zaakwerk.zaken.counts import rebuild_counts
    from zaakwerk.zaken.models import ZaakAantal

    a, b = types
    create_zaak(api, a)
    create_zaak(api, b, vertrouwelijkheidaanduiding="geheim")
    ZaakAantal.objects.update(aantal=42)
    rebuild_counts()
    assert kept() == actual()
