"""The zaak page's service, run both ways: in-process against this deployment and over HTTP
against another deployment (a real server), with the same test code."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.client.conftest import CLIENT_ID, SECRET, Deployment
from tests.werkplek import zaken
from zaakwerk.autorisaties.clients import register_client
from zaakwerk.client import ClientCredentials, ZGWClient, models
from zaakwerk.web.roles import Role
from zaakwerk.werkplek.access import Access
from zaakwerk.werkplek.services import zaakpagina

if TYPE_CHECKING:
    from pytest_django import Settings

pytestmark = pytest.mark.django_db

BEHANDELAAR_MELDINGEN = Access(per_zaaktype={"MELDING-OPENBARE-RUIMTE": frozenset({Role.BEHANDELAAR})})


@pytest.fixture(params=["in-process", "over-http"])
def zgw(request: pytest.FixtureRequest, settings: Settings) -> tuple[ZGWClient, str]:
    credentials = ClientCredentials(CLIENT_ID, SECRET)
    if request.param == "in-process":
        settings.PAGE_SIZE = 2  # so that the lists read have pages
        register_client(CLIENT_ID, SECRET, all_authorizations=True)
        return ZGWClient.for_deployment(credentials), f"{settings.PUBLIC_URL}/referentielijsten/api/v1"
    other: Deployment = request.getfixturevalue("other_deployment")
    return ZGWClient(ZGWClient.roots_at(other.url), auth=credentials), other.referentielijsten


def test_the_zaak_page_shows_every_part_of_a_zaak(zgw: tuple[ZGWClient, str]) -> None:
    client, referentielijsten = zgw
    demo = zaken.demo(client, referentielijsten)
    # given a melding with a geometry, two of three statussen, a rol, two documents, a deelzaak
    # of the same zaaktype and a relevante andere zaak of a zaaktype the user may not see
    area = {"type": "Polygon", "coordinates": [[[5.1, 52.1], [5.2, 52.1], [5.2, 52.2], [5.1, 52.1]]]}
    zaak = zaken.zaak(client, demo.melding, "Losse stoeptegel Dorpsstraat", zaakgeometrie=area)
    types = zaken.statustypen(client, demo.melding)
    zaken.set_status(client, zaak, types[0], "2026-11-02T09:00:00Z")
    zaken.set_status(client, zaak, types[1], "2026-11-03T09:00:00Z")
    roltype = next(client.catalogi.roltypen.list(zaaktype=demo.melding.url, omschrijvingGeneriek="initiator"))
    client.zaken.rollen.create(
        {
            "zaak": zaak.url,
            "betrokkeneType": "natuurlijk_persoon",
            "roltype": roltype.url,
            "roltoelichting": "melder",
            "betrokkeneIdentificatie": {"inpBsn": "111222333", "geslachtsnaam": "Jansen"},
        }
    )
    zaken.document(client, zaak, demo.melding, "foto-1")
    zaken.document(client, zaak, demo.melding, "foto-2")
    deelzaak = zaken.zaak(client, demo.melding, "Deel: herstel", hoofdzaak=zaak.url)
    geheim = zaken.zaak(client, demo.bezwaar, "Bezwaar van een buurman")
    client.zaken.zaken.partial_update(
        zaak.url,
        {"relevanteAndereZaken": [{"url": geheim.url, "aardRelatie": "onderwerp"}]},
        toelichting="Bezwaar hoort hierbij",
    )
    # when the page is read for a behandelaar of meldingen
    page = zaakpagina.zaak_pagina(client, BEHANDELAAR_MELDINGEN, zaak.uuid)
    # then it has the gegevens, the timeline done/current/to come, the rol, the documents
    assert page.zaak.omschrijving == "Losse stoeptegel Dorpsstraat"
    assert page.zaaktype.identificatie == "MELDING-OPENBARE-RUIMTE"
    assert [(stap.omschrijving, stap.state) for stap in page.tijdlijn] == [
        ("Gemeld", "done"),
        ("Ingepland", "current"),
        ("Opgelost", "todo"),
    ]
    assert page.huidige_status == "Ingepland" and not page.closed
    assert [(b.rol.omschrijving_generiek, b.naam, b.nummer) for b in page.rollen] == [
        ("initiator", "Jansen", "111222333")
    ]
    assert sorted(doc.informatieobject.titel for doc in page.documenten if doc.informatieobject) == [
        "foto-1",
        "foto-2",
    ]
    assert page.besluiten == [] and page.resultaat is None
    # the deelzaak is linked; the bezwaar (outside the user's roles) only said to exist
    deel = next(item for item in page.gerelateerd if item.relatie == "deelzaak")
    assert (deel.visible, deel.uuid, deel.omschrijving) == (True, deelzaak.uuid, "Deel: herstel")
    hidden = next(item for item in page.gerelateerd if item.relatie == "onderwerp")
    assert (hidden.visible, hidden.uuid, hidden.omschrijving, hidden.identificatie) == (False, "", "", "")
    # the history says what changed and why, newest first
    change = next(line for line in page.geschiedenis if line.actie == "partial_update")
    assert change.toelichting == "Bezwaar hoort hierbij" and change.velden == ["relevanteAndereZaken"]
    assert page.geschiedenis[0].wanneer >= page.geschiedenis[-1].wanneer  # type: ignore[operator]
    # the area is drawn from its outline, north up
    assert page.locatie is not None and page.locatie.closed
    assert (page.locatie.latitude, page.locatie.longitude) == (52.15, 5.15)
    assert page.locatie.points.split()[0] == "5.0,95.0"


def test_the_zaak_page_shows_besluiten_and_the_resultaat(zgw: tuple[ZGWClient, str]) -> None:
    client, referentielijsten = zgw
    zaaktype, besluittype = zaken.zaaktype_met_besluit(client, referentielijsten)
    zaak = zaken.zaak(client, zaaktype, "Parkeervergunning Kerkstraat")
    client.besluiten.besluiten.create(
        {
            "verantwoordelijkeOrganisatie": zaken.RSIN,
            "besluittype": besluittype.url,
            "zaak": zaak.url,
            "datum": "2026-11-10",
            "ingangsdatum": "2026-11-11",
            "toelichting": "Vergunning voor zone B",
        }
    )
    resultaattype = next(
        item
        for item in client.catalogi.resultaattypen.list(zaaktype=zaaktype.url)
        if item.omschrijving == "Verleend"
    )
    client.zaken.resultaten.create(
        {"zaak": zaak.url, "resultaattype": resultaattype.url, "toelichting": "Akkoord"}
    )
    access = Access(per_zaaktype={"PARKEREN-MET-BESLUIT": frozenset({Role.RAADPLEGER})})
    # when
    page = zaakpagina.zaak_pagina(client, access, zaak.uuid)
    # then
    assert [(regel.besluittype, regel.besluit.toelichting) for regel in page.besluiten] == [
        ("Parkeerbesluit", "Vergunning voor zone B")
    ]
    assert page.resultaat is not None and page.resultaat.toelichting == "Akkoord"
    assert page.resultaattype is not None and page.resultaattype.omschrijving == "Verleend"


def test_a_zaak_outside_the_users_roles_is_not_found(zgw: tuple[ZGWClient, str]) -> None:
    client, referentielijsten = zgw
    demo = zaken.demo(client, referentielijsten)
    bezwaar = zaken.zaak(client, demo.bezwaar, "Bezwaar")
    with pytest.raises(zaakpagina.ZaakNotFound):
        zaakpagina.zaak_pagina(client, BEHANDELAAR_MELDINGEN, bezwaar.uuid)
    with pytest.raises(zaakpagina.ZaakNotFound):  # and one that does not exist: the same answer
        zaakpagina.open_zaak(client, BEHANDELAAR_MELDINGEN, "6f1c8a35-3e5f-4d0b-9a4e-0c0c1b2f3d4e")
    with pytest.raises(zaakpagina.ZaakNotFound):  # no role at all
        zaakpagina.open_zaak(client, Access(), bezwaar.uuid)


@pytest.mark.parametrize(
    ("current", "expected"),
    [
        (None, ["todo", "todo", "todo"]),
        ("s1", ["current", "todo", "todo"]),  # t3 was set before a reopening
        ("s3", ["done", "done", "current"]),  # the second was skipped, yet the zaak is past it
    ],
)
def test_the_timeline_marks_each_statustype(current: str | None, expected: list[str]) -> None:
    types = [models.StatusType(url=f"t{n}", volgnummer=n, omschrijving=f"stap {n}") for n in (3, 1, 2)]
    statussen = [
        models.Status(url="s1", statustype="t1", datum_status_gezet="2026-01-01T00:00:00Z"),
        models.Status(url="s3", statustype="t3", datum_status_gezet="2026-01-02T00:00:00Z"),
    ]
    found = zaakpagina.tijdlijn(types, statussen if current else [], current)
    assert [stap.volgnummer for stap in found] == [1, 2, 3]
    assert [stap.state for stap in found] == expected
