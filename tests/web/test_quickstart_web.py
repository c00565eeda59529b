"""The quickstart's web step: front-end files and one demo account per role, printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from zaakwerk.ops import webapps
from zaakwerk.web import assets
from zaakwerk.web.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_npm(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(assets, "ensure", lambda npm="npm": False)


def test_one_account_per_role_with_the_printed_password(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # when
    report = webapps.prepare(tmp_path)
    webapps.print_login(report)
    # then
    printed = capsys.readouterr().out
    assert "http://testserver/werkplek/" in printed
    assert "http://testserver/medewerker/inloggen/" in printed
    assert f"Password      {report.password}" in printed
    for role, username in webapps.USERNAMES.items():
        user = User.objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [role.value]
        # and the printed password opens the werkplek
        client = Client()
        response = client.post("/medewerker/inloggen/", {"username": username, "password": report.password})
        assert response["Location"] == "/werkplek/", username
        assert str(role.label) in client.get("/werkplek/").text
    assert {role for role in Role} == set(webapps.USERNAMES)


def test_a_second_run_keeps_the_password_and_leaves_a_changed_one(tmp_path: Path) -> None:
    first = webapps.prepare(tmp_path)
    changed = User.objects.get(username="beheerder")
    changed.set_password("something-else-entirely")
    changed.save()
    # when
    second = webapps.prepare(tmp_path)
    # then
    assert second.password == first.password
    assert second.changed_password == ["beheerder"]
    assert User.objects.filter(username__in=webapps.USERNAMES.values()).count() == len(Role)
    assert (tmp_path / webapps.PASSWORD_FILE).stat().st_mode & 0o777 == 0o600


def test_without_npm_the_accounts_are_made_and_the_problem_is_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_npm(npm: str = "npm") -> bool:
        raise assets.AssetsError("npm is not installed; install Node.js 20 with npm\nmore")

    monkeypatch.setattr(assets, "ensure", no_npm)
    report = webapps.prepare(tmp_path)
    assert len(report.accounts) == len(Role)
    assert "front-end files not built (npm is not installed" in report.summary()
    webapps.print_login(report)
    assert "Front-end files missing" in capsys.readouterr().out
