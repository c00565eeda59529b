"""``zaakwerk formulieren authorise | demo | retry`` as docs/formulieren.md shows them."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.formulieren.flow import start
from zaakwerk.autorisaties.models import ApiClient
from zaakwerk.cli import build_parser, dispatch
from zaakwerk.formulieren.models import Formulier, Inzending
from zaakwerk.ops.demo import DemoReport

pytestmark = pytest.mark.django_db


def run(*argv: str) -> int:
    return dispatch(build_parser().parse_args(argv))


def test_authorise_is_idempotent(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("formulieren", "authorise") == 0
    assert run("formulieren", "authorise") == 0
    assert ApiClient.objects.filter(client_id="zaakwerk-formulieren").count() == 1
    assert "forms registered as API client zaakwerk-formulieren" in capsys.readouterr().out


def test_demo_loads_the_forms_once(catalogus: DemoReport, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("formulieren", "demo", "--catalogus", catalogus.catalogus) == 0
    assert run("formulieren", "demo", "--catalogus", catalogus.catalogus) == 0
    assert set(Formulier.objects.values_list("slug", flat=True)) == {
        "melding-openbare-ruimte",
        "parkeervergunning",
    }
    assert all(formulier.versies.count() == 1 for formulier in Formulier.objects.all())
    assert "demo forms: melding-openbare-ruimte, parkeervergunning" in capsys.readouterr().out


def test_retry_removes_expired_drafts(demo: dict[str, Formulier], capsys: pytest.CaptureFixture[str]) -> None:
    from django.test import Client

    start(Client(), "melding-openbare-ruimte")
    start(Client(), "melding-openbare-ruimte")
    Inzending.objects.filter(pk=Inzending.objects.first().pk).update(  # type: ignore[union-attr]
        verloopt=timezone.now() - timedelta(seconds=1)
    )
    assert run("formulieren", "retry") == 0
    assert Inzending.objects.count() == 1
    assert "0 submission(s) registered, 0 still failing" in capsys.readouterr().out
