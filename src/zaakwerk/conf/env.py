"""Reading settings from the environment, one documented helper per kind of value.

Every setting Zaakwerk reads from the environment goes through :func:`config`, which records
its name, default and help text in :data:`REGISTRY`. ``docs/configuration.md`` is generated
from that registry (``zaakwerk config-docs``), so the reference can never drift from the code.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal, overload

Kind = Literal["str", "int", "bool", "list"]


@dataclass(frozen=True)
class Setting:
    name: str
    default: str | int | bool | list[str] | None
    help: str
    kind: Kind
    group: str


REGISTRY: dict[str, Setting] = {}

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class ConfigError(ValueError):
    """An environment variable holds a value of the wrong kind."""


@overload
def config(name: str, default: str, *, help: str, group: str = ...) -> str: ...
@overload
def config(name: str, default: None, *, help: str, group: str = ...) -> str | None: ...
@overload
def config(name: str, default: bool, *, help: str, group: str = ...) -> bool: ...
@overload
def config(name: str, default: int, *, help: str, group: str = ...) -> int: ...
@overload
def config(name: str, default: list[str], *, help: str, group: str = ...) -> list[str]: ...


def config(
    name: str,
    default: str | int | bool | list[str] | None,
    *,
    help: str,
    group: str = "General",
) -> str | int | bool | list[str] | None:
    """Return environment variable ``name`` converted to the type of ``default``.

    The type of the default decides the conversion: ``bool`` accepts 1/0, true/false,
    yes/no, on/off; ``int`` a decimal number; ``list[str]`` a comma-separated list.
    """
    kind: Kind
    if isinstance(default, bool):
        kind = "bool"
    elif isinstance(default, int):
        kind = "int"
    elif isinstance(default, list):
        kind = "list"
    else:
        kind = "str"
    REGISTRY[name] = Setting(name=name, default=default, help=help, kind=kind, group=group)
    raw = os.environ.get(name)
    if raw is None:
        return default
    raw = raw.strip()
    if kind == "bool":
        if raw.lower() in _TRUE:
            return True
        if raw.lower() in _FALSE:
            return False
        raise ConfigError(f"{name} must be a boolean (true/false), got {raw!r}")
    if kind == "int":
        try:
            return int(raw)
        except ValueError as exc:
            raise ConfigError(f"{name} must be a whole number, got {raw!r}") from exc
    if kind == "list":
        return [item.strip() for item in raw.split(",") if item.strip()]
    return raw


def render_reference() -> str:
    """The configuration reference in Markdown, grouped, in order of declaration."""
    lines = [
        "# Configuration reference",
        "",
        "Zaakwerk is configured with environment variables. This page is generated from the code",
        "(`zaakwerk config-docs > docs/configuration.md`); a test keeps it in step.",
        "",
    ]
    groups: dict[str, list[Setting]] = {}
    for setting in REGISTRY.values():
        groups.setdefault(setting.group, []).append(setting)
    for group, settings in groups.items():
        lines += [f"## {group}", "", "| variable | default | description |", "|---|---|---|"]
        for s in settings:
            if isinstance(s.default, list):
                default = ",".join(s.default)
            elif isinstance(s.default, bool):
                default = "true" if s.default else "false"
            else:
                default = "" if s.default is None else str(s.default)
            shown = f"`{default}`" if default else "(empty)"
            lines.append(f"| `{s.name}` | {shown} | {s.help} |")
        lines.append("")
    return "\n".join(lines)
