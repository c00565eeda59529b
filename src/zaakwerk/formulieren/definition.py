"""A form definition: its JSON checked against the vendored schema, read into typed objects, and
the logic of its rules applied to the values of a draft (docs/formulieren.md).

The schema (``schema/formulier.schema.json``) says what may be written; :func:`problems` adds
what a schema cannot: unique keys, rules that read and set fields that exist, patterns that
compile, limits in order.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator

from zaakwerk.formulieren import rules

FILE_TYPES = ("application/pdf", "image/png", "image/jpeg")
# field types whose value the visitor does not type: taken from the login
IDENTITY_TYPES = ("bsn", "kvk")
# how many passes the rules get to settle (a rule's result may feed another's condition)
RULE_PASSES = 5


@functools.cache
def schema() -> dict[str, Any]:
    text = resources.files("zaakwerk.formulieren").joinpath("schema/formulier.schema.json").read_text()
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@functools.cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(schema())


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Field:
    key: str
    type: str
    label: str
    help: str = ""
    required: bool = False
    show_if: Any = None
    options: tuple[Option, ...] = ()
    min_length: int | None = None
    max_length: int | None = None
    pattern: str = ""
    pattern_message: str = ""
    min: float | None = None
    max: float | None = None
    decimals: int = 0
    min_date: str = ""
    max_date: str = ""
    max_size: int | None = None
    accept: tuple[str, ...] = FILE_TYPES
    informatieobjecttype: str = ""
    eigenschap: str = ""
    zaakobject: str = ""  # the relatieomschrijving; empty: no zaakobject

    def label_of(self, value: str) -> str:
        return next((option.label for option in self.options if option.value == value), value)


@dataclass(frozen=True)
class Step:
    key: str
    titel: str
    fields: tuple[Field, ...]
    inleiding: str = ""
    show_if: Any = None


@dataclass(frozen=True)
class Rule:
    set: dict[str, Any]
    when: Any = True


@dataclass(frozen=True)
class Definition:
    titel: str
    steps: tuple[Step, ...]
    inleiding: str = ""
    login: tuple[str, ...] = ()
    omschrijving: str = ""
    toelichting: str = ""
    documenttype: str = ""
    contact: dict[str, str] = field(default_factory=dict)
    bevestiging_onderwerp: str = ""
    bevestiging_tekst: str = ""
    rules: tuple[Rule, ...] = ()

    @property
    def fields(self) -> list[Field]:
        return [item for step in self.steps for item in step.fields]

    @property
    def computed_keys(self) -> frozenset[str]:
        """The fields a rule sets: shown, never typed."""
        return frozenset(key for rule in self.rules for key in rule.set)

    def field(self, key: str) -> Field | None:
        return next((item for item in self.fields if item.key == key), None)

    def step(self, key: str) -> Step | None:
        return next((step for step in self.steps if step.key == key), None)


def _field(data: dict[str, Any]) -> Field:
    return Field(
        key=data["key"],
        type=data["type"],
        label=data["label"],
        help=data.get("help", ""),
        required=bool(data.get("required", False)),
        show_if=data.get("show_if"),
        options=tuple(Option(item["value"], item["label"]) for item in data.get("options", [])),
        min_length=data.get("min_length"),
        max_length=data.get("max_length"),
        pattern=data.get("pattern", ""),
        pattern_message=data.get("pattern_message", ""),
        min=data.get("min"),
        max=data.get("max"),
        decimals=int(data.get("decimals", 0)),
        min_date=data.get("min_date", ""),
        max_date=data.get("max_date", ""),
        max_size=data.get("max_size"),
        accept=tuple(data.get("accept", FILE_TYPES)),
        informatieobjecttype=data.get("informatieobjecttype", ""),
        eigenschap=data.get("eigenschap", ""),
        zaakobject=(data.get("zaakobject") or {}).get("relatieomschrijving", ""),
    )


def parse(data: dict[str, Any]) -> Definition:
    """The typed definition; the data must have passed :func:`problems`."""
    steps = tuple(
        Step(
            key=step["key"],
            titel=step["titel"],
            inleiding=step.get("inleiding", ""),
            show_if=step.get("show_if"),
            fields=tuple(_field(item) for item in step["fields"]),
        )
        for step in data["steps"]
    )
    bevestiging = data.get("bevestiging") or {}
    return Definition(
        titel=data["titel"],
        steps=steps,
        inleiding=data.get("inleiding", ""),
        login=tuple(data.get("login", [])),
        omschrijving=data.get("omschrijving", ""),
        toelichting=data.get("toelichting", ""),
        documenttype=data.get("documenttype", ""),
        contact=dict(data.get("contact", {})),
        bevestiging_onderwerp=bevestiging.get("onderwerp", ""),
        bevestiging_tekst=bevestiging.get("tekst", ""),
        rules=tuple(
            Rule(set=dict(rule["set"]), when=rule.get("when", True)) for rule in data.get("rules", [])
        ),
    )


def _schema_problems(data: Any) -> list[str]:
    found = []
    for error in sorted(_validator().iter_errors(data), key=lambda error: list(error.absolute_path)):
        where = ".".join(str(part) for part in error.absolute_path) or "(definitie)"
        found.append(f"{where}: {error.message}")
    return found


def _expression_problems(where: str, expression: Any, keys: set[str]) -> list[str]:
    found = [f"{where}: {problem}" for problem in rules.problems(expression)]
    found += [f"{where}: onbekend veld {name!r}" for name in sorted(rules.variables(expression) - keys)]
    return found


def _field_problems(where: str, item: Field) -> list[str]:
    found: list[str] = []
    if item.pattern:
        try:
            re.compile(item.pattern)
        except re.error as exc:
            found.append(f"{where}.pattern: geen geldige reguliere expressie ({exc})")
    if item.min is not None and item.max is not None and item.min > item.max:
        found.append(f"{where}: min is groter dan max")
    if item.min_length is not None and item.max_length is not None and item.min_length > item.max_length:
        found.append(f"{where}: min_length is groter dan max_length")
    for name in ("min_date", "max_date"):
        value = getattr(item, name)
        if value and value != "today":
            try:
                date.fromisoformat(value)
            except ValueError:
                found.append(f"{where}.{name}: geen datum (jjjj-mm-dd of 'today')")
    if item.zaakobject and item.type not in ("location", "postcode"):
        found.append(f"{where}.zaakobject: alleen een locatie of adres wordt een zaakobject")
    if item.type == "file" and item.eigenschap:
        found.append(f"{where}.eigenschap: een bestand wordt een document, geen eigenschap")
    return found


def problems(data: Any) -> list[str]:
    """Why ``data`` is not a valid form definition (empty when it is)."""
    found = _schema_problems(data)
    if found:
        return found
    definition = parse(data)
    keys = [item.key for item in definition.fields]
    known = set(keys)
    found += [
        f"veld {key!r} komt meer dan eens voor" for key in sorted({k for k in keys if keys.count(k) > 1})
    ]
    step_keys = [step.key for step in definition.steps]
    found += [
        f"stap {key!r} komt meer dan eens voor"
        for key in sorted({k for k in step_keys if step_keys.count(k) > 1})
    ]
    for number, step in enumerate(definition.steps):
        if step.show_if is not None:
            found += _expression_problems(f"steps.{number}.show_if", step.show_if, known)
        for index, item in enumerate(step.fields):
            where = f"steps.{number}.fields.{index}"
            if item.show_if is not None:
                found += _expression_problems(f"{where}.show_if", item.show_if, known)
            found += _field_problems(where, item)
    for number, rule in enumerate(definition.rules):
        found += _expression_problems(f"rules.{number}.when", rule.when, known)
        for key, expression in rule.set.items():
            target = definition.field(key)
            if target is None:
                found.append(f"rules.{number}.set: onbekend veld {key!r}")
            elif target.type in ("file", *IDENTITY_TYPES):
                found.append(f"rules.{number}.set: veld {key!r} krijgt geen berekende waarde")
            found += _expression_problems(f"rules.{number}.set.{key}", expression, known)
    for role, key in definition.contact.items():
        if key not in known:
            found.append(f"contact.{role}: onbekend veld {key!r}")
    return found


@dataclass(frozen=True)
class State:
    """What the rules make of a draft's values: the visible steps and fields, and the values
    with hidden fields left out and computed fields filled in."""

    values: dict[str, Any]
    visible_steps: tuple[str, ...]
    visible_fields: frozenset[str]
    computed: frozenset[str]


def resolve(definition: Definition, entered: dict[str, Any], *, today: date | None = None) -> State:
    """Apply the rules to ``entered`` until they settle (at most :data:`RULE_PASSES` passes)."""
    values = dict(entered)
    computed: set[str] = set()
    visible_steps: list[str] = []
    visible: set[str] = set()
    for _ in range(RULE_PASSES):
        before = values
        current = dict(entered)
        for rule in definition.rules:
            if rules.truthy(rules.evaluate(rule.when, before, today=today)):
                for key, expression in rule.set.items():
                    current[key] = rules.evaluate(expression, before, today=today)
                    computed.add(key)
        visible_steps, visible = [], set()
        for step in definition.steps:
            shown = step.show_if is None or rules.truthy(rules.evaluate(step.show_if, current, today=today))
            if shown:
                visible_steps.append(step.key)
            for item in step.fields:
                if shown and (
                    item.show_if is None or rules.truthy(rules.evaluate(item.show_if, current, today=today))
                ):
                    visible.add(item.key)
                else:
                    current.pop(item.key, None)
        values = current
        if values == before:
            break
    return State(values, tuple(visible_steps), frozenset(visible), frozenset(computed))
