"""The forms' rule language: small JSON expressions with their own evaluator (no ``eval``).

An expression is a JSON value:

- ``null``, ``true``/``false``, a number, a string: itself; a list: each item evaluated;
- ``{"var": "kenteken"}``: the value of a field (``"adres.postcode"`` reads a part of a
  postcode field); a hidden or empty field is ``null``;
- an object with exactly one operator as its key and its arguments as a list (one argument may
  be given bare): ``{"==": [{"var": "soort"}, "bedrijf"]}``, ``{"not": {"var": "akkoord"}}``.

Operators (docs/formulieren.md has the table):
``==`` ``!=`` ``<`` ``<=`` ``>`` ``>=`` ``and`` ``or`` ``not`` ``in`` ``empty`` ``if``
``+`` ``-`` ``*`` ``concat`` ``length`` ``today``.

The evaluator is total: it never raises on a value, only on a malformed expression (which
:func:`problems` finds before a definition is saved). Comparing values of different kinds is
false (``1 == "1"`` and ``true == 1`` are false; strings compare as text, so ISO dates compare
as dates); arithmetic on anything but numbers is ``null``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

MAX_DEPTH = 20
MAX_NODES = 500

Values = Mapping[str, Any]


class RuleError(ValueError):
    """A malformed expression."""


def truthy(value: Any) -> bool:
    """JSON truth: null, false, 0, "" and [] are false, everything else true."""
    if value is None or value is False:
        return False
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value != 0
    if isinstance(value, str | list | dict):
        return len(value) > 0
    return True


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _same_kind(left: Any, right: Any) -> bool:
    if _is_number(left) and _is_number(right):
        return True
    return type(left) is type(right)


def equal(left: Any, right: Any) -> bool:
    return _same_kind(left, right) and bool(left == right)


def _order(name: str, left: Any, right: Any) -> bool:
    comparable = (_is_number(left) and _is_number(right)) or (
        isinstance(left, str) and isinstance(right, str)
    )
    if not comparable:
        return False
    if name == "<":
        return bool(left < right)
    if name == "<=":
        return bool(left <= right)
    if name == ">":
        return bool(left > right)
    return bool(left >= right)


def lookup(values: Values, path: str) -> Any:
    """The value at ``path`` (``key`` or ``key.part``); ``null`` when absent or empty."""
    head, _, rest = path.partition(".")
    found: Any = values.get(head)
    for part in rest.split(".") if rest else []:
        found = found.get(part) if isinstance(found, dict) else None
    return None if found == "" else found


def _arguments(raw: Any) -> list[Any]:
    return raw if isinstance(raw, list) else [raw]


def _arithmetic(name: str, args: list[Any]) -> Any:
    if not args or not all(_is_number(arg) for arg in args):
        return None
    result = args[0]
    for arg in args[1:]:
        result = result + arg if name == "+" else result - arg if name == "-" else result * arg
    if name == "-" and len(args) == 1:
        result = -result
    return result


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _in(needle: Any, haystack: Any) -> bool:
    if isinstance(haystack, list):
        return any(equal(needle, item) for item in haystack)
    if isinstance(haystack, str) and isinstance(needle, str):
        return needle in haystack
    return False


def _length(value: Any) -> Any:
    return len(value) if isinstance(value, str | list) else None


Evaluate = Callable[[Any], Any]


def _lazy(name: str, raw_args: list[Any], evaluate: Evaluate) -> tuple[bool, Any]:
    """The operators that evaluate only the arguments they need."""
    if name == "and":
        result: Any = True
        for arg in raw_args:
            result = evaluate(arg)
            if not truthy(result):
                return True, False
        return True, True
    if name == "or":
        for arg in raw_args:
            if truthy(evaluate(arg)):
                return True, True
        return True, False
    if name == "if":
        condition, then, otherwise = ([*raw_args, None, None, None])[:3]
        return True, evaluate(then) if truthy(evaluate(condition)) else evaluate(otherwise)
    return False, None


def _eager(name: str, args: list[Any], today: date) -> Any:
    if name in ("==", "!="):
        same = equal(*([*args, None, None])[:2])
        return same if name == "==" else not same
    if name in ("<", "<=", ">", ">="):
        return _order(name, *([*args, None, None])[:2])
    if name == "not":
        return not truthy(args[0] if args else None)
    if name == "in":
        return _in(*([*args, None, None])[:2])
    if name == "empty":
        value = args[0] if args else None
        return value is None or (isinstance(value, str | list | dict) and len(value) == 0)
    if name in ("+", "-", "*"):
        return _arithmetic(name, args)
    if name == "concat":
        return "".join(_text(arg) for arg in args)
    if name == "length":
        return _length(args[0] if args else None)
    if name == "today":
        return today.isoformat()
    raise RuleError(f"onbekende operator {name!r}")


OPERATORS = frozenset(
    {"==", "!=", "<", "<=", ">", ">=", "and", "or", "not", "in", "empty", "if"}
    | {"+", "-", "*", "concat", "length", "today", "var"}
)


def evaluate(expression: Any, values: Values, *, today: date | None = None) -> Any:
    """The value of ``expression`` for the form's ``values``."""
    day = today or date.today()

    def run(node: Any) -> Any:
        if isinstance(node, list):
            return [run(item) for item in node]
        if not isinstance(node, dict):
            return node
        if len(node) != 1:
            raise RuleError("een expressie heeft precies één operator")
        ((name, raw),) = node.items()
        if name == "var":
            return lookup(values, raw) if isinstance(raw, str) else None
        raw_args = _arguments(raw)
        handled, result = _lazy(name, raw_args, run)
        if handled:
            return result
        return _eager(name, [run(arg) for arg in raw_args], day)

    return run(expression)


def variables(expression: Any) -> set[str]:
    """The field keys an expression reads (the part before a dot of each ``var``)."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for name, raw in node.items():
                if name == "var" and isinstance(raw, str):
                    found.add(raw.partition(".")[0])
                else:
                    walk(raw)

    walk(expression)
    return found


def problems(expression: Any) -> list[str]:
    """What is wrong with ``expression`` (empty when it is well-formed)."""
    found: list[str] = []
    count = 0

    def walk(node: Any, depth: int) -> None:
        nonlocal count
        count += 1
        if depth > MAX_DEPTH:
            found.append(f"expressie is dieper dan {MAX_DEPTH} niveaus")
            return
        if isinstance(node, list):
            for item in node:
                walk(item, depth + 1)
            return
        if not isinstance(node, dict):
            return
        if len(node) != 1:
            found.append("een expressie heeft precies één operator")
            return
        ((name, raw),) = node.items()
        if name not in OPERATORS:
            found.append(f"onbekende operator {name!r}")
        elif name == "var" and not isinstance(raw, str):
            found.append("var noemt een veld met een tekst")
        elif name != "var":
            for arg in _arguments(raw):
                walk(arg, depth + 1)

    walk(expression, 0)
    if count > MAX_NODES:
        found.append(f"expressie heeft meer dan {MAX_NODES} onderdelen")
    return sorted(set(found))
