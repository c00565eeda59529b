"""Selection: the zaken whose archiefactiedatum has passed, by archiefnominatie, with filters on
zaaktype, period, resultaat and selectielijstklasse."""

from __future__ import annotations

from datetime import date

import pytest

from tests.archief.support import archief_client, closed_zaak, zaaktype
from zaakwerk.archief.services import selection
from zaakwerk.client import ZGWClient

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 3)


@pytest.fixture
def client() -> ZGWClient:
    return archief_client()


def ids(client: ZGWClient, filters: selection.Filters) -> set[str]:
    return {found.identificatie for found in selection.select(client, filters, TODAY).rows}


def test_filters(client: ZGWClient) -> None:
    melding = zaaktype(client)
    bezwaar = zaaktype(client, "BEZWAAR")
    opgelost = closed_zaak(
        client, melding, documenten=0, resultaat="Opgelost", archiefactiedatum="2019-05-01"
    )
    niet = closed_zaak(
        client, melding, documenten=0, resultaat="Niet opgelost", archiefactiedatum="2021-05-01"
    )
    ander = closed_zaak(client, bezwaar, documenten=0, archiefactiedatum="2022-05-01")
    later = closed_zaak(client, melding, documenten=0, archiefactiedatum="2027-01-01")
    bewaren = closed_zaak(client, melding, documenten=0, archiefnominatie="blijvend_bewaren")
    every = {z.zaak.identificatie for z in (opgelost, niet, ander)}
    # due zaken to destroy, not the later one nor the one to keep
    assert ids(client, selection.Filters()) == every
    assert later.zaak.identificatie not in ids(client, selection.Filters(tot=date(2030, 1, 1)))
    # by zaaktype, by period
    assert ids(client, selection.Filters(zaaktype=bezwaar.url)) == {ander.zaak.identificatie}
    period = selection.Filters(van=date(2020, 1, 1), tot=date(2021, 12, 31))
    assert ids(client, period) == {niet.zaak.identificatie}
    # by resultaat and by selectielijstklasse (the resultaattype's)
    rows = {row.identificatie: row for row in selection.select(client, selection.Filters(), TODAY).rows}
    chosen = rows[opgelost.zaak.identificatie]
    assert chosen.resultaat == "Opgelost" and chosen.selectielijstklasse_label
    assert ids(client, selection.Filters(resultaattype=chosen.resultaattype)) == {opgelost.zaak.identificatie}
    by_klasse = selection.Filters(selectielijstklasse=chosen.selectielijstklasse)
    assert ids(client, by_klasse) == {opgelost.zaak.identificatie}
    # transfer: the due zaken to keep
    assert ids(client, selection.Filters(kind=selection.Kind.OVERBRENGEN)) == {bewaren.zaak.identificatie}
    # a limit says there are more
    limited = selection.select(client, selection.Filters(), TODAY, limit=2)
    assert len(limited.rows) == 2 and limited.more
    # the filters' choices: the zaaktypen, their resultaattypen and their classes
    options = selection.options(client)
    assert melding.url in {o.value for o in options.zaaktypen}
    assert chosen.resultaattype in {o.value for o in options.resultaattypen}
    assert chosen.selectielijstklasse in {o.value for o in options.selectielijstklassen}
