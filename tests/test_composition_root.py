"""Every process is connected at start-up, not only one that loads the URLs (docs/adr/0040).

Each test runs real processes — ``django-admin shell``, ``zaakwerk worker`` — on a demo
installation made by ``zaakwerk quickstart --no-serve``; none of them loads the URL configuration,
which is where the registers used to be connected. A process whose settings leave the composition
root out refuses: a missing connection is an error, never a silent "allowed".
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from zaakwerk.core import registry

WIRED = "zaakwerk.conf.settings"
UNWIRED = "unwired_settings"  # the production settings without the composition root's app

# Creates a zaak of the demo zaaktype PARKEERVERGUNNING through the Zaken service.
CREATE_ZAAK = """
from datetime import date
from zaakwerk.catalogi.models import ZaakType
from zaakwerk.core.actor import Actor
from zaakwerk.core.references import build_url
from zaakwerk.zaken.services.zaken import create_zaak

zaaktype = ZaakType.objects.get(identificatie="PARKEERVERGUNNING")
values = {
    "zaaktype": build_url("catalogi", "zaaktypen", zaaktype.uuid),
    "bronorganisatie": "002220647",
    "verantwoordelijke_organisatie": "002220647",
    "startdatum": date(2024, 5, 1),
}
create_zaak(values, Actor.system("test"))
print("created")
"""

# Tries to delete that zaaktype (geforceerd) through the Catalogi service; prints what happened.
DELETE_ZAAKTYPE = """
import json, sys
from zaakwerk.catalogi.models import ZaakType
from zaakwerk.catalogi.services.zaaktypen import delete_zaaktype
from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import ValidationError

zaaktype = ZaakType.objects.get(identificatie="PARKEERVERGUNNING")
try:
    delete_zaaktype(zaaktype, Actor.system("test"), geforceerd=True)
    outcome = "deleted"
except ValidationError as exc:
    outcome = [error.code for error in exc.errors]
except Exception as exc:
    outcome = f"{type(exc).__name__}: {exc}"
print(json.dumps({
    "outcome": outcome,
    "kept": ZaakType.objects.filter(pk=zaaktype.pk).exists(),
    "urls_loaded": "zaakwerk.urls" in sys.modules,
}))
"""

# Asks an unconnected process for the in-process Documenten register and for a local object.
ASK_UNCONNECTED = """
import json
from zaakwerk.catalogi.models import ZaakType
from zaakwerk.core.references import build_url, fetch
from zaakwerk.zaken import registers

document = build_url("documenten", "enkelvoudiginformatieobjecten", "5d940d52-ff5e-4b18-a769-919f2a4f1a23")
zaaktype = build_url("catalogi", "zaaktypen", ZaakType.objects.get(identificatie="PARKEERVERGUNNING").uuid)
outcomes = {}
for name, ask in (("documenten", lambda: registers.documenten(document)), ("fetch", lambda: fetch(zaaktype))):
    try:
        ask()
        outcomes[name] = "answered"
    except Exception as exc:
        outcomes[name] = f"{type(exc).__name__}: {exc}"
print(json.dumps(outcomes))
"""


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with a migrated embedded database and the demo catalogus."""
    folder = tmp_path_factory.mktemp("demo") / "data"
    done = run([sys.executable, "-m", "zaakwerk.cli", "quickstart", "--no-serve"], folder)
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture
def data(demo: Path, tmp_path: Path) -> Path:
    """A copy of the demo installation of this test's own."""
    return Path(shutil.copytree(demo, tmp_path / "data"))


def environment(data_dir: Path, settings_module: str = WIRED, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(
        ZAAKWERK_DATA_DIR=str(data_dir),
        DJANGO_SETTINGS_MODULE=settings_module,
        PYTHONPATH=os.pathsep.join([str(data_dir.parent), env.get("PYTHONPATH", "")]),
        **extra,
    )
    return env


def run(args: list[str], data_dir: Path, settings_module: str = WIRED) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args,
        env=environment(data_dir, settings_module),
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def shell(data_dir: Path, script: str, settings_module: str = WIRED) -> str:
    """Run ``script`` in a fresh ``django-admin shell``; its last line of output."""
    done = run([sys.executable, "-m", "django", "shell", "-c", script], data_dir, settings_module)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def write_unwired_settings(data_dir: Path) -> None:
    (data_dir.parent / f"{UNWIRED}.py").write_text(
        f"from {WIRED} import *  # noqa: F403\n\n"
        'INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "zaakwerk.wiring"]  # noqa: F405\n'
    )


def test_a_shell_refuses_to_delete_a_zaaktype_in_use(data: Path) -> None:
    # given a zaak of the zaaktype, made in another process
    assert shell(data, CREATE_ZAAK) == "created"
    # when a fresh shell process, which never loads the URLs, deletes the zaaktype
    result: dict[str, Any] = json.loads(shell(data, DELETE_ZAAKTYPE))
    # then it is refused as the API refuses it, and the zaaktype is still there
    assert result == {"outcome": ["pending-relations"], "kept": True, "urls_loaded": False}


def test_a_process_without_the_composition_root_refuses(data: Path) -> None:
    # given a zaak of the zaaktype, and settings that leave the composition root out
    assert shell(data, CREATE_ZAAK) == "created"
    write_unwired_settings(data)
    # when such a process deletes the zaaktype, or asks for another register
    deleted: dict[str, Any] = json.loads(shell(data, DELETE_ZAAKTYPE, UNWIRED))
    asked: dict[str, str] = json.loads(shell(data, ASK_UNCONNECTED, UNWIRED))
    # then each is refused with an error that says what is missing, and nothing is deleted
    assert deleted["kept"] is True
    assert deleted["outcome"].startswith("NotConnected: ")
    assert "zaakwerk.wiring" in deleted["outcome"]
    assert asked["documenten"].startswith("NotConnected: ")
    assert asked["fetch"].startswith("NotConnected: ")
    # and a zaakwerk command does not even start
    worker = run([sys.executable, "-m", "zaakwerk.cli", "worker"], data, UNWIRED)
    assert worker.returncode == 1
    assert worker.stderr.startswith(
        "error: The registers of this process are not connected"
    )  # docs/operations.md
    assert "zaakwerk.wiring" in worker.stderr


def test_the_worker_process_is_connected(data: Path) -> None:
    # given a delivery worker in a fresh process, logging what it has connected at start-up
    log_path = data.parent / "worker.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "zaakwerk.cli", "worker"],
            env=environment(data, LOG_LEVEL="DEBUG"),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            # when it has started (bounded wait)
            deadline = time.monotonic() + 60
            while " started " not in log_path.read_text() and time.monotonic() < deadline:
                assert process.poll() is None, log_path.read_text()
                time.sleep(0.1)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
    output = log_path.read_text()
    # then it stopped cleanly, and connected exactly what this (test) process has connected
    assert process.returncode == 0, output
    marker = "zaakwerk.wiring.root connected "
    connected = {line.split(marker, 1)[1] for line in output.splitlines() if marker in line}
    assert connected == {entry.describe() for entry in registry.registries()}
    assert "catalogi type usage: besluittypen, informatieobjecttypen, zaaktypen" in connected
