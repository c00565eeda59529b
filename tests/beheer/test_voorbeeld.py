"""The preview: the zaaktype's form filled in as a resident would, with the loket's checks and
rules, ending in the status timeline a resident sees; nothing registered, nothing kept."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.beheer.conftest import uuid_of, zaaktype_url
from zaakwerk.client import ZGWClient
from zaakwerk.formulieren import demo as demo_forms
from zaakwerk.formulieren.models import Inzending

pytestmark = pytest.mark.django_db


@pytest.fixture
def base(api: ZGWClient, demo: str) -> str:
    demo_forms.load(demo)
    uuid = uuid_of(zaaktype_url(api, demo, "MELDING-OPENBARE-RUIMTE"))
    return f"/beheer/zaaktypen/{uuid}/formulier/voorbeeld/"


def test_the_form_is_filled_in_and_the_timeline_shown_without_registering(web: Client, base: str) -> None:
    html = web.get(base).content.decode()
    assert "Melding openbare ruimte" in html and "niets geregistreerd" in html
    response = web.post(base)
    assert response.status_code == 302
    step = str(response["Location"])
    assert step.endswith("/voorbeeld/stap/melding/")
    # when: nothing chosen
    response = web.post(step, {})
    # then: the loket's own message, and the step shown again
    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.content.decode()
    assert 'id="veld-lantaarnpaal"' not in response.content.decode()
    # when: a category that shows the lamp number only for street lighting
    response = web.post(step, {"veld-categorie": "verlichting", "veld-omschrijving": "Lamp kapot"})
    assert response.status_code == 302
    # the rule shows the dependent field when the step is shown again
    html = web.get(step).content.decode()
    assert 'id="veld-lantaarnpaal"' in html
    # walk on through the steps the rules show, filling what they ask
    location = step
    for _ in range(6):
        page = web.get(location).content.decode()
        if "/voorbeeld/overzicht/" in location:
            break
        data = {"veld-categorie": "verlichting", "veld-omschrijving": "Lamp kapot", "veld-lantaarnpaal": "12"}
        data |= {"veld-plek-lat": "52.09", "veld-plek-lon": "5.12"}
        data |= {"veld-adres-postcode": "3511 AB", "veld-adres-huisnummer": "1"}
        data |= {"veld-naam": "Inge Woner", "veld-email": "inge@example.org", "veld-telefoon": ""}
        response = web.post(location, data)
        assert response.status_code == 302, page[-3000:]
        location = str(response["Location"])
    assert location.endswith("/voorbeeld/overzicht/")
    html = web.get(location).content.decode()
    assert "Controleren en versturen" in html and "Lamp kapot" in html
    response = web.post(location)
    assert response.status_code == 302 and str(response["Location"]).endswith("/voorbeeld/verstuurd/")
    html = web.get(response["Location"]).content.decode()
    # then: the statustypen in order, the first current with its statustekst
    assert html.index("Gemeld") < html.index("Ingepland") < html.index("Opgelost")
    assert 'aria-current="step"' in html and "Wij hebben uw melding ontvangen." in html
    assert not Inzending.objects.exists()


def test_the_end_is_not_reached_with_a_step_left_empty(web: Client, base: str) -> None:
    web.post(base)
    response = web.post(base.replace("/voorbeeld/", "/voorbeeld/overzicht/"))
    assert response.status_code == 302 and "/voorbeeld/stap/" in response["Location"]
    response = web.get(base.replace("/voorbeeld/", "/voorbeeld/verstuurd/"))
    assert response.status_code == 302 and "/voorbeeld/stap/" in response["Location"]


def test_a_zaaktype_without_a_form_has_no_preview(web: Client, api: ZGWClient, demo: str) -> None:
    uuid = uuid_of(zaaktype_url(api, demo, "MELDING-OPENBARE-RUIMTE"))
    assert web.get(f"/beheer/zaaktypen/{uuid}/formulier/voorbeeld/").status_code == 404
