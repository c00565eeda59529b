#!/usr/bin/env python3
"""Run the shared VNG conformance runner with one correction to the collection copy it makes.

The runner rewrites each ``postman.setNextRequest(...)`` in the suites into a guarded call
``(function(t){...})("name")``. Where the line before it ends without a semicolon — as in
``pm.globals.set("x", y)`` followed by the jump — JavaScript's automatic semicolon insertion does
not apply, so the script calls the return value of ``set`` and fails: the jump (paging through
the selectielijst, deleting a created applicatie, …) never happens and later requests fail for
that reason alone. Starting the guard with a semicolon restores the suite's intended flow; the
suites and their assertions are left exactly as they are.

Usage: the runner's own arguments; the runner is found at $ZGW_SHARED/zgw/conformance/run.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import sys
from pathlib import Path

GUARD = "(function(t){var k='__jump_'"


def load_runner(path: Path):  # type: ignore[no-untyped-def]
    loader = importlib.machinery.SourceFileLoader("zgw_conformance_run", str(path))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def main() -> int:
    shared = Path(os.environ.get("ZGW_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    runner = load_runner(shared / "zgw" / "conformance" / "run")
    original = runner.runnable_copy

    def runnable_copy(source: Path, target: Path) -> None:
        original(source, target)
        text = target.read_text()
        target.write_text(text.replace(GUARD, ";" + GUARD))

    runner.runnable_copy = runnable_copy
    return int(runner.main())


if __name__ == "__main__":
    sys.exit(main())
