"""A slow server cannot hold a lock or a request beyond its deadline (issue 10, "Remote fetches
inside the write transaction, without an overall deadline").

Against a real server (its own threads, database and transactions): a write that names a URL of a
server dripping one byte a second waits for it outside any transaction, so another write on the
same zaak and the health check are answered meanwhile, and the slow write ends at the deadline
(8 s on that server) with ``bad-url``.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import httpx

from tests.client.conftest import Deployment
from tests.client.loopback import drip, serving
from zaakwerk.client import ClientCredentials, HTTPStatusError, ZGWClient
from zaakwerk.ops.demo import load_demo


def test_a_drip_server_holds_no_lock_and_the_deadline_holds(other_deployment: Deployment) -> None:
    client = ZGWClient(
        ZGWClient.roots_at(other_deployment.url),
        auth=ClientCredentials(other_deployment.client_id, other_deployment.secret),
        timeout=60,  # longer than the server's own deadline, which is what is tested
    )
    catalogus = load_demo(client, referentielijsten=other_deployment.referentielijsten).catalogus
    zaaktype = next(
        client.catalogi.zaaktypen.list(catalogus=catalogus, identificatie="MELDING-OPENBARE-RUIMTE")
    )
    zaak = client.zaken.zaken.create(
        {
            "bronorganisatie": "002220647",
            "verantwoordelijkeOrganisatie": "002220647",
            "zaaktype": zaaktype.url,
            "startdatum": "2024-03-01",
        }
    )
    # given a server that takes two minutes to send a communicatiekanaal, one byte a second
    with serving(drip(every=1.0, bytes_total=120)) as slow:
        kanaal = (
            f"{slow.url}/referentielijsten/api/v1/communicatiekanalen/6f7c0000-0000-4000-8000-000000000001"
        )
        outcome: dict[str, Any] = {}

        def slow_write() -> None:
            started = time.monotonic()
            try:
                client.zaken.zaken.partial_update(zaak.url, {"communicatiekanaal": kanaal})
            except HTTPStatusError as exc:
                outcome["answer"] = (exc.status, [item["code"] for item in exc.invalid_params])
            outcome["seconds"] = time.monotonic() - started

        # when a write names it, and the server is busy fetching it
        writer = threading.Thread(target=slow_write)
        writer.start()
        waited = time.monotonic()
        while not slow.hits and time.monotonic() - waited < 30:
            time.sleep(0.05)
        assert slow.hits, "the server never fetched the URL"
        # then another write to the same zaak and the health check are answered meanwhile
        other = client.zaken.zaken.partial_update(zaak.url, {"toelichting": "Tussendoor bijgewerkt"})
        health = httpx.get(f"{other_deployment.url}/healthz", timeout=5)
        assert writer.is_alive(), "the slow write ended before the others: they were not answered meanwhile"
        writer.join(timeout=90)
    assert other.toelichting == "Tussendoor bijgewerkt"
    assert health.status_code == 200
    # and the slow write ended at the deadline, long before the server would have finished
    assert outcome["answer"] == (400, ["bad-url"])
    assert outcome["seconds"] < 60
