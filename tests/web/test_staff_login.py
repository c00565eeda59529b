"""Staff login and logout pages, and the werkplek's door (the browser tests cover the flows)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from pytest_django import Settings

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def bea() -> User:
    user = User.objects.create_user("bea", password=PASSWORD, first_name="Bea")
    user.groups.add(Group.objects.create(name="behandelaar"))
    return user


def test_the_werkplek_sends_an_anonymous_visitor_to_the_login_page(client: Client) -> None:
    response = client.get("/werkplek/")
    assert response.status_code == 302
    assert response["Location"] == "/medewerker/inloggen/?next=/werkplek/"


def test_login_goes_on_to_the_page_asked_for(client: Client, bea: User) -> None:
    response = client.post(
        "/medewerker/inloggen/", {"username": "bea", "password": PASSWORD, "next": "/werkplek/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/werkplek/"
    home = client.get("/werkplek/")
    assert home.status_code == 200
    assert "Welkom, Bea" in home.text
    assert "Behandelaar" in home.text


def test_login_refuses_a_next_address_on_another_site(client: Client, bea: User) -> None:
    response = client.post(
        "/medewerker/inloggen/", {"username": "bea", "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == "/werkplek/"


def test_a_wrong_password_logs_nobody_in(client: Client, bea: User) -> None:
    response = client.post("/medewerker/inloggen/", {"username": "bea", "password": "wrong"})
    assert response.status_code == 200
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in response.text
    assert 'role="alert"' in response.text
    assert "_auth_user_id" not in client.session


def test_an_inactive_account_cannot_log_in(client: Client, bea: User) -> None:
    bea.is_active = False
    bea.save()
    response = client.post("/medewerker/inloggen/", {"username": "bea", "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_login_gets_a_new_session_key(client: Client, bea: User) -> None:
    client.get("/medewerker/inloggen/")
    client.session.save()
    before = client.session.session_key
    client.post("/medewerker/inloggen/", {"username": "bea", "password": PASSWORD})
    assert client.session.session_key != before


def test_logout_needs_a_post_and_ends_the_session(client: Client, bea: User) -> None:
    client.force_login(bea)
    assert client.get("/medewerker/uitloggen/").status_code == 405
    response = client.post("/medewerker/uitloggen/", follow=True)
    assert response.redirect_chain == [("/medewerker/inloggen/", 302)]
    assert "Je bent uitgelogd." in response.text
    assert client.get("/werkplek/").status_code == 302


def test_a_logged_in_visitor_of_the_login_page_goes_on(client: Client, bea: User) -> None:
    client.force_login(bea)
    assert client.get("/medewerker/inloggen/")["Location"] == "/werkplek/"


def test_without_local_login_only_the_provider_is_offered(
    client: Client, bea: User, settings: Settings
) -> None:
    settings.LOCAL_LOGIN = False
    settings.OIDC_ENABLED = True
    page = client.get("/medewerker/inloggen/")
    assert 'name="password"' not in page.text
    assert "/medewerker/oidc/authenticate/" in page.text
    assert client.post("/medewerker/inloggen/", {"username": "bea", "password": PASSWORD}).status_code == 405


def test_a_user_without_a_role_sees_that_on_the_home_page(client: Client) -> None:
    client.force_login(User.objects.create_user("nora", password=PASSWORD))
    page = client.get("/werkplek/")
    assert "Je hebt nog geen rol in de werkplek" in page.text
    assert "Welkom, nora" in page.text
