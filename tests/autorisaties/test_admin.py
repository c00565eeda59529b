"""The admin for API clients and applicaties: same rules, records and cache invalidation as the
API; secrets are never shown; user input is escaped."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.zgw import ZGWClient, make_token
from zaakwerk.autorisaties.models import ApiClient, Applicatie, AuthorisationsGeneration, ClientId
from zaakwerk.core.models import OutboxMessage

ZAAKTYPE = "http://testserver/catalogi/api/v1/zaaktypen/4f3b9e2a-2d0c-4d6b-9a8e-0a6f8e0b6c1d"
SECRET = "een-geheim-van-voldoende-lengte-voor-hs256"

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(db: None) -> Client:
    user = User.objects.create_superuser("beheerder", "beheer@example.org", "wachtwoord")
    client = Client()
    client.force_login(user)
    return client


def applicatie_form(
    *,
    label: str = "Zaaksysteem",
    heeft_alle: bool = False,
    client_ids: list[str] | None = None,
    autorisaties: list[dict[str, str]] | None = None,
    initial: tuple[int, int] = (0, 0),
) -> dict[str, Any]:
    data: dict[str, Any] = {"label": label, "_save": "Opslaan"}
    if heeft_alle:
        data["heeft_alle_autorisaties"] = "on"
    ids = client_ids if client_ids is not None else ["zaaksysteem"]
    data |= {
        "client_ids-TOTAL_FORMS": str(len(ids)),
        "client_ids-INITIAL_FORMS": str(initial[0]),
        "client_ids-MIN_NUM_FORMS": "0",
        "client_ids-MAX_NUM_FORMS": "1000",
    }
    for index, client_id in enumerate(ids):
        data[f"client_ids-{index}-client_id"] = client_id
    items = autorisaties if autorisaties is not None else []
    data |= {
        "autorisaties-TOTAL_FORMS": str(len(items)),
        "autorisaties-INITIAL_FORMS": str(initial[1]),
        "autorisaties-MIN_NUM_FORMS": "0",
        "autorisaties-MAX_NUM_FORMS": "1000",
    }
    for index, item in enumerate(items):
        for key, value in item.items():
            data[f"autorisaties-{index}-{key}"] = value
    return data


ZRC = {
    "component": "zrc",
    "scopes": "zaken.lezen, zaken.aanmaken",
    "zaaktype": ZAAKTYPE,
    "max_vertrouwelijkheidaanduiding": "openbaar",
}


def test_add_applicatie_goes_through_the_service(admin_client: Client) -> None:
    generation = AuthorisationsGeneration.current()
    # when
    response = admin_client.post("/admin/autorisaties/applicatie/add/", applicatie_form(autorisaties=[ZRC]))
    # then
    assert response.status_code == 302, response.context["errors"] if response.context else response
    applicatie = Applicatie.objects.get(label="Zaaksysteem")
    assert list(applicatie.client_ids.values_list("client_id", flat=True)) == ["zaaksysteem"]
    autorisatie = applicatie.autorisaties.get()
    assert autorisatie.scopes == ["zaken.lezen", "zaken.aanmaken"]
    message = OutboxMessage.objects.get(
        kanaal="autorisaties", actie="create", resource_url__contains=str(applicatie.uuid)
    )
    assert message.resource == "applicatie"
    assert AuthorisationsGeneration.current() != generation


def test_admin_change_takes_effect_on_the_next_request(admin_client: Client) -> None:
    from zaakwerk.autorisaties.clients import register_client

    register_client("beheerd", SECRET)
    admin_client.post(
        "/admin/autorisaties/applicatie/add/",
        applicatie_form(
            client_ids=["beheerd"], autorisaties=[{"component": "ztc", "scopes": "catalogi.lezen"}]
        ),
    )
    api = ZGWClient(make_token("beheerd", SECRET))
    assert api.get("/catalogi/api/v1/catalogussen").status_code == 200
    applicatie = Applicatie.objects.get(label="Zaaksysteem")
    autorisatie = applicatie.autorisaties.get()
    form = applicatie_form(
        client_ids=["beheerd"],
        autorisaties=[
            {
                "component": "ztc",
                "scopes": "catalogi.schrijven",
                "id": str(autorisatie.pk),
                "applicatie": str(applicatie.pk),
            }
        ],
        initial=(1, 1),
    )
    form["client_ids-0-id"] = str(applicatie.client_ids.get().pk)
    form["client_ids-0-applicatie"] = str(applicatie.pk)
    response = admin_client.post(f"/admin/autorisaties/applicatie/{applicatie.pk}/change/", form)
    assert response.status_code == 302
    assert api.get("/catalogi/api/v1/catalogussen").status_code == 403
    assert OutboxMessage.objects.filter(kanaal="autorisaties", actie="update").count() == 1


@pytest.mark.parametrize(
    ("form", "message"),
    [
        (applicatie_form(heeft_alle=True, autorisaties=[ZRC]), "heeftAlleAutorisaties"),
        (applicatie_form(), "Geef autorisaties op"),
        (applicatie_form(autorisaties=[{**ZRC, "zaaktype": ""}]), "Dit veld is vereist"),
        (applicatie_form(heeft_alle=True, client_ids=["dubbel", "dubbel"]), "errorlist"),
    ],
)
def test_admin_applies_the_rules(admin_client: Client, form: dict[str, Any], message: str) -> None:
    response = admin_client.post("/admin/autorisaties/applicatie/add/", form)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Applicatie.objects.filter(label="Zaaksysteem").exists()
    assert not OutboxMessage.objects.filter(kanaal="autorisaties").exists()


def test_admin_refuses_a_client_id_in_use(admin_client: Client) -> None:
    admin_client.post("/admin/autorisaties/applicatie/add/", applicatie_form(heeft_alle=True))
    response = admin_client.post(
        "/admin/autorisaties/applicatie/add/", applicatie_form(label="Ander", heeft_alle=True)
    )
    assert response.status_code == 200
    assert Applicatie.objects.filter(label="Ander").count() == 0
    assert ClientId.objects.filter(client_id="zaaksysteem").count() == 1


def test_admin_delete_goes_through_the_service(admin_client: Client) -> None:
    admin_client.post("/admin/autorisaties/applicatie/add/", applicatie_form(heeft_alle=True))
    applicatie = Applicatie.objects.get(label="Zaaksysteem")
    response = admin_client.post(f"/admin/autorisaties/applicatie/{applicatie.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Applicatie.objects.filter(pk=applicatie.pk).exists()
    assert OutboxMessage.objects.filter(kanaal="autorisaties", actie="destroy").count() == 1


def test_label_is_escaped_in_the_changelist(admin_client: Client) -> None:
    admin_client.post(
        "/admin/autorisaties/applicatie/add/",
        applicatie_form(label="<script>alert(1)</script>", heeft_alle=True, client_ids=["<b>id</b>"]),
    )
    assert Applicatie.objects.filter(label="<script>alert(1)</script>").exists()
    page = admin_client.get("/admin/autorisaties/applicatie/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>id</b>" not in page and "&lt;b&gt;id&lt;/b&gt;" in page


def test_api_client_secret_is_set_never_shown(admin_client: Client) -> None:
    # when
    response = admin_client.post(
        "/admin/autorisaties/apiclient/add/",
        {"client_id": "nieuwe-client", "new_secret": SECRET, "_save": "1"},
    )
    # then
    assert response.status_code == 302
    client = ApiClient.objects.get(client_id="nieuwe-client")
    assert client.get_secret() == SECRET and SECRET not in client.secret_encrypted
    change_page = admin_client.get(f"/admin/autorisaties/apiclient/{client.pk}/change/").content.decode()
    list_page = admin_client.get("/admin/autorisaties/apiclient/").content.decode()
    for page in (change_page, list_page):
        assert SECRET not in page
        assert client.secret_encrypted not in page
    history = admin_client.get(f"/admin/autorisaties/apiclient/{client.pk}/history/").content.decode()
    assert SECRET not in history


def test_api_client_secret_change_and_delete(admin_client: Client) -> None:
    admin_client.post(
        "/admin/autorisaties/apiclient/add/", {"client_id": "c", "new_secret": SECRET, "_save": "1"}
    )
    client = ApiClient.objects.get(client_id="c")
    # an empty secret field keeps the secret
    assert (
        admin_client.post(
            f"/admin/autorisaties/apiclient/{client.pk}/change/", {"new_secret": ""}
        ).status_code
        == 302
    )
    assert ApiClient.objects.get(pk=client.pk).get_secret() == SECRET
    admin_client.post(f"/admin/autorisaties/apiclient/{client.pk}/change/", {"new_secret": "nieuw-geheim"})
    assert ApiClient.objects.get(pk=client.pk).get_secret() == "nieuw-geheim"
    generation = AuthorisationsGeneration.current()
    admin_client.post(f"/admin/autorisaties/apiclient/{client.pk}/delete/", {"post": "yes"})
    assert not ApiClient.objects.filter(pk=client.pk).exists()
    assert AuthorisationsGeneration.current() != generation


def test_new_api_client_needs_a_secret(admin_client: Client) -> None:
    response = admin_client.post(
        "/admin/autorisaties/apiclient/add/", {"client_id": "zonder", "new_secret": ""}
    )
    assert response.status_code == 200
    assert not ApiClient.objects.filter(client_id="zonder").exists()
