"""Besluit vastleggen with its document, the resultaat that requires a besluit, and the e-mail to
the initiator kept as a document on the zaak."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core import mail

from tests.werkplek.actions_support import resultaattype, staff, werkplek_client, zaak, zaaktype_with_besluit
from zaakwerk.client import ZGWClient
from zaakwerk.werkplek import zgw
from zaakwerk.werkplek.models import HandlingParameters
from zaakwerk.werkplek.services import acties, besluiten, email
from zaakwerk.werkplek.services.documenten import Upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def client() -> ZGWClient:
    return werkplek_client()


def test_a_resultaat_that_requires_a_besluit(
    client: ZGWClient, django_capture_on_commit_callbacks: Any
) -> None:
    zaaktype_with_besluit(client)
    found = zaak(client, "PARKEERVERGUNNING-B")
    person = zgw.client_for(staff("jurist", "behandelaar"))
    verleend = resultaattype(client, found, "Verleend")
    assert verleend.besluittypen
    # without a besluit the zaak is not closed, and no resultaat is written
    with pytest.raises(acties.ActieError, match="hoort een besluit"):
        acties.afsluiten(person, found.url, resultaattype_url=verleend.url, toelichting="")
    assert client.zaken.zaken.get(found.url).resultaat is None
    # the besluit with its document
    [besluittype] = besluiten.besluittypen(person, acties.load(person, found.url))
    with django_capture_on_commit_callbacks(execute=True):  # in-process: the content is kept on commit
        besluit = besluiten.vastleggen(
            person,
            found.url,
            besluittype_url=besluittype.url,
            datum=date(2026, 11, 20),
            ingangsdatum=date(2026, 11, 21),
            toelichting="Vergunning verleend voor zone A",
            document=Upload(naam="besluit.pdf", content=b"%PDF-1.4 besluit", content_type="application/pdf"),
            auteur="Anna de Vries",
        )
    assert besluit.zaak == found.url
    [link] = client.besluiten.besluitinformatieobjecten.list(besluit=besluit.url)
    document = client.documenten.enkelvoudiginformatieobjecten.get(link.informatieobject)
    assert client.documenten.download(document, max_bytes=1000) == b"%PDF-1.4 besluit"
    assert link.informatieobject in {
        item.informatieobject for item in client.zaken.zaakinformatieobjecten.list(zaak=found.url)
    }
    # now it closes (the document's indicatieGebruiksrecht is set, as closing requires)
    acties.afsluiten(person, found.url, resultaattype_url=verleend.url, toelichting="Verleend")
    assert acties.load(client, found.url).closed


def test_besluit_input_is_checked_before_anything_is_written(client: ZGWClient) -> None:
    zaaktype_with_besluit(client)
    found = zaak(client, "PARKEERVERGUNNING-B")
    [besluittype] = besluiten.besluittypen(client, acties.load(client, found.url))
    with pytest.raises(acties.ActieError, match="ingangsdatum"):
        besluiten.vastleggen(
            client,
            found.url,
            besluittype_url=besluittype.url,
            datum=date(2026, 11, 20),
            ingangsdatum=date(2026, 11, 1),
            toelichting="",
            document=Upload(naam="b.pdf", content=b"x", content_type="application/pdf"),
            auteur="a",
        )
    with pytest.raises(acties.ActieError, match="soort besluit"):
        besluiten.vastleggen(
            client,
            found.url,
            besluittype_url=f"{besluittype.url}x",
            datum=date(2026, 11, 20),
            ingangsdatum=date(2026, 11, 20),
            toelichting="",
            document=Upload(naam="b.pdf", content=b"x", content_type="application/pdf"),
            auteur="a",
        )
    assert list(client.besluiten.besluiten.list(zaak=found.url)) == []


def test_email_to_the_initiator_is_sent_and_kept_on_the_zaak(
    client: ZGWClient, django_capture_on_commit_callbacks: Any
) -> None:
    found = zaak(client)
    parameters = HandlingParameters.objects.create(zaaktype_identificatie="PARKEERVERGUNNING")
    template = parameters.mail_templates.create(
        name="Ontvangst",
        subject="Uw aanvraag {{ identificatie }}",
        body=(
            "Beste {{ initiator }},\n\nWij behandelen {{ omschrijving }} ({{ status }}).\n"
            "{{ onbekend }}\n{{ medewerker }}"
        ),
    )
    with pytest.raises(acties.ActieError, match="geen e-mailadres"):
        email.send(client, found.url, template, medewerker="Anna")
    assert mail.outbox == []
    initiator = next(
        item
        for item in client.catalogi.roltypen.list(zaaktype=found.zaaktype)
        if item.omschrijving_generiek == "initiator"
    )
    client.zaken.rollen.create(
        {
            "zaak": found.url,
            "betrokkeneType": "natuurlijk_persoon",
            "roltype": initiator.url,
            "roltoelichting": "aanvrager",
            "betrokkeneIdentificatie": {"geslachtsnaam": "Jansen", "voornamen": "Jan"},
            "contactpersoonRol": {"emailadres": "jan@example.nl", "naam": "Jan Jansen"},
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        email.send(client, found.url, template, medewerker="Anna de Vries")
    [sent] = mail.outbox
    assert sent.to == ["jan@example.nl"] and sent.subject == f"Uw aanvraag {found.identificatie}"
    assert "Beste Jan Jansen" in sent.body and "(Ontvangen)" in sent.body
    assert "{{ onbekend }}" in sent.body and sent.body.endswith("Anna de Vries")
    [kept] = client.zaken.zaakinformatieobjecten.list(zaak=found.url)
    document = client.documenten.enkelvoudiginformatieobjecten.get(kept.informatieobject)
    assert document.formaat == "message/rfc822" and "Uw aanvraag" in document.titel
    content = client.documenten.download(document, max_bytes=100_000)
    assert b"jan@example.nl" in content
