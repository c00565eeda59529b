"""A newcomer's first hour: the quickstart on another port, its admin account, its examples."""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import User

from tests.ops.helpers import free_port, running, wait_until_healthy
from tests.ops.test_readme import README, shell_blocks
from zaakwerk.cli import use_listen_address_as_public_url
from zaakwerk.ops import quickstart


def printed_commands(output: str) -> list[str]:
    """The curl commands the quickstart printed (indented, continued with backslashes)."""
    return [match.replace("\\\n", " ") for match in re.findall(r"^  (curl (?:.*\\\n)*.*)$", output, re.M)]


def curl(command: str) -> tuple[int, str]:
    """Runs a printed command as a newcomer would paste it; returns the status and the body."""
    result = subprocess.run(
        ["bash", "-c", f"{command} -s -w '\\n%{{http_code}}'"], capture_output=True, text=True, timeout=60
    )
    body, _, status = result.stdout.rpartition("\n")
    return int(status or 0), body


def readme_calls(root: str, token: str, zaaktype: str) -> list[str]:
    """The README's example calls, each with the block's variable assignments before it."""
    block = next(block for block in shell_blocks(README.read_text()) if "TOKEN=" in block)
    block = block.replace("<the bearer token>", token)
    block = block.replace("<a zaaktype url from the first call>", zaaktype)
    lines = block.replace("http://127.0.0.1:8000", root).replace("\\\n", " ").splitlines()
    assignments = "; ".join(line for line in lines if not line.startswith("curl"))
    return [f"{assignments}; {line}" for line in lines if line.startswith("curl")]


def wait_for_line(log: Path, pattern: str) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = re.search(pattern, log.read_text())
        if found:
            return found[0]
        time.sleep(0.2)
    raise AssertionError(f"{pattern!r} not in {log.read_text()}")


def test_quickstart_on_another_port_makes_it_the_public_url(tmp_path: Path) -> None:
    # given a fresh directory, no SECRET_KEY and no public URL configured
    port = free_port()
    root = f"http://127.0.0.1:{port}"
    work = tmp_path / "checkout"
    work.mkdir()
    # when the newcomer starts the quickstart on a port of their choice
    with running(work / "var", "quickstart", "--port", str(port), bare=True, cwd=work) as process:
        assert wait_until_healthy(process, root).status_code == 200
        output = (work / "server.log").read_text()
        # then everything it prints names that port
        assert f"Root          {root}/" in output
        assert ":8000" not in output
        commands = printed_commands(output)
        assert len(commands) == 3
        assert all(root in command for command in commands)
        # and the printed Catalogi call lists the demo zaaktypen
        status, body = curl(commands[0])
        assert status == 200
        assert f'"url":"{root}/catalogi/api/v1/zaaktypen/' in body
        # and the printed Zaken call creates a zaak of the real zaaktype URL, on that port
        status, body = curl(commands[1])
        assert status == 201, body
        assert f'"url":"{root}/zaken/api/v1/zaken/' in body
        # and the zaak is listed (beside the demo resident's zaken of the loket)
        created = json.loads(body)["url"]
        status, body = curl(commands[2])
        assert status == 200
        assert f'"url":"{created}"' in body
        # and the printed admin account logs in
        password = wait_for_line(work / "server.log", r"user admin, password \S+").rsplit(" ", 1)[1]
        assert admin_login(root, "admin", password)
        # and the README's calls work too, with the token and a zaaktype filled in
        token = re.search(r"Bearer token  (\S+)", output)
        zaaktype = re.search(r'"zaaktype": "([^"]+)"', commands[1])
        assert token is not None and zaaktype is not None
        statuses = [curl(command)[0] for command in readme_calls(root, token[1], zaaktype[1])]
        assert statuses == [200, 201, 200]


def admin_login(root: str, username: str, password: str) -> bool:
    with httpx.Client(base_url=root) as browser:
        page = browser.get("/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert token is not None
        answer = browser.post(
            "/admin/login/?next=/admin/",
            data={"username": username, "password": password, "csrfmiddlewaretoken": token[1]},
        )
        return answer.status_code == 302 and answer.headers["Location"] == "/admin/"


@pytest.mark.django_db
def test_the_demo_admin_keeps_its_password_until_the_operator_changes_it(tmp_path: Path) -> None:
    # when the quickstart runs twice
    first = quickstart.ensure_demo_admin(tmp_path)
    second = quickstart.ensure_demo_admin(tmp_path)
    # then it is one superuser whose printed password works, the same both times
    assert first.password is not None
    assert second == first
    user = authenticate(username="admin", password=first.password)
    assert user is not None and user.is_superuser
    # and once the operator changed it, it is neither printed nor reset
    user.set_password("mijn-eigen-wachtwoord")
    user.save()
    assert quickstart.ensure_demo_admin(tmp_path).password is None
    assert User.objects.get(username="admin").check_password("mijn-eigen-wachtwoord")


@pytest.mark.parametrize(
    ("configured", "host", "port", "expected"),
    [
        (None, None, 8101, "http://127.0.0.1:8101"),
        (None, "0.0.0.0", 8102, "http://127.0.0.1:8102"),
        (None, "::1", 8103, "http://[::1]:8103"),
        (None, None, None, "http://127.0.0.1:8000"),
        ("https://zaken.gemeente.example", None, 8101, "https://zaken.gemeente.example"),
    ],
)
def test_the_listen_address_is_the_public_url_unless_one_is_configured(
    monkeypatch: pytest.MonkeyPatch, configured: str | None, host: str | None, port: int | None, expected: str
) -> None:
    monkeypatch.delenv("ZAAKWERK_HOST", raising=False)
    monkeypatch.delenv("ZAAKWERK_PORT", raising=False)
    if configured is None:
        monkeypatch.delenv("ZAAKWERK_PUBLIC_URL", raising=False)
    else:
        monkeypatch.setenv("ZAAKWERK_PUBLIC_URL", configured)
    use_listen_address_as_public_url(host, port)
    assert os.environ["ZAAKWERK_PUBLIC_URL"] == expected
