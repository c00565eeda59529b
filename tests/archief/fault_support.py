"""A deployment of its own for the fault test and the benchmark: ``python -m
tests.archief.fault_support setup N DOCS [bulk]`` fills it (N closed zaken with DOCS documents each,
on one approved destruction list) and prints the list's UUID; ``check`` prints, as JSON, what is
left of them in the registers. Run with the deployment's environment (``environment()``).

Without ``bulk`` every zaak is made through the APIs (about ten requests each); with it, one is and
the others are copies of its rows (``tests/archief/bulk.py``, checked by ``test_bulk.py``), which
makes 10,000 in minutes instead of hours. Either way they are destroyed through the APIs."""

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


def _made(count: int, documents: int, archiefnominatie: str, *, bulk: bool, prefix: str) -> list[str]:
    """The URLs of ``count`` closed zaken with ``documents`` documents each."""
    from tests.archief.bulk import clone
    from tests.archief.support import archief_client, closed_zaak, zaaktype

    client = archief_client()
    melding = zaaktype(client)
    if not bulk:
        return [
            closed_zaak(client, melding, documenten=documents, archiefnominatie=archiefnominatie).zaak.url
            for _ in range(count)
        ]
    made = closed_zaak(client, melding, documenten=documents, archiefnominatie=archiefnominatie)
    return [made.zaak.url, *clone(made, count - 1, prefix=prefix)]


def _setup(count: int, documents: int, *, bulk: bool = False) -> str:
    from django.contrib.auth.models import User
    from django.utils import timezone

    from tests.archief.support import archief_client, staff
    from zaakwerk.archief.roles import ArchiefRole
    from zaakwerk.archief.services import lists, selection

    urls = set(_made(count, documents, "vernietigen", bulk=bulk, prefix="VERN"))
    client = archief_client()
    # read as the selection page reads them: 100 per request
    filters = selection.Filters(kind=selection.Kind.VERNIETIGEN)
    chosen = [
        found for found in selection.candidates(client, filters, timezone.localdate()) if found.url in urls
    ]
    people = {}
    for name, role in (
        ("rm", ArchiefRole.RECORDMANAGER),
        ("rev", ArchiefRole.REVIEWER),
        ("arch", ArchiefRole.ARCHIVARIS),
    ):
        people[name] = User.objects.filter(username=name).first() or staff(name, role)
    found = lists.compose(people["rm"], f"{count} zaken", chosen)
    lists.submit(people["rm"], found, people["rev"])
    lists.approve(people["rev"], found)
    lists.approve(people["arch"], found)
    return str(found.uuid)


def _setup_transfer(count: int, documents: int, *, bulk: bool = False) -> None:
    _made(count, documents, "blijvend_bewaren", bulk=bulk, prefix="OVER")


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


def _overdragen() -> dict[str, object]:
    """The e-Depot's receipt of the last package recorded, and its zaken marked overgedragen."""
    from django.contrib.auth.models import User
    from django.utils import timezone

    from tests.archief.support import archief_client
    from zaakwerk.archief.models import TransferPackage
    from zaakwerk.archief.services import overdracht

    package = TransferPackage.objects.latest("created_at")
    today = timezone.localdate()
    user = User.objects.get(username="rm")
    overdracht.confirm_receipt(user, package, ontvangen_op=today, kenmerk="benchmark", today=today)
    report = overdracht.run(archief_client())
    return {"marked": report.marked, "rejected": report.rejected, "finished": report.finished}


def _check(list_uuid: str) -> dict[str, object]:
    """What is left of the list's zaken and their documents, from two listings of the registers
    (after a destruction they are short) rather than a request per zaak and document."""
    from tests.archief.support import archief_client
    from zaakwerk.archief.models import DestructionList

    client = archief_client()
    found = DestructionList.objects.get(uuid=list_uuid)
    zaken = {zaak.url for zaak in client.zaken.zaken.list()}
    documents = {document.url for document in client.documenten.enkelvoudiginformatieobjecten.list()}
    zaken_left = documents_left = half = 0
    for item in found.items.all():
        zaak_there = item.zaak_url in zaken
        docs = [url in documents for url in item.plan.get("documenten", [])]
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
    bulk = argv[-1] == "bulk"
    if argv[0] == "setup":
        print(_setup(int(argv[1]), int(argv[2]), bulk=bulk))
    elif argv[0] == "check":
        print(json.dumps(_check(argv[1])))
    elif argv[0] == "setup-transfer":
        _setup_transfer(int(argv[1]), int(argv[2]), bulk=bulk)
    elif argv[0] == "transfer":
        print(json.dumps(_transfer()))
    elif argv[0] == "overdragen":
        print(json.dumps(_overdragen()))


if __name__ == "__main__":
    main(sys.argv[1:])
