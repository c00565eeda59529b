"""The web applications' front-end files: NL Design System CSS, design tokens and htmx.

The npm packages are pinned in ``frontend/package.json`` with ``frontend/package-lock.json``
(integrity hashes). They are not committed: ``build`` runs ``npm ci`` in a temporary folder and
copies the few files the pages load, with their licences, into ``static/zaakwerk_web/vendor/``.
``built-from.txt`` there records the hash of the lock file they came from, so a changed lock
means a rebuild (ADR 0043). ``zaakwerk quickstart`` builds them when they are missing; so does
``python -m zaakwerk.web.assets``.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
FRONTEND = PACKAGE / "frontend"
VENDOR = PACKAGE / "static" / "zaakwerk_web" / "vendor"
STAMP = VENDOR / "built-from.txt"

# target under vendor/ → file in node_modules/
FILES = {
    "utrecht/component-library.css": "@utrecht/component-library-css/dist/index.css",
    "utrecht/LICENSE.md": "@utrecht/component-library-css/LICENSE.md",
    "voorbeeld/theme.css": "@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css",
    "voorbeeld/LICENSE.md": "@nl-design-system-unstable/voorbeeld-design-tokens/LICENSE.md",
    "htmx/htmx.min.js": "htmx.org/dist/htmx.min.js",
    "htmx/LICENSE.txt": "htmx.org/LICENSE",
    # the rapportages' charts (MIT; the bundle includes @kurkle/color, MIT)
    "chartjs/chart.umd.min.js": "chart.js/dist/chart.umd.min.js",
    "chartjs/LICENSE.md": "chart.js/LICENSE.md",
    "chartjs/kurkle-color-LICENSE.md": "@kurkle/color/LICENSE.md",
}


class AssetsError(RuntimeError):
    """The files could not be built; the message says why and what to do."""


def lock_hash() -> str:
    return hashlib.sha256((FRONTEND / "package-lock.json").read_bytes()).hexdigest()


def is_current() -> bool:
    """True when every file is there and was built from the current lock file."""
    if not STAMP.exists() or STAMP.read_text().strip() != lock_hash():
        return False
    return all((VENDOR / target).exists() for target in FILES)


def build(npm: str = "npm") -> None:
    """Install the locked packages in a temporary folder and copy the files into ``VENDOR``."""
    executable = shutil.which(npm)
    if executable is None:
        raise AssetsError(
            "npm is not installed; install Node.js 20 with npm (Debian: apt-get install nodejs npm) "
            "and run `python -m zaakwerk.web.assets`"
        )
    with tempfile.TemporaryDirectory(prefix="zaakwerk-assets-") as folder:
        work = Path(folder)
        for name in ("package.json", "package-lock.json"):
            shutil.copy2(FRONTEND / name, work / name)
        result = subprocess.run(
            [executable, "ci", "--ignore-scripts", "--no-audit", "--no-fund"],
            cwd=work,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise AssetsError(f"npm ci failed ({result.returncode}):\n{result.stderr[-3000:]}")
        if VENDOR.exists():
            shutil.rmtree(VENDOR)
        for target, source in FILES.items():
            destination = VENDOR / target
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(work / "node_modules" / source, destination)
    STAMP.write_text(lock_hash() + "\n")


def ensure(npm: str = "npm") -> bool:
    """Build the files unless they are current; True when they were built now."""
    if is_current():
        return False
    build(npm)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m zaakwerk.web.assets", description="Build the web applications' front-end files."
    )
    parser.add_argument("--check", action="store_true", help="exit 1 when the files are missing or stale")
    parser.add_argument("--force", action="store_true", help="build even when the files are current")
    args = parser.parse_args(argv)
    if args.check:
        current = is_current()
        print("front-end files are current" if current else "front-end files are missing or stale")
        return 0 if current else 1
    try:
        if args.force:
            build()
            built = True
        else:
            built = ensure()
    except AssetsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"front-end files {'built' if built else 'already current'} in {VENDOR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
