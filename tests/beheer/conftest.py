"""Beheer's tests: a logged-in beheerder, beheer registered as API client, the demo catalogus, and
every answer the registers give beheer's client checked against the official spec."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from tests.client.conftest import _environment as deployment_environment
from tests.client.conftest import _run as run_command
from tests.contract import check_response
from tests.servers import free_port, stop, wait_until_healthy
from zaakwerk.beheer import zgw
from zaakwerk.client import ClientCredentials, ZGWClient, transport
from zaakwerk.ops.demo import load_demo
from zaakwerk.ops.webapps import authorise_beheer
from zaakwerk.web.roles import Role


@pytest.fixture(autouse=True)
def _validated(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every reply beheer's client gets matches the spec (tests/contract.py), also the replies of
    the other deployment over HTTP in the round trip (in-process ones are checked by the suite's
    own fixture as well)."""
    seen: list[str] = []
    original: Callable[..., transport.Reply] = transport.send

    def send(method: str, url: str, **kwargs: Any) -> transport.Reply:
        reply = original(method, url, **kwargs)
        path = urlsplit(url).path
        check_response(method, path, reply.status, reply.headers.get("Content-Type", ""), reply.content)
        seen.append(f"{method} {path} {reply.status}")
        return reply

    monkeypatch.setattr(transport, "send", send)
    yield seen


def beheerder(name: str = "beheer-test", role: Role = Role.BEHEERDER) -> User:
    user = User.objects.create_user(name, password="x" * 16, first_name="Bea", last_name="Heer")
    user.groups.add(Group.objects.get_or_create(name=role.value)[0])
    return user


@pytest.fixture
def user(db: None) -> User:
    authorise_beheer()
    return beheerder()


@pytest.fixture
def web(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def api(user: User) -> ZGWClient:
    return zgw.client_for(user)


@pytest.fixture
def demo(api: ZGWClient) -> str:
    """The demo catalogus (published zaaktypen PARKEERVERGUNNING, MELDING-OPENBARE-RUIMTE, …); its URL."""
    return load_demo(api, referentielijsten=zgw.referentielijsten_root()).catalogus


def zaaktype_url(api: ZGWClient, catalogus: str, identificatie: str) -> str:
    found = next(
        api.catalogi.zaaktypen.list(catalogus=catalogus, identificatie=identificatie, status="alles")
    )
    return found.url


def uuid_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class EmptyDeployment:
    url: str

    @property
    def referentielijsten(self) -> str:
        return f"{self.url}/referentielijsten/api/v1"

    def client(self) -> ZGWClient:
        """Beheer's client there (registered with ``zaakwerk beheer authorise``), over HTTP."""
        return ZGWClient(
            ZGWClient.roots_at(self.url), auth=ClientCredentials(zgw.CLIENT_ID, zgw.client_secret())
        )


@pytest.fixture(scope="session")
def empty_deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmptyDeployment]:
    """Another deployment with nothing in its catalogue, served by ``zaakwerk serve``."""
    data = tmp_path_factory.mktemp("lege-installatie")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = deployment_environment(data, url)
    run_command(env, "migrate")
    run_command(env, "beheer", "authorise")
    log = data / "server.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "zaakwerk.cli", "serve", "--port", str(port), "--workers", "1"],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        assert wait_until_healthy(url, process, seconds=90), f"not started:\n{log.read_text()[-3000:]}"
        yield EmptyDeployment(url)
    finally:
        stop(process)
