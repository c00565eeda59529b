"""Compiling the translations (``.po`` → ``.mo``) without GNU gettext's ``msgfmt``.

The compiled ``.mo`` files are committed beside their ``.po`` files, so an installation needs
no build step for them (ADR 0044). After editing a ``.po`` file run ``make messages``: it
extracts the strings (``django-admin makemessages``, which needs GNU gettext) and compiles them
with this module, which needs only Babel (a development dependency). A test checks that every
committed ``.mo`` holds exactly what its ``.po`` says.
"""

from __future__ import annotations

import argparse
import gettext
import io
import sys
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent.parent


def catalogs(root: Path = PACKAGE_ROOT) -> list[Path]:
    """Every ``django.po`` of Zaakwerk's applications."""
    return sorted(root.glob("*/locale/*/LC_MESSAGES/django.po"))


def compile_po(po: Path) -> bytes:
    """The ``.mo`` bytes for ``po``; fuzzy entries are left out, as msgfmt does."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as source:
        catalog = read_po(source)
    output = io.BytesIO()
    write_mo(output, catalog, use_fuzzy=False)
    return output.getvalue()


def translations(mo: bytes) -> dict[object, str]:
    """What a ``.mo`` file translates, as gettext reads it (metadata left out)."""
    catalog: dict[object, str] = gettext.GNUTranslations(io.BytesIO(mo))._catalog  # type: ignore[attr-defined]
    return {key: value for key, value in catalog.items() if key != ""}


def stale(root: Path = PACKAGE_ROOT) -> list[Path]:
    """The ``.po`` files whose ``.mo`` is missing or says something else."""
    found = []
    for po in catalogs(root):
        mo = po.with_suffix(".mo")
        if not mo.exists() or translations(mo.read_bytes()) != translations(compile_po(po)):
            found.append(po)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m zaakwerk.web.messages", description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 when a .mo file is out of date")
    args = parser.parse_args(argv)
    if args.check:
        out_of_date = stale()
        for po in out_of_date:
            print(f"out of date: {po.with_suffix('.mo')}")
        return 1 if out_of_date else 0
    for po in catalogs():
        po.with_suffix(".mo").write_bytes(compile_po(po))
        print(f"compiled {po.with_suffix('.mo')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
