"""The resultaten of the Selectielijst 2020 procestypen: built from VNG's spreadsheet, with fixed
identifiers, served beside VNG's fixture and usable by a zaaktype of 2020."""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Any

import pytest

from tests.catalogi.main_types import BASE as CATALOGI
from tests.catalogi.sub_types import TOEGEKEND, brondatum, concept_zaaktype
from tests.referentielijsten import fixtures
from tests.referentielijsten.fixtures import BASE
from tests.zgw import ZGWClient
from zaakwerk.referentielijsten import build_2020
from zaakwerk.referentielijsten.build_2020 import SheetError, bewaartermijn, procestermijn, waardering

REPOSITORY = Path(__file__).resolve().parents[2]


# --- the rules that turn a spreadsheet cell into the API's value ---------------------------------


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Vernietigen", "vernietigen"),
        ("Bewaren", "blijvend_bewaren"),
        ("Bewaren met uitzondering van zie toelichting", "blijvend_bewaren"),
        ("", ""),
    ],
)
def test_waardering(cell: str, expected: str) -> None:
    assert waardering(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Nihil", ("nihil", "")),
        ("", ("", "")),
        ("De bestaans- of geldigheidsduur van het procesobject", ("bestaansduur_procesobject", "")),
        (
            "De ingeschatte maximale bestaansduur van het procesobject",
            ("ingeschatte_bestaansduur_procesobject", ""),
        ),
        ("De procestermijn is samengevoegd met de bewaartermijn", ("samengevoegd_met_bewaartermijn", "")),
        (
            "5 of 10 jaar, De tijdens het proces vast te leggen datum waarop de geldigheid van het "
            "procesobject komt te vervallen",
            ("vast_te_leggen_datum", "5 of 10 jaar"),
        ),
        (
            "25 jaar (De tijdens het proces vast te leggen datum waarop de geldigheid van het "
            "procesobject komt te vervallen)",
            ("vast_te_leggen_datum", "25 jaar"),
        ),
    ],
)
def test_procestermijn(cell: str, expected: tuple[str, str]) -> None:
    assert procestermijn(cell) == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("10 jaar", "P10Y"),
        (" 5 jaar", "P5Y"),
        ("7  jaar", "P7Y"),
        ("11 Jaar", "P11Y"),
        ("1,5 jaar", "P1Y6M"),
        ("6 maanden", "P6M"),
        ("6 weken", "P42D"),
        ("91 dagen", "P91D"),
        ("Direct", "P0D"),
        (
            "Na kennisgeving van Minister dat de grond tot weigering of intrekking is vervallen terstond "
            "vernietigen",
            "P0D",
        ),
        ("", None),
    ],
)
def test_bewaartermijn(cell: str, expected: str | None) -> None:
    assert bewaartermijn(cell) == expected


@pytest.mark.parametrize(
    ("rule", "cell"), [(waardering, "Misschien"), (procestermijn, "Later"), (bewaartermijn, "ooit")]
)
def test_an_unknown_cell_stops_the_build(rule: Any, cell: str) -> None:
    with pytest.raises(SheetError):
        rule(cell)


# --- the packaged data -------------------------------------------------------------------------


def test_identifiers_are_derived_from_the_number_and_never_change() -> None:
    # pinned: a change to the derivation would break every zaaktype that refers to these URLs
    assert build_2020.resultaat_uuid("1.1") == uuid.UUID("2c2577d1-449c-57b1-82dd-c2125f7d4419")
    rows = fixtures.resultaten_2020()
    assert all(row["uuid"] == str(build_2020.resultaat_uuid(row["volledig_nummer"])) for row in rows)
    assert len({row["uuid"] for row in rows}) == len(rows) == 346


def test_agrees_with_vngs_own_transcription_of_the_2020_list() -> None:
    # VNG's fixture carries the 2020 list's figures on the 2017 procestypen (data/SOURCES.md): two
    # independent transcriptions of one list must agree on every figure of every resultaat.
    procestype_nummer = {row["pk"]: row["nummer"] for row in fixtures.procestypen()}
    vng = {row["pk"]: row for row in fixtures.vng_resultaten()}

    def number(row: dict[str, Any]) -> str:
        parts = [procestype_nummer[row["proces_type"]], row["nummer"]]
        if row.get("generiek_resultaat"):
            parts.insert(1, vng[row["generiek_resultaat"]]["nummer"])
        return ".".join(map(str, parts))

    theirs = {number(row): row for row in vng.values()}
    ours = {row["volledig_nummer"]: row for row in fixtures.resultaten_2020()}
    assert ours.keys() == theirs.keys()
    skip = {"pk", "uuid", "proces_type", "generiek_resultaat"}
    for key, row in theirs.items():
        for field, value in row.items():
            if field not in skip:
                expected = (value or None) if field == "bewaartermijn" else value
                expected = expected.strip() if isinstance(expected, str) else expected
                assert ours[key][field] == expected, (key, field)


def _spreadsheet() -> Path:
    shared = Path(os.environ.get("ZGW_SHARED") or REPOSITORY.parent / "shared")
    path = shared / "zgw" / "referentielijsten" / "selectielijst_2020.xls"
    if not path.exists():
        pytest.skip("the published spreadsheet is not beside the repository (set ZGW_SHARED)")
    pytest.importorskip("xlrd")
    return path


def test_packaged_file_is_what_the_build_makes_of_the_spreadsheet() -> None:
    assert build_2020.main([str(_spreadsheet()), "--check"]) == 0


# --- through the API ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_2020_resultaat_belongs_to_its_2020_procestype(anonymous: ZGWClient) -> None:
    row = next(r for r in fixtures.resultaten_2020() if r["volledig_nummer"] == "1.1.1")
    procestype = next(p for p in fixtures.procestypen() if p["jaar"] == 2020 and p["nummer"] == 1)
    response = anonymous.get(fixtures.url("resultaten", row["uuid"]))
    assert response.status_code == 200
    body = response.json_body
    assert body["procesType"] == fixtures.url("procestypen", procestype["uuid"])
    assert (body["volledigNummer"], body["generiek"], body["specifiek"]) == ("1.1.1", False, True)
    assert (body["naam"], body["waardering"]) == ("Ingericht", "blijvend_bewaren")


@pytest.mark.django_db
def test_withdrawn_2020_resultaten_are_not_served(anonymous: ZGWClient) -> None:
    withdrawn = [row for row in fixtures.resultaten_2020() if not row["waardering"]]
    assert [row["volledig_nummer"] for row in withdrawn] == ["7.1.20", "19.1.13"]
    for row in withdrawn:
        assert anonymous.get(fixtures.url("resultaten", row["uuid"])).status_code == 404
    count = anonymous.get(f"{BASE}/resultaten").json_body["count"]
    assert count == len(fixtures.served_resultaten()) == 2 * 344


@pytest.mark.django_db
def test_a_zaaktype_of_2020_gets_a_resultaattype_from_the_2020_list(api: ZGWClient) -> None:
    procestype = next(p for p in fixtures.procestypen() if p["jaar"] == 2020 and p["nummer"] == 1)
    resultaat = next(r for r in fixtures.resultaten_2020() if r["volledig_nummer"] == "1.1")
    zaaktype = concept_zaaktype(api, selectielijstProcestype=fixtures.url("procestypen", procestype["uuid"]))
    # when
    response = api.post(
        f"{CATALOGI}/resultaattypen",
        {
            "zaaktype": zaaktype["url"],
            "omschrijving": "Ingericht",
            "resultaattypeomschrijving": TOEGEKEND,
            "selectielijstklasse": fixtures.url("resultaten", resultaat["uuid"]),
            "brondatumArchiefprocedure": brondatum(),
        },
    )
    # then the archive values come from the 2020 list
    assert response.status_code == 201, response.json_body
    assert (response.json_body["archiefnominatie"], response.json_body["archiefactietermijn"]) == (
        "vernietigen",
        "P10Y",
    )
