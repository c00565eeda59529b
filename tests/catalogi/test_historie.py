"""The history model: versions, geldigheid, and relations shown as the version valid on a day."""

from __future__ import annotations

from datetime import date

import pytest

from tests.catalogi.main_types import (
    BASE,
    besluittype_body,
    catalogus,
    codes,
    create,
    iot_body,
    publish,
    zaaktype_body,
)
from tests.zgw import ZGWClient
from zaakwerk.catalogi.models import BesluitType, ZaakType
from zaakwerk.catalogi.queries import besluittype_urls, geldig_op
from zaakwerk.core.models import OutboxMessage

pytestmark = pytest.mark.django_db


def test_publishing_a_new_version_ends_the_previous(api: ZGWClient) -> None:
    # given a published first version
    cat = catalogus(api)
    v1 = create(api, "zaaktypen", zaaktype_body(cat, beginGeldigheid="2024-01-01"))
    publish(api, v1["url"])
    # when a second version is published from 2025-01-01
    v2 = create(api, "zaaktypen", zaaktype_body(cat, beginGeldigheid="2025-01-01", doel="Versie 2"))
    publish(api, v2["url"])
    # then the first ends the day before (validity is inclusive)
    assert api.get(v1["url"]).json_body["eindeGeldigheid"] == "2024-12-31"
    assert api.get(v2["url"]).json_body["eindeGeldigheid"] is None
    both = api.get(v1["url"]).json_body
    assert both["beginObject"] == "2024-01-01" and both["eindeObject"] is None

    def valid(day: str) -> list[str]:
        return [r["url"] for r in api.get(f"{BASE}/zaaktypen", datumGeldigheid=day).json_body["results"]]

    assert valid("2023-12-31") == []
    assert valid("2024-12-31") == [v1["url"]]
    assert valid("2025-01-01") == [v2["url"]]
    # the ending of v1 is announced too
    acties = [(m.actie, m.resource_url) for m in OutboxMessage.objects.order_by("id")]
    assert ("partial_update", v1["url"]) in acties
    assert acties[-1] == ("publish", v2["url"])


def test_ztc_016_no_overlapping_published_versions(api: ZGWClient) -> None:
    cat = catalogus(api)
    v1 = create(
        api, "zaaktypen", zaaktype_body(cat, beginGeldigheid="2024-01-01", eindeGeldigheid="2024-12-31")
    )
    publish(api, v1["url"])
    # a version that starts on the same day cannot end the other: overlap
    v2 = create(api, "zaaktypen", zaaktype_body(cat, beginGeldigheid="2024-01-01"))
    refused = api.post(f"{v2['url']}/publish")
    assert refused.status_code == 400
    assert codes(refused) == [("beginGeldigheid", "overlap")]
    assert ZaakType.objects.get(uuid=v2["url"].rsplit("/", 1)[1]).concept is True
    # nothing was half-written: v1 kept its end, no notification for the refused publish
    assert api.get(v1["url"]).json_body["eindeGeldigheid"] == "2024-12-31"
    assert not OutboxMessage.objects.filter(actie="publish", resource_url=v2["url"]).exists()
    # an earlier, closed version is fine
    v0 = create(
        api, "zaaktypen", zaaktype_body(cat, beginGeldigheid="2023-01-01", eindeGeldigheid="2023-12-31")
    )
    publish(api, v0["url"])
    # extending a published version into another one is refused as well
    extended = api.patch(v0["url"], {"eindeGeldigheid": "2024-02-01"})
    assert extended.status_code == 400 and codes(extended) == [("beginGeldigheid", "overlap")]


def test_relations_show_the_version_valid_on_the_day(api: ZGWClient) -> None:
    # given two published versions of besluittype "Vergunning" and of informatieobjecttype "Besluit"
    cat = catalogus(api)
    iot1 = create(
        api, "informatieobjecttypen", iot_body(cat, omschrijving="Besluit", beginGeldigheid="2024-01-01")
    )
    publish(api, iot1["url"])
    iot2 = create(
        api, "informatieobjecttypen", iot_body(cat, omschrijving="Besluit", beginGeldigheid="2025-01-01")
    )
    publish(api, iot2["url"])
    bt1 = create(
        api,
        "besluittypen",
        besluittype_body(cat, beginGeldigheid="2024-01-01", informatieobjecttypen=["Besluit"]),
    )
    publish(api, bt1["url"])
    bt2 = create(
        api,
        "besluittypen",
        besluittype_body(cat, beginGeldigheid="2025-01-01", informatieobjecttypen=[iot1["url"]]),
    )
    publish(api, bt2["url"])
    zaaktype = create(api, "zaaktypen", zaaktype_body(cat, besluittypen=["Vergunning"]))
    # then
    on_2024 = api.get(zaaktype["url"], datumGeldigheid="2024-06-01").json_body
    on_2025 = api.get(zaaktype["url"], datumGeldigheid="2025-06-01").json_body
    assert on_2024["besluittypen"] == [bt1["url"]]
    assert on_2025["besluittypen"] == [bt2["url"]]
    # a URL of one version is stored as its name: bt2 shows the informatieobjecttype valid today
    assert api.get(bt2["url"]).json_body["informatieobjecttypen"] == [iot2["url"]]
    listed = api.get(f"{BASE}/besluittypen", datumGeldigheid="2024-06-01").json_body["results"]
    assert [(b["url"], b["informatieobjecttypen"]) for b in listed] == [(bt1["url"], [iot1["url"]])]
    # the informatieobjecttype lists the besluittypen that name it
    assert api.get(iot2["url"]).json_body["besluittypen"] == [bt2["url"]]
    assert api.get(iot2["url"]).json_body["besluittypeOmschrijving"] == ["Vergunning"]


def test_concept_shown_when_no_published_version_is_valid(api: ZGWClient) -> None:
    cat = catalogus(api)
    concept = create(api, "besluittypen", besluittype_body(cat))
    zaaktype = create(api, "zaaktypen", zaaktype_body(cat, besluittypen=[concept["url"]]))
    assert zaaktype["besluittypen"] == [concept["url"]]
    published = create(api, "besluittypen", besluittype_body(cat, beginGeldigheid="2024-06-01"))
    publish(api, published["url"])
    assert api.get(zaaktype["url"]).json_body["besluittypen"] == [published["url"]]


def test_geldig_op_is_inclusive(api: ZGWClient) -> None:
    cat = catalogus(api)
    bt = create(
        api, "besluittypen", besluittype_body(cat, beginGeldigheid="2024-01-01", eindeGeldigheid="2024-01-31")
    )
    publish(api, bt["url"])
    rows = BesluitType.objects.all()
    assert rows.filter(geldig_op(date(2024, 1, 1)), concept=False).count() == 1
    assert rows.filter(geldig_op(date(2024, 1, 31)), concept=False).count() == 1
    assert rows.filter(geldig_op(date(2024, 2, 1)), concept=False).count() == 0
    catalogus_id = rows.get().catalogus_id
    assert besluittype_urls(catalogus_id, ["Vergunning"], date(2024, 1, 15)) == {"Vergunning": [bt["url"]]}
    assert besluittype_urls(catalogus_id, ["Vergunning"], date(2024, 3, 1)) == {"Vergunning": []}


def test_refused_change_leaves_nothing_behind(api: ZGWClient) -> None:
    # given two published versions, the first ended by the second
    cat = catalogus(api)
    v1 = create(api, "zaaktypen", zaaktype_body(cat, beginGeldigheid="2024-01-01"))
    publish(api, v1["url"])
    v2 = create(api, "zaaktypen", zaaktype_body(cat, beginGeldigheid="2025-01-01"))
    publish(api, v2["url"])
    before = api.get(v1["url"]).json_body
    messages = OutboxMessage.objects.count()
    # when the first is extended into the second (ztc-016), after the row was already saved
    refused = api.patch(v1["url"], {"eindeGeldigheid": "2025-06-30"})
    # then the request is refused and rolled back entirely: row, audit and notification
    assert refused.status_code == 400
    assert api.get(v1["url"]).json_body == before
    assert OutboxMessage.objects.count() == messages


def test_datum_geldigheid_on_read_of_every_type(api: ZGWClient) -> None:
    cat = catalogus(api)
    iot1 = create(api, "informatieobjecttypen", iot_body(cat, beginGeldigheid="2024-01-01"))
    publish(api, iot1["url"])
    iot2 = create(api, "informatieobjecttypen", iot_body(cat, beginGeldigheid="2025-01-01"))
    publish(api, iot2["url"])
    bt = create(api, "besluittypen", besluittype_body(cat, informatieobjecttypen=["Melding"]))
    on_2024 = api.get(bt["url"], datumGeldigheid="2024-03-01")
    assert on_2024.status_code == 200 and on_2024.json_body["informatieobjecttypen"] == [iot1["url"]]
    assert api.get(bt["url"]).json_body["informatieobjecttypen"] == [iot2["url"]]
    assert api.get(iot1["url"], datumGeldigheid="2024-03-01").json_body["besluittypen"] == [bt["url"]]
