"""Building the front-end files from the locked npm packages."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from django.core.management import call_command
from pytest_django import Settings

from zaakwerk.web import assets

FAKE_NPM = """#!/bin/sh
# stands in for `npm ci`: records its arguments and lays out the locked packages' files
echo "$@" > "{log}"
for file in {files}; do
  mkdir -p "node_modules/$(dirname "$file")"
  echo "contents of $file" > "node_modules/$file"
done
"""


@pytest.fixture
def frontend(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the package's frontend folder and an empty vendor folder, in tmp_path."""
    source = tmp_path / "frontend"
    source.mkdir()
    for name in ("package.json", "package-lock.json"):
        (source / name).write_bytes((assets.FRONTEND / name).read_bytes())
    vendor = tmp_path / "vendor"
    monkeypatch.setattr(assets, "FRONTEND", source)
    monkeypatch.setattr(assets, "VENDOR", vendor)
    monkeypatch.setattr(assets, "STAMP", vendor / "built-from.txt")
    return tmp_path


def fake_npm(folder: Path) -> str:
    script = folder / "npm"
    script.write_text(FAKE_NPM.format(files=" ".join(assets.FILES.values()), log=folder / "npm-args"))
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


def test_build_copies_the_locked_files_and_records_the_lock(frontend: Path) -> None:
    assert not assets.is_current()
    # when
    assert assets.ensure(npm=fake_npm(frontend)) is True
    # then every file is there, from a clean install of the lock file (npm ci, no scripts)
    for target, source in assets.FILES.items():
        assert (assets.VENDOR / target).read_text() == f"contents of {source}\n"
    assert assets.is_current()
    assert (frontend / "npm-args").read_text().startswith("ci --ignore-scripts")
    # and a second call does nothing
    assert assets.ensure(npm=fake_npm(frontend)) is False


def test_a_changed_lock_file_makes_the_files_stale(frontend: Path) -> None:
    assets.ensure(npm=fake_npm(frontend))
    lock = assets.FRONTEND / "package-lock.json"
    lock.write_text(lock.read_text().replace('"lockfileVersion"', '"lockfileVersion" ', 1))
    assert not assets.is_current()


def test_a_missing_file_makes_the_files_stale(frontend: Path) -> None:
    assets.ensure(npm=fake_npm(frontend))
    (assets.VENDOR / "htmx" / "htmx.min.js").unlink()
    assert not assets.is_current()


def test_without_npm_the_error_says_what_to_install(frontend: Path) -> None:
    with pytest.raises(assets.AssetsError, match=r"Node\.js 20 with npm"):
        assets.build(npm="no-such-npm-here")
    assert not assets.VENDOR.exists()


def test_a_failing_npm_changes_nothing(frontend: Path) -> None:
    failing = frontend / "npm"
    failing.write_text("#!/bin/sh\necho 'E404 not found' >&2\nexit 1\n")
    failing.chmod(0o755)
    with pytest.raises(assets.AssetsError, match="E404"):
        assets.build(npm=str(failing))
    assert not assets.VENDOR.exists()


def test_the_lock_pins_every_package_with_an_integrity_hash() -> None:
    import json

    package = json.loads((assets.FRONTEND / "package.json").read_text())
    lock = json.loads((assets.FRONTEND / "package-lock.json").read_text())
    for name, version in package["dependencies"].items():
        assert version[0].isdigit(), f"{name} is not pinned to one version: {version}"
        assert lock["packages"][f"node_modules/{name}"]["version"] == version
    assert all(entry.get("integrity") for key, entry in lock["packages"].items() if key)


def test_collectstatic_serves_the_built_files(tmp_path: Path, settings: Settings) -> None:
    if not assets.is_current():
        pytest.skip("front-end files not built (python -m zaakwerk.web.assets)")
    settings.STATIC_ROOT = str(tmp_path / "static")
    call_command("collectstatic", interactive=False, verbosity=0)
    for target in assets.FILES:
        assert (tmp_path / "static" / "zaakwerk_web" / "vendor" / target).exists()
    assert (tmp_path / "static" / "zaakwerk_web" / "zaakwerk.css").exists()


def test_the_command_reports_and_checks(frontend: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert assets.main(["--check"]) == 1
    assets.ensure(npm=fake_npm(frontend))
    assert assets.main(["--check"]) == 0
    assert assets.main([]) == 0
    assert "already current" in capsys.readouterr().out
