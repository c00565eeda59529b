"""A resident fills in a form step by step and submits it; it becomes a zaak in the registers
(in-process, through the transactional registration extension)."""

from __future__ import annotations

import base64
import re
import zlib
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from tests.formulieren.conftest import BSN
from tests.formulieren.flow import PDF, melding, parkeervergunning, post_step, start
from zaakwerk.client import ZGWClient
from zaakwerk.formulieren.models import Bijlage, Formulier, Inzending

pytestmark = pytest.mark.django_db


def test_the_form_list_and_a_start_page_answer_a_visitor(demo: dict[str, Formulier]) -> None:
    browser = Client()
    page = browser.get("/loket/formulieren/").content.decode()
    assert "Parkeervergunning aanvragen" in page and "Melding openbare ruimte" in page
    # a form that wants a login says so, and cannot be started without one
    start_page = browser.get("/loket/formulieren/parkeervergunning/")
    assert "DigiD" in start_page.content.decode()
    assert browser.post("/loket/formulieren/parkeervergunning/").status_code == 403
    assert not Inzending.objects.exists()


def test_a_resident_submits_a_parkeervergunning(
    demo: dict[str, Formulier],
    resident: Callable[..., Client],
    forms_client: ZGWClient,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    browser = resident()
    draft = parkeervergunning(browser)
    # the summary shows the answers, the computed costs, and never asks again for the BSN
    summary = browser.get(f"{draft}overzicht/").content.decode()
    assert "AB123C" in summary and "Gebied A (centrum)" in summary and "240" in summary
    assert BSN in summary
    # when the resident submits
    with django_capture_on_commit_callbacks(execute=True):  # in-process: the content is kept on commit
        response = browser.post(f"{draft}overzicht/")
    assert response.status_code == 302 and response["Location"].endswith("/bevestiging/")
    inzending = Inzending.objects.get()
    assert inzending.staat == Inzending.Staat.GEREGISTREERD
    confirmation = browser.get(response["Location"]).content.decode()
    assert inzending.zaak_identificatie in confirmation
    # then the zaak is in the registers with all its parts
    zaak = forms_client.zaken.zaken.get(inzending.zaak)
    assert zaak.identificatie == inzending.zaak_identificatie
    assert zaak.omschrijving == "Parkeervergunning AB123C, Gebied A (centrum)"
    assert zaak.kenmerken == [{"kenmerk": inzending.referentie, "bron": "Zaakwerk loket"}]
    assert zaak.communicatiekanaal.endswith("/communicatiekanalen/225a6bf8-2664-4265-a514-5cc763106699")
    assert inzending.zaaktype == zaak.zaaktype
    (rol,) = forms_client.zaken.rollen.list(zaak=zaak.url)
    assert rol.betrokkene_type == "natuurlijk_persoon" and rol.omschrijving_generiek == "initiator"
    assert (rol.betrokkene_identificatie or {})["inpBsn"] == BSN
    assert (rol.model_extra or {})["contactpersoonRol"]["emailadres"] == "inwoner@example.nl"
    status = forms_client.zaken.statussen.get(str(zaak.status), expand=["statustype"])
    assert status.expanded["statustype"]["omschrijving"] == "Ontvangen"
    eigenschappen = forms_client.http.request(
        "GET", f"{zaak.url}/zaakeigenschappen", headers={"Accept-Crs": "EPSG:4326"}
    )
    assert {item["naam"]: item["waarde"] for item in eigenschappen} == {
        "kenteken": "AB123C",
        "vergunninggebied": "A",
    }
    links = list(forms_client.zaken.zaakinformatieobjecten.list(zaak=zaak.url))
    documents = [
        forms_client.documenten.enkelvoudiginformatieobjecten.get(link.informatieobject) for link in links
    ]
    by_name = {document.bestandsnaam: document for document in documents}
    assert set(by_name) == {f"{inzending.referentie}.pdf", "kentekenbewijs.pdf"}
    pdf = forms_client.documenten.download(by_name[f"{inzending.referentie}.pdf"], max_bytes=10**7)
    assert pdf.startswith(b"%PDF") and by_name[f"{inzending.referentie}.pdf"].formaat == "application/pdf"
    assert forms_client.documenten.download(by_name["kentekenbewijs.pdf"], max_bytes=10**7) == PDF
    # the draft's copy of the file is gone; the confirmation went out
    assert not Bijlage.objects.exists()
    (message,) = mail.outbox
    assert message.to == ["inwoner@example.nl"] and inzending.zaak_identificatie in message.subject
    assert "240" in message.body and BSN not in message.body


def test_an_anonymous_melding_with_a_photo_and_a_location(
    demo: dict[str, Formulier], forms_client: ZGWClient
) -> None:
    browser = Client()
    draft = melding(browser)
    assert browser.post(f"{draft}overzicht/").status_code == 302
    inzending = Inzending.objects.get()
    zaak = forms_client.zaken.zaken.get(inzending.zaak)
    assert zaak.zaakgeometrie == {"type": "Point", "coordinates": [5.1214, 52.0907]}
    assert zaak.omschrijving == "Melding Bestrating: Losse stoeptegel"
    (rol,) = forms_client.zaken.rollen.list(zaak=zaak.url)
    assert rol.afwijkende_naam_betrokkene == "Jan Jansen"
    objecten = forms_client.http.request(
        "GET",
        f"{forms_client.zaken.zaken.url.rsplit('/', 1)[0]}/zaakobjecten",
        params={"zaak": zaak.url},
        headers={"Accept-Crs": "EPSG:4326"},
    )
    rows = objecten["results"] if isinstance(objecten, dict) else objecten
    assert {row["relatieomschrijving"] for row in rows} == {"Adres van de melding", "Plek van de melding"}
    links = list(forms_client.zaken.zaakinformatieobjecten.list(zaak=zaak.url))
    assert len(links) == 2


def test_going_back_keeps_the_answers_and_a_condition_shows_a_field(demo: dict[str, Formulier]) -> None:
    browser = Client()
    draft = start(browser, "melding-openbare-ruimte")
    # the field for the lamp post's number is shown only for street lighting
    assert "lantaarnpaal" not in browser.get(f"{draft}stap/melding/").content.decode()
    response = post_step(browser, draft, "melding", {"categorie": "verlichting", "omschrijving": "Lamp stuk"})
    assert response.status_code == 302
    page = browser.get(f"{draft}stap/melding/").content.decode()
    assert (
        'name="veld-lantaarnpaal"' in page and "Lamp stuk" in page and 'value="verlichting" checked' in page
    )
    # the next step links back to the previous one
    assert f'href="{draft}stap/melding/"' in browser.get(f"{draft}stap/locatie/").content.decode()


def test_leave_and_resume_later_in_a_new_session(
    demo: dict[str, Formulier], resident: Callable[..., Client]
) -> None:
    first = resident()
    draft = start(first, "parkeervergunning")
    response = post_step(first, draft, "aanvrager", {"email": "inwoner@example.nl"}, actie="opslaan")
    assert response.status_code == 302 and response["Location"].endswith("/opgeslagen/")
    # a new login of the same resident finds the draft in the list and goes on where it was
    later = resident()
    page = later.get("/loket/formulieren/").content.decode()
    assert "Verder gaan met" in page and f"{draft}stap/aanvrager/" in page
    assert "inwoner@example.nl" in later.get(f"{draft}stap/aanvrager/").content.decode()
    # someone else does not
    stranger = resident("111222333")
    assert stranger.get(f"{draft}stap/aanvrager/").status_code == 404
    assert Client().get(f"{draft}stap/aanvrager/").status_code == 404


@pytest.mark.parametrize(
    ("step", "data", "message"),
    [
        ("aanvrager", {"email": "geen-adres"}, "Vul een e-mailadres in"),
        ("aanvrager", {"email": "a@example.nl", "telefoon": "bel me"}, "Vul een telefoonnummer in"),
        ("aanvrager", {}, "Dit veld is verplicht."),
    ],
)
def test_invalid_values_are_named_and_nothing_is_kept(
    demo: dict[str, Formulier], resident: Callable[..., Client], step: str, data: dict[str, str], message: str
) -> None:
    browser = resident()
    draft = start(browser, "parkeervergunning")
    response = post_step(browser, draft, step, data)
    assert response.status_code == 200  # the step again, with the errors
    page = response.content.decode()
    assert message in page and 'aria-invalid="true"' in page and "Dit ging niet goed" in page
    assert "email" not in Inzending.objects.get().waarden


def test_voertuig_errors(demo: dict[str, Formulier], resident: Callable[..., Client]) -> None:
    browser = resident()
    draft = start(browser, "parkeervergunning")
    post_step(browser, draft, "aanvrager", {"email": "a@example.nl"})
    response = post_step(
        browser,
        draft,
        "voertuig",
        {"kenteken": "AB-12", "vergunninggebied": "Z", "ingangsdatum": "2001-01-01"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Een kenteken is zes letters en cijfers" in page
    assert "Kies een van de mogelijkheden." in page
    assert "De datum mag niet vóór" in page


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"MZ\x90\x00 not a pdf", "kentekenbewijs.pdf", "Dit soort bestand is niet toegestaan"),
        (PDF + b"x" * (10 * 1024 * 1024), "groot.pdf", "Het bestand is te groot"),
    ],
)
def test_a_file_too_large_or_of_a_forbidden_type_is_refused_before_anything_is_kept(
    demo: dict[str, Formulier], resident: Callable[..., Client], content: bytes, name: str, message: str
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    browser = resident()
    draft = start(browser, "parkeervergunning")
    post_step(browser, draft, "aanvrager", {"email": "a@example.nl"})
    response = post_step(
        browser,
        draft,
        "voertuig",
        {
            "kenteken": "AB123C",
            "vergunninggebied": "A",
            "ingangsdatum": (timezone.localdate() + timedelta(days=1)).isoformat(),
            "kentekenbewijs": SimpleUploadedFile(name, content, "application/pdf"),
        },
    )
    assert response.status_code == 200 and message in response.content.decode()
    assert not Bijlage.objects.exists()


def test_a_double_submit_makes_one_zaak(
    demo: dict[str, Formulier], resident: Callable[..., Client], forms_client: ZGWClient
) -> None:
    browser = resident()
    draft = parkeervergunning(browser, bewijs=None)
    first = browser.post(f"{draft}overzicht/")
    second = browser.post(f"{draft}overzicht/")
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    inzending = Inzending.objects.get()
    zaaktype = forms_client.zaken.zaken.get(inzending.zaak).zaaktype
    assert len(list(forms_client.zaken.zaken.list(zaaktype=zaaktype))) == 1
    assert len(mail.outbox) == 1


def test_an_expired_draft_says_so_and_registers_nothing(
    demo: dict[str, Formulier], resident: Callable[..., Client], forms_client: ZGWClient
) -> None:
    browser = resident()
    draft = parkeervergunning(browser, bewijs=None)
    Inzending.objects.update(verloopt=timezone.now() - timedelta(minutes=1))
    response = browser.post(f"{draft}overzicht/")
    assert response.status_code == 410 and "Dit formulier is verlopen" in response.content.decode()
    assert browser.get(f"{draft}stap/voertuig/").status_code == 410
    assert Inzending.objects.get().staat == Inzending.Staat.CONCEPT
    assert not list(forms_client.zaken.zaken.list())


def test_a_zaaktype_unpublished_meanwhile_is_a_clear_message_and_nothing_is_registered(
    demo: dict[str, Formulier], resident: Callable[..., Client], forms_client: ZGWClient
) -> None:
    browser = resident()
    draft = parkeervergunning(browser)
    # meanwhile the zaaktype's validity ended
    zaaktype = next(
        forms_client.catalogi.zaaktypen.list(
            identificatie="PARKEERVERGUNNING", catalogus=demo["parkeervergunning"].catalogus
        )
    )
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    forms_client.catalogi.zaaktypen.partial_update(zaaktype.url, {"eindeGeldigheid": yesterday})
    response = browser.post(f"{draft}overzicht/")
    assert response.status_code == 200
    assert "niet beschikbaar" in response.content.decode()
    inzending = Inzending.objects.get()
    assert inzending.staat == Inzending.Staat.CONCEPT and not inzending.stappen.exists()
    assert not list(forms_client.zaken.zaken.list())
    assert not list(forms_client.documenten.enkelvoudiginformatieobjecten.list())
    assert Bijlage.objects.count() == 1  # still there for a later try


def _pdf_text(content: bytes) -> str:
    """The page streams of a PDF, inflated where they are compressed."""
    texts = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\n?endstream", content, re.S):
        try:
            texts.append(zlib.decompress(stream).decode("latin-1"))
        except zlib.error:
            try:
                texts.append(zlib.decompress(base64.a85decode(stream.strip(), adobe=True)).decode("latin-1"))
            except (ValueError, zlib.error):
                texts.append(stream.decode("latin-1"))
    return "\n".join(texts)


def test_the_pdf_holds_the_answers(
    demo: dict[str, Formulier],
    resident: Callable[..., Client],
    forms_client: ZGWClient,
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    browser = resident()
    draft = parkeervergunning(browser, bewijs=None)
    with django_capture_on_commit_callbacks(execute=True):
        browser.post(f"{draft}overzicht/")
    inzending = Inzending.objects.get()
    (link,) = forms_client.zaken.zaakinformatieobjecten.list(zaak=inzending.zaak)
    document = forms_client.documenten.enkelvoudiginformatieobjecten.get(link.informatieobject)
    content = forms_client.documenten.download(document, max_bytes=10**7)
    assert content.startswith(b"%PDF-")
    text = _pdf_text(content)
    for expected in (
        "Parkeervergunning aanvragen",
        inzending.referentie,
        "Kenteken",
        "AB123C",
        "Gebied A \\(centrum\\)",  # as a PDF string writes parentheses
    ):
        assert expected in text
    assert document.titel == "Parkeervergunning aanvragen" and document.informatieobjecttype


def test_the_pages_speak_english_when_chosen(demo: dict[str, Formulier]) -> None:
    from django.conf import settings

    browser = Client()
    browser.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = browser.get("/loket/formulieren/melding-openbare-ruimte/").content.decode()
    assert "Start the form" in page and "Steps" in page
    draft = start(browser, "melding-openbare-ruimte")
    page = browser.get(f"{draft}stap/melding/").content.decode()
    assert "Step 1 of 3" in page and "Save and continue later" in page


def test_a_business_applies_with_eherkenning_as_a_vestiging(
    demo: dict[str, Formulier], forms_client: ZGWClient
) -> None:
    from tests.formulieren.conftest import KVK, log_in
    from zaakwerk.loket.identity import Identity

    browser = Client()
    log_in(
        browser,
        Identity(kind="kvk", value=KVK, via="eherkenning", name="Bakkerij", vestigingsnummer="000012345678"),
    )
    draft = parkeervergunning(browser, bewijs=None)
    # the KVK-nummer from the login is shown, and no BSN field
    page = browser.get(f"{draft}stap/aanvrager/").content.decode()
    assert KVK in page and "Burgerservicenummer" not in page
    assert browser.post(f"{draft}overzicht/").status_code == 302
    (rol,) = forms_client.zaken.rollen.list(zaak=Inzending.objects.get().zaak)
    assert rol.betrokkene_type == "vestiging"
    assert rol.betrokkene_identificatie is not None
    assert rol.betrokkene_identificatie["kvkNummer"] == KVK
    assert rol.betrokkene_identificatie["vestigingsNummer"] == "000012345678"
