"""A deployment of its own for the fault test and the benchmark: ``python -m
tests.archief.fault_support setup N DOCS`` fills it (N closed zaken with DOCS documents each, on one
approved destruction list) and prints the list's UUID; ``check`` prints, as JSON, what is left of
them in the registers. Run with the deployment's environment (``environment()``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def environment(data: Path, database_url: str = "") -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    if database_url:
        env["DATABASE_URL"] = database_url
    env.update(
        DJANGO_SETTINGS_MODULE="zaakwerk.conf.settings",
        ZAAKWERK_DATA_DIR=str(data),
        ZAAKWERK_PUBLIC_URL="http://127.0.0.1:18400",
        SECRET_KEY="zaakwerk-archief-fault-test-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        ZAAKWERK_EMBEDDED_WORKER="off",
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT),
    )
    return env


def command(env: dict[str, str], *args: str, timeout: float = 3600) -> str:
    done = subprocess.run(
        [sys.executable, *args], env=env, capture_output=True, text=True, timeout=timeout, cwd=ROOT
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def migrate(env: dict[str, str]) -> None:
    command(env, "-m", "zaakwerk.cli", "migrate")


def _setup(count: int, documents: int) -> str:
    from django.contrib.auth.models import User

    from tests.archief.support import archief_client, closed_zaak, staff, zaaktype
    from zaakwerk.archief.roles import ArchiefRole
    from zaakwerk.archief.services import lists, selection

    client = archief_client()
    melding = zaaktype(client)
    urls = [closed_zaak(client, melding, documenten=documents).zaak.url for _ in range(count)]
    people = {}
    for name, role in (
        ("rm", ArchiefRole.RECORDMANAGER),
        ("rev", ArchiefRole.REVIEWER),
        ("arch", ArchiefRole.ARCHIVARIS),
    ):
        people[name] = User.objects.filter(username=name).first() or staff(name, role)
    found = lists.compose(people["rm"], f"{count} zaken", selection.by_urls(client, urls))
    lists.submit(people["rm"], found, people["rev"])
    lists.approve(people["rev"], found)
    lists.approve(people["arch"], found)
    return str(found.uuid)


def _setup_transfer(count: int, documents: int) -> None:
    from tests.archief.support import archief_client, closed_zaak, zaaktype

    client = archief_client()
    melding = zaaktype(client)
    for _ in range(count):
        closed_zaak(client, melding, documenten=documents, archiefnominatie="blijvend_bewaren")


def _transfer() -> dict[str, object]:
    from django.contrib.auth.models import User
    from django.utils import timezone

    from tests.archief.support import archief_client
    from zaakwerk.archief.services import selection, transfer

    client = archief_client()
    filters = selection.Filters(kind=selection.Kind.OVERBRENGEN)
    urls = [found.url for found in selection.candidates(client, filters, timezone.localdate())]
    user = User.objects.filter(username="rm").first() or User.objects.create_user("rm")
    package = transfer.create(client, user, "benchmark", urls)
    return {
        "state": package.state,
        "zaken": package.zaken,
        "documenten": package.documenten,
        "bytes": package.size,
    }


def _check(list_uuid: str) -> dict[str, object]:
    from tests.archief.support import archief_client, exists
    from zaakwerk.archief.models import DestructionList

    client = archief_client()
    found = DestructionList.objects.get(uuid=list_uuid)
    zaken_left = documents_left = half = 0
    for item in found.items.all():
        zaak_there = exists(client.zaken.zaken, item.zaak_url)
        docs = [
            exists(client.documenten.enkelvoudiginformatieobjecten, url)
            for url in item.plan.get("documenten", [])
        ]
        zaken_left += zaak_there
        documents_left += sum(docs)
        half += (zaak_there and not all(docs)) or (any(docs) and not all(docs))
    verklaringen = list(client.zaken.zaken.list(identificatie=found.verklaring_identificatie))
    return {
        "state": found.state,
        "steps": sorted(set(found.items.values_list("step", flat=True))),
        "zaken_left": zaken_left,
        "documents_left": documents_left,
        "half": half,
        "verklaringen": len(verklaringen),
    }


def main(argv: list[str]) -> None:
    import django

    django.setup()
    if argv[0] == "setup":
        print(_setup(int(argv[1]), int(argv[2])))
    elif argv[0] == "check":
        print(json.dumps(_check(argv[1])))
    elif argv[0] == "setup-transfer":
        _setup_transfer(int(argv[1]), int(argv[2]))
    elif argv[0] == "transfer":
        print(json.dumps(_transfer()))


if __name__ == "__main__":
    main(sys.argv[1:])
