"""``invalidParams``: camelCase field paths, one entry per field, Dutch reasons (ADR 0025)."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, Any, Literal

import pydantic
import pytest
from pydantic import Field
from pydantic_core import _pydantic_core

from tests.zaken.factories import BASE, CRS, zaak_body, zaaktype
from tests.zgw import ZGWClient
from zaakwerk.api.invalid_params import GENERIC, MESSAGES, field_errors
from zaakwerk.api.schemas import RequestSchema, ZGWValueError
from zaakwerk.core.errors import FieldError

# Pydantic's English texts start like this; none may reach a client.
ENGLISH = re.compile(
    r"^(Input |Field |String |Value error|List |Extra |Invalid|Data |URL |UUID |Decimal |Datetimes |"
    r"Date |Timezone |Unable |Keys |Object |Assertion |Dictionary |Tuple |Set )"
)


def params(response: Any) -> list[tuple[str, str, str]]:
    return [(p["name"], p["code"], p["reason"]) for p in response.json_body["invalidParams"]]


@pytest.mark.django_db
def test_null_for_an_enum_or_empty_field_is_one_entry_named_after_the_field(api: ZGWClient) -> None:
    # given a zaak body with betalingsindicatie null (an enum, or "")
    body = zaak_body(zaaktype(api)["url"], betalingsindicatie=None)
    # when
    response = api.post(f"{BASE}/zaken", body, headers=CRS)
    # then one entry, named as the client knows the field
    assert response.status_code == 400
    assert params(response) == [("betalingsindicatie", "null", "Dit veld mag niet null zijn.")]


@pytest.mark.django_db
def test_a_value_that_is_none_of_the_choices_lists_every_choice(api: ZGWClient) -> None:
    body = zaak_body(zaaktype(api)["url"], betalingsindicatie="soms")
    response = api.post(f"{BASE}/zaken", body, headers=CRS)
    assert response.status_code == 400
    [(name, code, reason)] = params(response)
    assert (name, code) == ("betalingsindicatie", "invalid_choice")
    assert reason == "'soms' is geen geldige keuze; kies 'nvt', 'nog_niet', 'gedeeltelijk', 'geheel' of ''."


@pytest.mark.django_db
def test_a_snake_case_key_is_named_by_its_camel_case_field(api: ZGWClient) -> None:
    body = {**zaak_body(zaaktype(api)["url"]), "laatste_betaaldatum": "gisteren"}
    response = api.post(f"{BASE}/zaken", body, headers=CRS)
    assert response.status_code == 400
    assert [(name, code) for name, code, _ in params(response)] == [("laatsteBetaaldatum", "invalid")]


@pytest.mark.django_db
def test_missing_fields_and_wrong_types_are_explained_in_dutch(api: ZGWClient) -> None:
    response = api.post(f"{BASE}/zaken", {"omschrijving": 5.5, "kenmerken": [{"kenmerk": []}]}, headers=CRS)
    assert response.status_code == 400
    found = {name: (code, reason) for name, code, reason in params(response)}
    assert found["zaaktype"] == ("required", "Dit veld is vereist.")
    assert found["kenmerken.0.kenmerk"] == ("invalid", "Verwacht een tekst.")
    assert found["kenmerken.0.bron"] == ("required", "Dit veld is vereist.")
    assert response.json_body["title"] == "Ongeldige invoer."
    assert not [reason for _, reason in found.values() if ENGLISH.match(reason)]


# --- the translation, unit by unit ---------------------------------------------------------------


class Soort(StrEnum):
    A = "a"
    B = "b"


class Deel(RequestSchema):
    aard_relatie: Soort


class Voorbeeld(RequestSchema):
    soort: Soort | Literal[""] = ""
    delen: list[Deel] = Field(default_factory=list)
    deel: Deel | None = None
    kenmerken: dict[str, Soort] = Field(default_factory=dict)
    naam: Annotated[str, Field(max_length=3)] | int = ""
    aantal: int | bool = 0


def errors_of(data: dict[str, Any]) -> list[FieldError]:
    try:
        Voorbeeld.model_validate(data)
    except pydantic.ValidationError as exc:
        return field_errors(exc, Voorbeeld)
    raise AssertionError("valid")


def test_names_follow_the_schema_through_lists_models_and_dictionaries() -> None:
    found = errors_of(
        {
            "delen": [{"aardRelatie": "a"}, {"aard_relatie": "x"}],
            "deel": {},
            "kenmerken": {"zaak_type": "x"},
        }
    )
    assert [(e.name, e.code) for e in found] == [
        ("delen.1.aardRelatie", "invalid_choice"),
        ("deel.aardRelatie", "required"),
        # a dictionary key is the client's, kept as sent
        ("kenmerken.zaak_type", "invalid_choice"),
    ]


def test_a_value_failing_every_member_of_a_union_gives_the_most_telling_error() -> None:
    [too_long] = errors_of({"naam": "abcd"})
    assert (too_long.name, too_long.code, too_long.reason) == (
        "naam",
        "max_length",
        "Gebruik maximaal 3 tekens.",
    )
    [neither] = errors_of({"aantal": [1]})
    assert (neither.name, neither.code) == ("aantal", "invalid")
    assert neither.reason == "Verwacht een geheel getal."


def test_our_own_validators_keep_their_code_and_message() -> None:
    class Eigen(RequestSchema):
        waarde: str

        @pydantic.field_validator("waarde")
        @classmethod
        def _check(cls, value: str) -> str:
            raise ZGWValueError("invalid-length", "Een RSIN heeft 9 cijfers.")

    with pytest.raises(pydantic.ValidationError) as caught:
        Eigen.model_validate({"waarde": "1"})
    assert field_errors(caught.value, Eigen) == [
        FieldError("waarde", "invalid-length", "Een RSIN heeft 9 cijfers.")
    ]


def test_every_pydantic_error_type_has_a_dutch_reason_that_formats() -> None:
    for error in _pydantic_core.list_all_errors():
        template = MESSAGES.get(error["type"], GENERIC)
        text = template.format(**(error.get("example_context") or {}))
        assert not ENGLISH.match(text), error["type"]
        assert "{" not in text, error["type"]


@pytest.mark.django_db
def test_an_email_address_pydantic_refuses_is_explained_in_dutch(api: ZGWClient) -> None:
    body = {
        "domein": "MAIL",
        "rsin": "002220647",
        "contactpersoonBeheerNaam": "Beheer",
        "contactpersoonBeheerEmailadres": "geen-adres",
    }
    response = api.post("/catalogi/api/v1/catalogussen", body)
    assert response.status_code == 400
    assert params(response) == [
        ("contactpersoonBeheerEmailadres", "invalid", "Voer een geldig e-mailadres in.")
    ]
