"""No published key: without ``SECRET_KEY`` (or the demo's key file) Zaakwerk refuses to start."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

from tests.ops.helpers import command_env, one_line_error, zaakwerk
from zaakwerk.conf.secret import create_key_file, read_key_file


def test_a_command_without_a_key_refuses_with_one_line(tmp_path: Path) -> None:
    # given a data folder without a key file, and no SECRET_KEY
    # when the operator migrates and serves
    for args in (
        ["migrate"],
        ["serve", "--port", "1"],
        ["client", "add", "--client-id", "a", "--secret", "b"],
    ):
        result = zaakwerk(tmp_path / "data", *args, bare=True)
        # then each refuses with one line that says what to do
        line = one_line_error(result)
        assert "SECRET_KEY is not set" in line
        assert "zaakwerk quickstart" in line
    assert not (tmp_path / "data" / "zaakwerk.sqlite3").exists()


def python(data: Path, code: str, extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``code`` in a fresh interpreter, with an operator's bare environment (plus ``extra``)."""
    return subprocess.run(
        [sys.executable, "-c", code],
        env=command_env(data, bare=True, extra=extra),
        capture_output=True,
        text=True,
        check=False,
    )


KEY = "from zaakwerk.conf import settings; print(repr(settings.SECRET_KEY))"


def test_the_settings_hold_no_key_of_their_own(tmp_path: Path) -> None:
    # when the settings load without SECRET_KEY and without a key file
    result = python(tmp_path / "data", KEY)
    # then the key is empty (Django refuses to use it), not a built-in value
    assert result.stdout.strip() == "''"


def test_the_wsgi_application_refuses_to_load_without_a_key(tmp_path: Path) -> None:
    # when any WSGI server imports the application without a key
    result = python(tmp_path / "data", "import zaakwerk.wsgi")
    # then loading fails, with the same explanation
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_the_demo_key_file_is_enough(tmp_path: Path) -> None:
    # given the key file the quickstart generates
    create_key_file(tmp_path / "data")
    # when the operator migrates without SECRET_KEY
    result = zaakwerk(tmp_path / "data", "migrate", bare=True)
    # then it works
    assert result.returncode == 0, result.stderr


def test_secret_key_wins_over_the_key_file(tmp_path: Path) -> None:
    create_key_file(tmp_path / "data")
    result = python(tmp_path / "data", KEY, {"SECRET_KEY": "from-the-environment"})
    assert result.stdout.strip() == "'from-the-environment'"


def test_config_docs_needs_no_key(tmp_path: Path) -> None:
    result = zaakwerk(tmp_path / "data", "config-docs", "--output", "-", bare=True)
    assert result.returncode == 0, result.stderr
    assert "`SECRET_KEY`" in result.stdout


def test_the_key_file_is_random_private_and_kept(tmp_path: Path) -> None:
    # when two installations generate their key files
    assert create_key_file(tmp_path / "one") is True
    assert create_key_file(tmp_path / "two") is True
    key = read_key_file(tmp_path / "one")
    # then the keys are long, differ, are readable by the owner only, and are never replaced
    assert len(key) >= 50
    assert key != read_key_file(tmp_path / "two")
    assert stat.S_IMODE((tmp_path / "one" / "secret_key").stat().st_mode) == 0o600
    assert create_key_file(tmp_path / "one") is False
    assert read_key_file(tmp_path / "one") == key


def test_an_empty_key_file_is_replaced(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "secret_key").write_text("\n")
    assert create_key_file(tmp_path / "data") is True
    assert len(read_key_file(tmp_path / "data")) >= 50
