"""ISO 8601 durations: one parser, one rule (zaakwerk.core.durations, ADR 0031) for every duration
the Catalogi and Zaken APIs take and the archiving dates computed from them.

The Catalogi API used to accept ``P1.5Y`` as an archiefactietermijn, after which closing a zaak
of that type failed: a duration an API accepts must be one a date can be moved by.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from tests.catalogi.main_types import BASE, besluittype_body, catalogus, codes, zaaktype_body
from tests.catalogi.sub_types import (
    RESULTAAT_BEWAREN,
    brondatum,
    concept_zaaktype,
    resultaattype_body,
    statustype_body,
)
from tests.zaken.factories import BASE as ZAKEN
from tests.zaken.factories import CRS, create_zaak, zaaktype
from tests.zgw import ZGWClient
from zaakwerk.core.durations import InvalidDuration, IsoDuration, parse_duration

VALID = [
    ("P10D", IsoDuration(days=10)),
    ("P1Y", IsoDuration(years=1)),
    ("P1Y2M3W4D", IsoDuration(years=1, months=2, weeks=3, days=4)),
    ("P0D", IsoDuration()),
    ("PT36H", IsoDuration(hours=36)),
    ("PT0S", IsoDuration()),
    ("PT1.5S", IsoDuration(seconds=Decimal("1.5"))),
    ("P1DT2H3M4.25S", IsoDuration(days=1, hours=2, minutes=3, seconds=Decimal("4.25"))),
    ("P100Y", IsoDuration(years=100)),
]

INVALID = [
    "",
    "P",
    "PT",
    "P1DT",
    "10Y",
    # fractions of a date part: no single date to move to
    "P1.5Y",
    "P1,5Y",
    "P1.5M",
    "P0.5W",
    "P1.5D",
    # fractions of hours and minutes, and of seconds written otherwise
    "PT1.5H",
    "PT1.5M",
    "PT1,5S",
    "PT.5S",
    "PT1.S",
    # signs, order, repetition, units in the wrong half, case, surrounding characters
    "P-1Y",
    "P1M1Y",
    "P1Y1Y",
    "P1H",
    "PT1D",
    "p1y",
    " P1D",
    "P1D ",
    "P1D\n",
    "P\u0661Y",  # ARABIC-INDIC DIGIT ONE: not an ASCII digit
]


@pytest.mark.parametrize(("text", "expected"), VALID)
def test_valid_durations(text: str, expected: IsoDuration) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize("text", INVALID)
def test_invalid_durations(text: str) -> None:
    with pytest.raises(InvalidDuration):
        parse_duration(text)


# (collection, how to make a body with the field set to a value, the field's name in invalidParams)
def _zaaktype(api: ZGWClient, field: str) -> Any:
    cat = catalogus(api)
    # a verlengingstermijn only where verlenging is possible
    extra = {"verlengingMogelijk": True} if field == "verlengingstermijn" else {}
    return lambda value: ("zaaktypen", zaaktype_body(cat, **extra, **{field: value}))


def _besluittype(api: ZGWClient, field: str) -> Any:
    cat = catalogus(api)
    return lambda value: ("besluittypen", besluittype_body(cat, **{field: value}))


def _statustype(api: ZGWClient, field: str) -> Any:
    url = concept_zaaktype(api)["url"]
    return lambda value: ("statustypen", statustype_body(url, **{field: value}))


def _resultaattype(api: ZGWClient, field: str) -> Any:
    url = concept_zaaktype(api)["url"]
    if field == "brondatumArchiefprocedure.procestermijn":
        # afleidingswijze termijn: for a selectielijstklasse whose procestermijn is not nihil
        return lambda value: (
            "resultaattypen",
            resultaattype_body(
                url,
                selectielijstklasse=RESULTAAT_BEWAREN,
                brondatumArchiefprocedure=brondatum("termijn", procestermijn=value),
            ),
        )
    return lambda value: ("resultaattypen", resultaattype_body(url, **{field: value}))


FIELDS = [
    (_zaaktype, "doorlooptijd"),
    (_zaaktype, "servicenorm"),
    (_zaaktype, "verlengingstermijn"),
    (_besluittype, "reactietermijn"),
    (_besluittype, "publicatietermijn"),
    (_statustype, "doorlooptijd"),
    (_resultaattype, "archiefactietermijn"),
    (_resultaattype, "procestermijn"),
    (_resultaattype, "brondatumArchiefprocedure.procestermijn"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("body_of", "field"), FIELDS, ids=[f"{b.__name__[1:]}.{f}" for b, f in FIELDS])
def test_every_catalogi_duration_follows_the_rule(api: ZGWClient, body_of: Any, field: str) -> None:
    make = body_of(api, field)
    for text in ("P1.5Y", "PT1.5H", "P1D\n"):
        collection, body = make(text)
        response = api.post(f"{BASE}/{collection}", body)
        assert response.status_code == 400, (text, response.json_body)
        assert codes(response) == [(field, "invalid")], text
    collection, body = make("P1Y6M")
    response = api.post(f"{BASE}/{collection}", body)
    assert response.status_code == 201, response.json_body


@pytest.mark.django_db
def test_a_zaak_verlenging_follows_the_rule(api: ZGWClient) -> None:
    zaak = create_zaak(api, zaaktype(api)["url"])
    refused = api.patch(zaak["url"], {"verlenging": {"reden": "drukte", "duur": "P1.5D"}}, headers=CRS)
    accepted = api.patch(zaak["url"], {"verlenging": {"reden": "drukte", "duur": "P2W"}}, headers=CRS)

    assert refused.status_code == 400, refused.json_body
    assert [(p["name"], p["code"]) for p in refused.json_body["invalidParams"]] == [
        ("verlenging.duur", "invalid")
    ]
    assert accepted.status_code == 200, accepted.json_body
    assert api.get(f"{ZAKEN}/zaken/{zaak['uuid']}", headers=CRS).json_body["verlenging"]["duur"] == "P2W"
