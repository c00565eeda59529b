"""The README starts with the two set-up commands, and they do not lean on an active virtualenv
or on pip of the system Python (which refuses to install on "externally managed" systems).
``.ci/run`` runs the second command exactly as written; the calls further down are run against
a live quickstart in ``test_quickstart``."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def shell_blocks(text: str) -> list[str]:
    return re.findall(r"^```sh\n(.*?)^```$", text, re.M | re.S)


def setup_commands() -> list[str]:
    return shell_blocks(README.read_text())[0].strip().splitlines()


def test_the_readme_starts_with_exactly_two_setup_commands() -> None:
    text = README.read_text()
    title, _, rest = text.partition("\n\n")
    assert title == "# Zaakwerk"
    assert rest.startswith("```sh\n")
    quickstart, tests = setup_commands()
    assert quickstart.endswith("zaakwerk quickstart")
    assert tests.endswith("pytest")


def test_the_setup_commands_install_into_their_own_virtualenv() -> None:
    for command in setup_commands():
        steps = [step.strip() for step in command.split("&&")]
        # a virtualenv first, then only its own pip and its own commands
        assert steps[0] == "python3 -m venv .venv"
        assert all(step.startswith(".venv/bin/") for step in steps[1:]), command
