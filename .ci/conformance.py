#!/usr/bin/env python3
"""Run the shared VNG conformance runner with one correction to the collection copy it makes.

The runner rewrites each ``postman.setNextRequest(...)`` in the suites into a guarded call
``(function(t){...})("name")``. Where the line before it ends without a semicolon — as in
``pm.globals.set("x", y)`` followed by the jump — JavaScript's automatic semicolon insertion does
not apply, so the script calls the return value of ``set`` and fails: the jump (paging through
the selectielijst, deleting a created applicatie, …) never happens and later requests fail for
that reason alone. Starting the guard with a semicolon restores the suite's intended flow; the
suites and their assertions are left exactly as they are.

The runner runs the OAS suite (one call per operation) as one collection, NRC included. Here
``--suite oas --folders ZRC,DRC,...`` runs only the named top-level folders of it, between the
suite's own ``setUp`` and final ``tearDown Copy``, and tallies them per folder (``oas/ZRC/…`` in
the exclusions file), so an API that is not served yet is simply not listed.

Usage: the runner's own arguments; the runner is found at $ZGW_SHARED/zgw/conformance/run.
"""

from __future__ import annotations

import argparse
import importlib.machinery
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

GUARD = "(function(t){var k='__jump_'"
# The OAS suite's folders around the API folders: set-up first, clean-up last.
OAS_SET_UP, OAS_TEAR_DOWN = "setUp", "tearDown Copy"
OAS_FOLDERS = ("ZRC", "DRC", "ZTC", "BRC", "NRC", "AC")


def load_runner(path: Path):  # type: ignore[no-untyped-def]
    loader = importlib.machinery.SourceFileLoader("zgw_conformance_run", str(path))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def label_items(collection: Path) -> None:
    """Give every request the id ``<top-level folder>/<n>``: newman reports it per execution."""
    data = json.loads(collection.read_text())

    def walk(nodes: list[dict[str, Any]], top: str, counter: list[int]) -> None:
        for node in nodes:
            if "item" in node:
                walk(node["item"], top, counter)
            else:
                counter[0] += 1
                node["id"] = f"{top}/{counter[0]}"

    for folder in data["item"]:
        walk(folder.get("item", [folder]), folder["name"], [0])
    collection.write_text(json.dumps(data))


def oas_tally(report: Path, folders: list[str]) -> tuple[dict[str, dict[str, str | None]], dict[str, int]]:
    """Per folder: each distinct assertion once (failed if any run failed), and requests unanswered."""
    results: dict[str, dict[str, str | None]] = {folder: {} for folder in folders}
    no_response = dict.fromkeys(folders, 0)
    if not report.exists():
        for folder in folders:
            results[folder][f"oas/{folder}/(run)/newman produced no report"] = "no report"
        return results, no_response
    for execution in json.loads(report.read_text())["run"].get("executions", []):
        item = execution.get("item", {})
        folder = str(item.get("id", "")).rsplit("/", 1)[0]
        if folder not in results:
            continue  # set-up and tear-down: their failures show in the folders that need them
        if execution.get("requestError"):
            no_response[folder] += 1
        for assertion in execution.get("assertions", []) or []:
            key = f"oas/{folder}/{item.get('name', '?')}/{assertion.get('assertion', '?')}"
            error = assertion.get("error")
            if error:
                results[folder][key] = error.get("message", "failed")
            else:
                results[folder].setdefault(key, None)
    return results, no_response


def run_oas(runner: Any, argv: list[str]) -> int:
    """The OAS suite, only the given folders, tallied per folder like the runner's api suite."""
    parser = argparse.ArgumentParser(prog="conformance.py --suite oas")
    parser.add_argument("--suite", choices=["oas"])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--folders", default=",".join(OAS_FOLDERS), help="OAS suite folders, comma separated")
    parser.add_argument("--exclusions")
    parser.add_argument("--out")
    parser.add_argument("--timeout", type=int, default=900)
    parser.add_argument("--show", type=int, default=40)
    args = parser.parse_args(argv)
    asked = {folder for folder in args.folders.split(",") if folder}
    if asked - set(OAS_FOLDERS):
        parser.error(f"unknown OAS folders {sorted(asked - set(OAS_FOLDERS))}; known: {OAS_FOLDERS}")
    folders = [folder for folder in OAS_FOLDERS if folder in asked]  # the suite's order
    for name in ("zrc", "drc", "ztc", "brc", "ac", "nrc", "referentielijsten"):
        setattr(args, name, None)

    newman = runner.find_newman()
    exclusions = runner.read_exclusions(args.exclusions)
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="zgw-conformance-"))
    out.mkdir(parents=True, exist_ok=True)
    server, mock_url = runner.start_mock_server()
    env_file = out / "environment.json"
    env_file.write_text(json.dumps(runner.environment(args, mock_url), indent=1))
    collection = out / "oas-collection.json"
    runner.runnable_copy(runner.COLLECTIONS["oas"], collection)
    label_items(collection)
    report = out / "oas.json"
    command = [
        *newman, "run", str(collection), "-e", str(env_file),
        "--reporters", "json", "--reporter-json-export", str(report),
        "--timeout-request", "30000", "--suppress-exit-code", "--disable-unicode",
        "--global-var", f"jwt_token={runner.jwt_hs256(runner.CLIENT_ID, runner.SECRET)}",
        "--global-var",
        f"jwt_token_without_claims={runner.jwt_hs256(runner.CLIENT_ID_LIMITED, runner.SECRET_LIMITED)}",
    ]  # fmt: skip
    # newman runs the selected folders in collection order, so set-up stays first
    for folder in (OAS_SET_UP, *folders, OAS_TEAR_DOWN):
        command += ["--folder", folder]
    try:
        subprocess.run(command, check=False, timeout=args.timeout, stdout=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        print(f"conformance: the OAS suite ran past {args.timeout} s", flush=True)
    server.shutdown()

    results, no_response = oas_tally(report, folders)
    passed = failed = excluded = 0
    failures: list[str] = []
    fixed: list[str] = []
    print(f"{'suite/folder':<16}{'passed':>8}{'failed':>8}{'excluded':>10}{'no response':>13}")
    for folder in folders:
        p = f = x = 0
        for key, error in results[folder].items():
            if error is None:
                p += 1
                if key in exclusions:
                    fixed.append(key)
            elif key in exclusions:
                x += 1
            else:
                f += 1
                failures.append(f"{key}: {error}")
        print(f"{'oas/' + folder:<16}{p:>8}{f:>8}{x:>10}{no_response[folder]:>13}", flush=True)
        passed, failed, excluded = passed + p, failed + f, excluded + x
    if failures:
        print(f"\nfailing assertions ({len(failures)}; first {min(len(failures), args.show)}):")
        for line in failures[: args.show]:
            print(f"  {line[:300]}")
    if fixed:
        print(f"\nlisted as expected to fail, but passed ({len(fixed)}):")
        for line in fixed:
            print(f"  {line}")
    print(f"\nreports: {out}")
    print(f"conformance: {passed} passed, {failed} failed, {excluded} skipped")
    return 1 if failed else 0


def main() -> int:
    shared = Path(os.environ.get("ZGW_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    runner = load_runner(shared / "zgw" / "conformance" / "run")
    original = runner.runnable_copy

    def runnable_copy(source: Path, target: Path) -> None:
        original(source, target)
        text = target.read_text()
        target.write_text(text.replace(GUARD, ";" + GUARD))

    runner.runnable_copy = runnable_copy
    if "--suite" in sys.argv and sys.argv[sys.argv.index("--suite") + 1 :][:1] == ["oas"]:
        return run_oas(runner, sys.argv[1:])
    return int(runner.main())


if __name__ == "__main__":
    sys.exit(main())
