"""What the Documenten benchmarks share: the deployment's environment and a published catalogus.

Not a test module: nothing here asserts. See benchmarks/README.md.
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass

from common import CLIENT_ID, SECRET, progress

EIO = "/documenten/api/v1/enkelvoudiginformatieobjecten"


@dataclass(frozen=True)
class Informatieobjecttype:
    """A published informatieobjecttype, as the Catalogi API returned it."""

    url: str
    omschrijving: str
    vertrouwelijkheidaanduiding: str


def configure(database_url: str, public_url: str, data_dir: str | None = None) -> str:
    """The environment of this deployment; an empty ``database_url`` is the embedded SQLite.

    Returns the data directory (files and, for SQLite, the database), a new one unless given.
    """
    folder = data_dir or tempfile.mkdtemp(prefix="zaakwerk-bench-")
    os.environ.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="zaakwerk.conf.settings",
        ZAAKWERK_PUBLIC_URL=public_url,
        ZAAKWERK_DATA_DIR=folder,
    )
    return folder


def load_catalogus(count: int) -> list[Informatieobjecttype]:
    """Migrate, register the benchmark client, and publish ``count`` informatieobjecttypen.

    They are numbered copies of the demo catalogus's informatieobjecttypen (each with its own
    vertrouwelijkheidaanduiding), in one catalogus, created through the Catalogi API in-process.
    """
    from zaakwerk.ops.bootstrap import setup_django

    setup_django()
    from zaakwerk.autorisaties.clients import register_client
    from zaakwerk.ops import demo, migrate

    migrate.migrate()
    register_client(CLIENT_ID, SECRET, all_authorizations=True, label="Benchmark")
    data = demo.definition()
    templates = data["informatieobjecttypen"]
    found = []
    started = time.monotonic()
    api = demo.demo_client(CLIENT_ID, SECRET).catalogi
    catalogus = api.catalogussen.create(data["catalogus"]).url
    for number in range(count):
        item = templates[number % len(templates)]
        body = {**item, "omschrijving": f"{item['omschrijving']} {number}", "catalogus": catalogus}
        created = api.informatieobjecttypen.create(body)
        api.publish(created.url)
        found.append(
            Informatieobjecttype(
                url=created.url,
                omschrijving=created.omschrijving,
                vertrouwelijkheidaanduiding=created.vertrouwelijkheidaanduiding,
            )
        )
        progress("types", number + 1, count, started)
    return found
