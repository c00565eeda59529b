"""The quickstart's demo zaken: each list has something, and a second run makes no more."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User

from tests.werkplek.actions_support import werkplek_client, zaaktype
from tests.werkplek.read_model_support import subscribed
from zaakwerk.werkplek.demo import DEMO_ZAKEN, TEAMS, load_demo_zaken
from zaakwerk.werkplek.models import ZaakRow

pytestmark = pytest.mark.django_db


def test_demo_zaken_fill_every_list_once() -> None:
    client = werkplek_client()
    zaaktype(client, "PARKEERVERGUNNING")  # the demo catalogus
    subscribed()  # (the kanalen)
    for username in ("behandelaar", "coordinator"):
        User.objects.create_user(username)
    first = load_demo_zaken(today=date(2026, 12, 3))
    assert first.created == DEMO_ZAKEN and first.rows == DEMO_ZAKEN
    rows = ZaakRow.objects.all()
    assert rows.filter(einddatum__isnull=True, behandelaar="", team__in=TEAMS.values()).count() == 2
    assert rows.filter(einddatum__isnull=True, behandelaar="behandelaar").count() == 2
    assert rows.filter(einddatum__isnull=False).count() == 1
    assert rows.filter(documenten=1).count() == 1
    assert set(User.objects.get(username="behandelaar").groups.values_list("name", flat=True)) == set(
        TEAMS.values()
    )
    second = load_demo_zaken(today=date(2026, 12, 3))
    assert second.created == 0 and ZaakRow.objects.count() == DEMO_ZAKEN
