"""The ``zaakwerk`` command: migrate, client add, token, config-docs, the demo catalogus, serve."""

from __future__ import annotations

import time
from importlib.metadata import version
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest

from tests.ops.helpers import free_port, one_line_error, running, wait_until_healthy, zaakwerk
from tests.zgw import ZGWClient
from zaakwerk.autorisaties.models import ApiClient, Applicatie, ClientId
from zaakwerk.cli import main
from zaakwerk.ops import config_docs, quickstart
from zaakwerk.ops.demo import demo_client, load_demo, referentielijsten_root

CATALOGI = "/catalogi/api/v1"
REPOSITORY = Path(__file__).resolve().parents[2]


def test_migrate_creates_the_database_and_is_idempotent(tmp_path: Path) -> None:
    # when
    first = zaakwerk(tmp_path / "data", "migrate")
    second = zaakwerk(tmp_path / "data", "migrate")
    # then
    assert first.returncode == 0, first.stderr
    assert "Applied" in first.stdout
    assert (tmp_path / "data" / "zaakwerk.sqlite3").exists()
    assert second.returncode == 0, second.stderr
    assert "up to date" in second.stdout


@pytest.mark.django_db
def test_client_add_is_idempotent_and_its_token_works(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["client", "add", "--client-id", "ops-client", "--secret", "s" * 40, "--all-authorizations"]
    # when the same client is added twice
    assert main(args) == 0
    assert main(args) == 0
    # then there is one client in one Applicatie with all authorisations
    assert ApiClient.objects.filter(client_id="ops-client").count() == 1
    link = ClientId.objects.select_related("applicatie").get(client_id="ops-client")
    assert link.applicatie.heeft_alle_autorisaties
    assert Applicatie.objects.filter(client_ids__client_id="ops-client").count() == 1
    capsys.readouterr()
    # and a token from `zaakwerk token` is accepted by the API
    assert main(["token", "--client-id", "ops-client"]) == 0
    token = capsys.readouterr().out.strip()
    response = ZGWClient(token).get(f"{CATALOGI}/zaaktypen")
    assert response.status_code == 200, response.json_body


@pytest.mark.django_db
def test_client_add_refuses_an_empty_secret(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["client", "add", "--client-id", "x", "--secret", ""]) == 2
    assert "error" in capsys.readouterr().err
    assert not ApiClient.objects.filter(client_id="x").exists()


@pytest.mark.django_db
def test_token_has_the_zgw_claims(capsys: pytest.CaptureFixture[str]) -> None:
    # given
    main(["client", "add", "--client-id", "token-client", "--secret", "geheim" * 8])
    capsys.readouterr()
    # when
    code = main(
        ["token", "--client-id", "token-client", "--user-id", "u1", "--user-representation", "U. Een"]
    )
    # then
    assert code == 0
    claims = jwt.decode(capsys.readouterr().out.strip(), "geheim" * 8, algorithms=["HS256"])
    assert claims["iss"] == claims["client_id"] == "token-client"
    assert claims["user_id"] == "u1"
    assert claims["user_representation"] == "U. Een"
    assert abs(claims["iat"] - time.time()) < 600


@pytest.mark.django_db
def test_token_for_an_unknown_client_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["token", "--client-id", "nobody"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "nobody" in captured.err


def test_config_docs_check_detects_drift(tmp_path: Path) -> None:
    target = tmp_path / "configuration.md"
    # a missing file is out of date
    assert main(["config-docs", "--check", "--output", str(target)]) == 1
    # written, it is up to date and lists every setting
    assert main(["config-docs", "--output", str(target)]) == 0
    assert main(["config-docs", "--check", "--output", str(target)]) == 0
    text = target.read_text()
    for name in ("ZAAKWERK_DATA_DIR", "DATABASE_URL", "ZAAKWERK_PORT", "ZAAKWERK_WORKERS"):
        assert f"`{name}`" in text
    # an edited file is out of date again
    target.write_text(text.replace("ZAAKWERK_PORT", "ZAAKWERK_POORT"))
    assert main(["config-docs", "--check", "--output", str(target)]) == 1


def test_repository_configuration_reference_is_current() -> None:
    path = REPOSITORY / "docs" / "configuration.md"
    assert path.read_text() == config_docs.reference(), "run `zaakwerk config-docs`"


def test_quickstart_keeps_an_existing_secret_key(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    assert quickstart.prepare_data_dir(folder) is True
    key = (folder / "secret_key").read_text()
    assert len(key.strip()) >= 50
    assert quickstart.prepare_data_dir(folder) is False
    assert (folder / "secret_key").read_text() == key


@pytest.mark.django_db
def test_demo_client_keeps_working_on_a_second_run() -> None:
    first = quickstart.ensure_demo_client()
    second = quickstart.ensure_demo_client()
    assert second.secret == first.secret
    assert ZGWClient(first.token).get(f"{CATALOGI}/zaaktypen").status_code == 200
    assert ZGWClient(second.token).get(f"{CATALOGI}/zaaktypen").status_code == 200


def _zaaktypen(api: ZGWClient) -> list[dict[str, Any]]:
    response = api.get(f"{CATALOGI}/zaaktypen")
    assert response.status_code == 200, response.json_body
    return list(response.json_body["results"])


@pytest.mark.django_db
def test_demo_catalogus_is_loaded_through_the_api_once() -> None:
    # given
    credentials = quickstart.ensure_demo_client()
    api = ZGWClient(credentials.token)
    # when
    report = load_demo(demo_client(credentials.client_id, credentials.secret))
    # then three published zaaktypen, each with its sub-types
    zaaktypen = _zaaktypen(api)
    assert sorted(z["omschrijving"] for z in zaaktypen) == [
        "Aanvraag parkeervergunning",
        "Bezwaar",
        "Melding openbare ruimte",
        "Verklaring van vernietiging",
    ]
    for zaaktype in zaaktypen:
        assert zaaktype["concept"] is False
        assert zaaktype["catalogus"] == report.catalogus
        assert len(zaaktype["statustypen"]) == 3
        assert zaaktype["roltypen"] and zaaktype["resultaattypen"] and zaaktype["eigenschappen"]
        assert zaaktype["informatieobjecttypen"]
        resultaattypen = api.get(f"{CATALOGI}/resultaattypen", zaaktype=zaaktype["url"]).json_body["results"]
        for resultaattype in resultaattypen:
            assert resultaattype["selectielijstklasse"].startswith(f"{referentielijsten_root()}/resultaten/")
    # and a second run creates nothing new
    again = load_demo(demo_client(credentials.client_id, credentials.secret))
    assert again.created == []
    assert len(_zaaktypen(api)) == 4
    informatieobjecttypen = api.get(f"{CATALOGI}/informatieobjecttypen").json_body
    assert informatieobjecttypen["count"] == 6


def test_serve_answers_the_health_check_and_stops_on_sigterm(tmp_path: Path) -> None:
    # given a server on a free port
    port = free_port()
    with running(tmp_path / "data", "serve", "--port", str(port), "--workers", "1") as process:
        # when it is up
        response = wait_until_healthy(process, f"http://127.0.0.1:{port}")
        # then it answers the health check
        assert response.status_code == 200
        assert response.json() == {"status": "ok", "database": "up"}
        # and the admin's static files are served
        assert httpx.get(f"http://127.0.0.1:{port}/static/admin/css/base.css", timeout=5).status_code == 200
    assert process.returncode == 0


def test_version_is_the_installed_one(tmp_path: Path) -> None:
    result = zaakwerk(tmp_path / "data", "--version", bare=True)
    assert result.returncode == 0
    assert result.stdout.strip() == f"zaakwerk {version('zaakwerk')}"


def test_admin_add_creates_a_superuser_from_a_script(tmp_path: Path) -> None:
    # given a migrated installation
    data = tmp_path / "data"
    assert zaakwerk(data, "migrate").returncode == 0
    # when a script adds an admin account, with the password in the environment
    added = zaakwerk(
        data,
        "admin",
        "add",
        "--username",
        "beheer",
        "--email",
        "beheer@gemeente.example",
        extra={"DJANGO_SUPERUSER_PASSWORD": "een-lang-wachtwoord"},
    )
    # then it exists; without a password and without a terminal nothing is created
    assert added.returncode == 0, added.stderr
    refused = zaakwerk(data, "admin", "add", "--username", "zonder")
    assert "DJANGO_SUPERUSER_PASSWORD" in one_line_error(refused)
    again = zaakwerk(
        data, "admin", "add", "--username", "beheer", extra={"DJANGO_SUPERUSER_PASSWORD": "x" * 20}
    )
    assert "already taken" in one_line_error(again)
