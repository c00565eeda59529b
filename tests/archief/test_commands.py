"""``zaakwerk archief authorise`` and ``zaakwerk archief run``, and the archief's demo accounts."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User

from zaakwerk.archief.roles import ArchiefRole, archief_roles
from zaakwerk.archief.services import lock
from zaakwerk.autorisaties.models import ApiClient
from zaakwerk.cli import build_parser, dispatch
from zaakwerk.ops import webapps

pytestmark = pytest.mark.django_db


def run(*args: str) -> int:
    return dispatch(build_parser().parse_args(["archief", *args]))


def test_authorise_is_idempotent(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("authorise") == 0 and run("authorise") == 0
    assert "archief registered as API client zaakwerk-archief" in capsys.readouterr().out
    assert ApiClient.objects.filter(client_id="zaakwerk-archief").count() == 1


def test_run_with_nothing_approved_and_while_another_run_is_busy(capsys: pytest.CaptureFixture[str]) -> None:
    run("authorise")
    assert run("run") == 0
    assert "0 list(s)" in capsys.readouterr().out
    held = lock.acquire()
    try:
        assert run("run") == 1
        assert "another destruction run is busy" in capsys.readouterr().err
    finally:
        lock.release(held)


def test_the_quickstart_makes_a_reviewer_and_an_archivaris(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = webapps.prepare(tmp_path)
    webapps.print_login(report)
    printed = capsys.readouterr().out
    assert "http://testserver/archief/" in printed and "reviewer, archivaris" in printed
    assert archief_roles(User.objects.get(username="reviewer")) == {ArchiefRole.REVIEWER}
    assert archief_roles(User.objects.get(username="archivaris")) == {ArchiefRole.ARCHIVARIS}
    assert ArchiefRole.RECORDMANAGER in archief_roles(User.objects.get(username="recordmanager"))
    assert User.objects.get(username="reviewer").check_password(report.password)
