"""Form definitions: checked against the vendored JSON schema and the rules a schema cannot say;
versions that are published never change; the rules decide what is shown and computed."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from zaakwerk.formulieren import definition
from zaakwerk.formulieren.demo import DEMO_FORMS
from zaakwerk.formulieren.demo import definition as demo_definition
from zaakwerk.formulieren.models import Versie
from zaakwerk.formulieren.services import definities

CATALOGUS = "http://testserver/catalogi/api/v1/catalogussen/00000000-0000-0000-0000-000000000000"


def small(**extra: Any) -> dict[str, Any]:
    return {
        "titel": "Test",
        "steps": [
            {
                "key": "een",
                "titel": "Een",
                "fields": [
                    {
                        "key": "soort",
                        "type": "choice",
                        "label": "Soort",
                        "options": [{"value": "a", "label": "A"}],
                    },
                    {
                        "key": "naam",
                        "type": "text",
                        "label": "Naam",
                        "show_if": {"==": [{"var": "soort"}, "a"]},
                    },
                    {"key": "prijs", "type": "number", "label": "Prijs"},
                ],
            },
            {
                "key": "twee",
                "titel": "Twee",
                "show_if": {"var": "naam"},
                "fields": [{"key": "x", "type": "text", "label": "X"}],
            },
        ],
        **extra,
    }


@pytest.mark.parametrize("slug", sorted(DEMO_FORMS))
def test_the_demo_forms_are_valid(slug: str) -> None:
    assert definition.problems(demo_definition(slug)) == []


def _broken(change: str) -> Any:
    data: Any = small()
    field = data["steps"][0]["fields"]
    if change == "no titel":
        del data["titel"]
    elif change == "unknown type":
        field[0]["type"] = "kleur"
    elif change == "bad key":
        field[0]["key"] = "Soort met spaties"
    elif change == "choice without options":
        del field[0]["options"]
    elif change == "unknown property":
        field[0]["kleur"] = "rood"
    elif change == "unknown operator":
        field[1]["show_if"] = {"eval": "import os"}
    elif change == "no steps":
        data["steps"] = []
    return data


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ("no titel", "'titel' is a required property"),
        ("unknown type", "steps.0.fields.0.type"),
        ("bad key", "steps.0.fields.0.key"),
        ("choice without options", "'options' is a required property"),
        ("unknown property", "Additional properties are not allowed"),
        ("unknown operator", "steps.0.fields.1.show_if"),
        ("no steps", "steps"),
    ],
)
def test_the_schema_refuses(change: str, fragment: str) -> None:
    found = definition.problems(_broken(change))
    assert any(fragment in problem for problem in found), found


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [
        ({"rules": [{"set": {"onbekend": 1}}]}, "rules.0.set: onbekend veld 'onbekend'"),
        ({"rules": [{"when": {"var": "nergens"}, "set": {"prijs": 1}}]}, "onbekend veld 'nergens'"),
        ({"contact": {"emailadres": "mail"}}, "contact.emailadres: onbekend veld 'mail'"),
    ],
)
def test_what_the_schema_cannot_say(extra: dict[str, Any], fragment: str) -> None:
    found = definition.problems(small(**extra))
    assert any(fragment in problem for problem in found), found


def test_duplicate_keys_bad_patterns_and_limits() -> None:
    data = small()
    fields = data["steps"][0]["fields"]
    fields.append({"key": "naam", "type": "text", "label": "Nog eens", "pattern": "([a-z"})
    fields.append({"key": "getal", "type": "number", "label": "Getal", "min": 5, "max": 1})
    fields.append({"key": "dag", "type": "date", "label": "Dag", "min_date": "gisteren"})
    found = definition.problems(data)
    assert "veld 'naam' komt meer dan eens voor" in found
    assert any("geen geldige reguliere expressie" in problem for problem in found)
    assert any("min is groter dan max" in problem for problem in found)
    assert any("min_date" in problem for problem in found)


def test_resolve_hides_fields_and_steps_and_computes_values() -> None:
    parsed = definition.parse(small(rules=[{"when": {"var": "naam"}, "set": {"prijs": {"*": [2, 21]}}}]))
    # given a value for a field that is hidden
    hidden = definition.resolve(parsed, {"soort": "b", "naam": "Piet", "x": "y"})
    # then it is dropped, and with it the step that depends on it and the rule's value
    assert "naam" not in hidden.values and hidden.visible_steps == ("een",)
    assert "x" not in hidden.values and "prijs" not in hidden.values
    shown = definition.resolve(parsed, {"soort": "a", "naam": "Piet"})
    assert shown.visible_steps == ("een", "twee")
    assert shown.values["prijs"] == 42 and shown.computed == {"prijs"}


def test_a_published_version_is_never_changed(db: None) -> None:
    formulier = definities.create_formulier("test", "ZAAKTYPE", CATALOGUS, small())
    first = definities.publish(formulier.versies.get())
    # an edit makes a new concept; the published version stays as it was
    changed = small()
    changed["titel"] = "Test, tweede versie"
    concept = definities.save_concept(formulier, changed)
    assert concept.nummer == 2 and concept.staat == Versie.Staat.CONCEPT
    first.refresh_from_db()
    assert first.definitie["titel"] == "Test"
    # a second edit changes the same concept
    assert definities.save_concept(formulier, small(inleiding="x")).pk == concept.pk
    # writing to the published version is refused
    first.definitie = changed
    with pytest.raises(ValueError, match="never changed"):
        first.save()
    # publishing the concept withdraws the version before
    definities.publish(concept)
    first.refresh_from_db()
    assert first.staat == Versie.Staat.INGETROKKEN
    assert definities.published(formulier) == concept
    with pytest.raises(definities.DefinitionInvalid):
        definities.publish(concept)


def test_an_invalid_definition_is_not_saved(db: None) -> None:
    formulier = definities.create_formulier("test", "ZAAKTYPE", CATALOGUS, small())
    broken = copy.deepcopy(small())
    broken["steps"][0]["fields"][0]["type"] = "kleur"
    with pytest.raises(definities.DefinitionInvalid):
        definities.save_concept(formulier, broken)
    assert formulier.versies.count() == 1
