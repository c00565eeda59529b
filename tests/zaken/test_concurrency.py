"""Generated identificaties stay unique when zaken are created at the same time (zrc-002)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from tests.zaken.factories import BRONORGANISATIE, zaaktype
from tests.zgw import client_with
from zaakwerk.core.actor import Actor
from zaakwerk.zaken.models import Zaak
from zaakwerk.zaken.services.inputs import ZaakValues
from zaakwerk.zaken.services.zaken import create_zaak

THREADS = 6
PER_THREAD = 5


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_creates_get_unique_identificaties() -> None:
    # given a published zaaktype
    zaaktype_url = zaaktype(client_with("gelijktijdig", all_authorizations=True))["url"]
    values: ZaakValues = {
        "bronorganisatie": BRONORGANISATIE,
        "verantwoordelijke_organisatie": BRONORGANISATIE,
        "zaaktype": zaaktype_url,
        "startdatum": __import__("datetime").date(2024, 5, 1),
    }

    def create_many(_: int) -> list[str]:
        try:
            return [create_zaak(values, Actor.system()).identificatie for _ in range(PER_THREAD)]
        finally:
            connection.close()

    # when several threads create zaken at once
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = [ident for batch in pool.map(create_many, range(THREADS)) for ident in batch]
    # then every zaak got its own identificatie
    assert len(results) == THREADS * PER_THREAD
    assert len(set(results)) == len(results)
    assert Zaak.objects.count() == THREADS * PER_THREAD
