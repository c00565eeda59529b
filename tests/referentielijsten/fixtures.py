"""The packaged reference data, read straight from the JSON files: what the API must serve."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

BASE = "/referentielijsten/api/v1"
ROOT = f"http://testserver{BASE}"
# Hard-coded by the VNG conformance suite (RULES.md 8).
AFGEWEZEN = "e6a0c939-3404-45b0-88e3-76c94fb80ea7"


def records(filename: str) -> list[dict[str, Any]]:
    """``{"pk": ..., **fields}`` of every record of one packaged fixture file, in ``pk`` order."""
    text = resources.files("zaakwerk.referentielijsten.data").joinpath(filename).read_text("utf-8")
    return [{"pk": item["pk"], **item["fields"]} for item in sorted(json.loads(text), key=lambda i: i["pk"])]


def procestypen() -> list[dict[str, Any]]:
    return records("selectielijst_2020_procestypen.json")


def vng_resultaten() -> list[dict[str, Any]]:
    """VNG's fixture: the resultaten of the 2017 procestypen."""
    return records("selectielijst_2020_resultaten.json")


def resultaten_2020() -> list[dict[str, Any]]:
    """The resultaten of the 2020 procestypen, built from the Selectielijst 2020 spreadsheet,
    with ``proces_type`` (the procestype's ``pk``) as in VNG's fixture."""
    text = resources.files("zaakwerk.referentielijsten.data").joinpath(
        "selectielijst_2020_resultaten_2020.json"
    )
    pks = {row["nummer"]: row["pk"] for row in procestypen() if row["jaar"] == 2020}
    rows: list[dict[str, Any]] = json.loads(text.read_text("utf-8"))
    return [{**row, "proces_type": pks[row["procestype"]]} for row in rows]


def resultaten() -> list[dict[str, Any]]:
    """Every packaged resultaat, in the order the API serves them."""
    return vng_resultaten() + resultaten_2020()


def served_resultaten() -> list[dict[str, Any]]:
    """Withdrawn results ("Vervallen") have no waardering and are not served."""
    return [row for row in resultaten() if row["waardering"]]


def withdrawn_resultaten() -> list[dict[str, Any]]:
    return [row for row in resultaten() if not row["waardering"]]


def resultaattypeomschrijvingen() -> list[dict[str, Any]]:
    return records("resultaattypeomschrijvingen.json")


def communicatiekanalen() -> list[dict[str, Any]]:
    return records("communicatiekanalen.json")


def url(resource: str, uuid: str) -> str:
    return f"{ROOT}/{resource}/{uuid}"
