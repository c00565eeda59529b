"""docs/integration.md runs: every ``sh`` and ``python`` block, in order, against a live server.

The blocks share one shell, as a reader's terminal would. A ``text`` block right after a command
block is that block's expected output; the docs write the quickstart's address
(``http://127.0.0.1:8000``) where the test server's address appears.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.servers import free_port, stop, wait_until_healthy

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "integration.md"
DOCS_BASE = "http://127.0.0.1:8000"
_FENCE = re.compile(r"^( *)```(\w+)\n(.*?)^\1```", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Block:
    language: str
    code: str
    expected: str | None  # the text block that follows it, if any


def blocks(markdown: str) -> list[Block]:
    found = [
        (m.group(2), _dedent(m.group(3), len(m.group(1))), m.end(), m.start())
        for m in _FENCE.finditer(markdown)
    ]
    result = []
    for index, (language, code, end, _) in enumerate(found):
        if language not in ("sh", "python"):
            continue
        following = found[index + 1] if index + 1 < len(found) else None
        expected = None
        if following is not None and following[0] == "text" and not markdown[end : following[3]].strip():
            expected = following[1].strip()
        result.append(Block(language, code, expected))
    return result


def _dedent(code: str, indent: int) -> str:
    return "".join(line[indent:] if line.startswith(" " * indent) else line for line in code.splitlines(True))


def script(items: list[Block]) -> str:
    """One bash script: each block after a marker line, python blocks through ``python3 -``."""
    parts = ["set -euo pipefail"]
    for index, block in enumerate(items):
        parts.append(f"echo '@@block {index}@@'")
        if block.language == "python":
            parts.append(f"python3 - <<'PYTHON'\n{block.code}PYTHON")
        else:
            parts.append(block.code)
    return "\n".join(parts) + "\n"


@pytest.fixture
def deployment(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A fresh installation served by ``zaakwerk serve``; yields the environment of its commands."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "BASE")}
    env.update(
        ZAAKWERK_DATA_DIR=str(tmp_path / "data"),
        ZAAKWERK_PUBLIC_URL=base,
        DJANGO_SETTINGS_MODULE="zaakwerk.conf.settings",
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        BASE=base,
    )
    subprocess.run(
        [sys.executable, "-m", "zaakwerk.cli", "migrate"], env=env, check=True, capture_output=True
    )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "zaakwerk.cli",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "1",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert wait_until_healthy(base, server), "the server did not start"
        yield env
    finally:
        stop(server)


def test_the_guide_has_commands_with_expected_output() -> None:
    found = blocks(GUIDE.read_text(encoding="utf-8"))
    assert {block.language for block in found} == {"sh", "python"}
    assert sum(block.expected is not None for block in found) >= 5


def test_every_command_in_the_integration_guide_works(deployment: dict[str, str]) -> None:
    items = blocks(GUIDE.read_text(encoding="utf-8"))
    # when the reader runs the blocks one after the other in one terminal
    result = subprocess.run(
        ["bash", "-c", script(items)],
        env=deployment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    # then every command succeeds and prints what the guide says
    assert result.returncode == 0, f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    outputs = re.split(r"^@@block \d+@@\n", result.stdout, flags=re.MULTILINE)[1:]
    assert len(outputs) == len(items)
    for block, output in zip(items, outputs, strict=True):
        if block.expected is not None:
            expected = block.expected.replace(DOCS_BASE, deployment["BASE"])
            assert output.strip() == expected, f"{block.code}\n--- printed:\n{output}"
