"""``zaakwerk config-docs``: write (or check) the generated configuration reference."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from zaakwerk.conf.env import REGISTRY, render_reference

# Modules that declare settings with ``config(...)``: importing them fills the registry.
SETTING_MODULES = ("zaakwerk.conf.settings", "zaakwerk.ops.serve")


def reference() -> str:
    """The reference for exactly the settings of :data:`SETTING_MODULES`, in their order.

    The registry fills in import order, which differs between processes (the test suite imports
    more than the command does); re-running the modules' declarations into an empty registry
    makes the output the same everywhere.
    """
    saved = dict(REGISTRY)
    REGISTRY.clear()
    try:
        for name in SETTING_MODULES:
            importlib.reload(importlib.import_module(name))
        text = render_reference().rstrip("\n") + "\n"
    finally:
        for key, setting in saved.items():
            REGISTRY.setdefault(key, setting)
    return text


def run(path: Path, *, check: bool) -> int:
    """Write the reference to ``path`` (``-``: standard output), or only compare with ``--check``."""
    expected = reference()
    if str(path) == "-" and not check:
        print(expected, end="")
        return 0
    current = path.read_text(encoding="utf-8") if path.exists() else None
    if check:
        if current == expected:
            print(f"{path} is up to date.", file=sys.stderr)
            return 0
        print(f"{path} is out of date; run `zaakwerk config-docs` and commit the result.")
        return 1
    if current == expected:
        print(f"{path} is already up to date.", file=sys.stderr)
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(expected, encoding="utf-8")
    print(f"Wrote {path}.", file=sys.stderr)
    return 0
