"""Staff login through OIDC: the provider's claims make the user and the user's groups."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from pytest_django import Settings

from zaakwerk.web.auth.oidc import StaffBackend, group_names

pytestmark = pytest.mark.django_db


@pytest.fixture
def oidc(settings: Settings) -> Settings:
    settings.OIDC_ENABLED = True
    settings.OIDC_RP_CLIENT_ID = "zaakwerk"
    settings.OIDC_RP_CLIENT_SECRET = "geheim"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = "https://idp.example/auth"
    settings.OIDC_OP_TOKEN_ENDPOINT = "https://idp.example/token"
    settings.OIDC_OP_USER_ENDPOINT = "https://idp.example/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = "https://idp.example/jwks"
    settings.OIDC_PROVIDER_NAME = "Entra ID"
    return settings


def claims(**extra: Any) -> dict[str, Any]:
    return {"sub": "1", "preferred_username": "bea", "given_name": "Bea", "email": "bea@example.nl", **extra}


def test_oidc_pages_are_absent_while_not_configured(client: Client) -> None:
    assert client.get("/medewerker/oidc/authenticate/").status_code == 404
    assert client.get("/medewerker/oidc/callback/").status_code == 404
    assert "oidc" not in client.get("/medewerker/inloggen/").text


def test_the_login_page_offers_the_provider_and_sends_the_user_there(client: Client, oidc: Settings) -> None:
    page = client.get("/medewerker/inloggen/?next=/werkplek/")
    assert "Inloggen met Entra ID" in page.text
    assert 'name="password"' in page.text  # local accounts stay, unless switched off
    # when the button is followed
    response = client.get("/medewerker/oidc/authenticate/?next=/werkplek/")
    # then to the provider, with our client id and the callback on this server
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == "https://idp.example/auth"
    query = parse_qs(location.query)
    assert query["client_id"] == ["zaakwerk"]
    assert query["redirect_uri"] == ["http://testserver/medewerker/oidc/callback/"]
    assert query["scope"] == ["openid email profile"]


def test_a_failed_provider_login_is_reported(client: Client, oidc: Settings) -> None:
    page = client.get("/medewerker/inloggen/?fout=oidc")
    assert "Inloggen via je organisatie is niet gelukt" in page.text


def test_first_login_creates_the_user_with_the_groups_of_the_claim(oidc: Settings) -> None:
    user = StaffBackend().create_user(claims(groups=["behandelaar", "/team-noord/coördinator"]))
    assert (user.username, user.first_name, user.email) == ("bea", "Bea", "bea@example.nl")
    assert sorted(user.groups.values_list("name", flat=True)) == ["behandelaar", "coördinator"]


def test_every_login_sets_the_groups_anew(oidc: Settings) -> None:
    backend = StaffBackend()
    user = backend.create_user(claims(groups=["behandelaar"]))
    # when the provider no longer says behandelaar
    backend.update_user(user, claims(groups=["raadpleger"]))
    # then
    assert list(user.groups.values_list("name", flat=True)) == ["raadpleger"]
    assert Group.objects.filter(name="behandelaar").exists()  # the group itself stays


def test_the_user_is_found_by_the_username_claim(oidc: Settings) -> None:
    existing = User.objects.create_user("bea")
    assert list(StaffBackend().filter_users_by_claims(claims())) == [existing]
    assert not StaffBackend().verify_claims({"sub": "1"})


@pytest.mark.parametrize(
    ("claim", "value", "expected"),
    [
        ("groups", ["a", "b"], {"a", "b"}),
        ("groups", "a", {"a"}),
        ("groups", None, set()),
        ("groups", {"not": "a list"}, set()),
        ("groups", ["/", ""], set()),
        ("realm_access.roles", ["behandelaar"], {"behandelaar"}),
    ],
)
def test_group_names_from_the_configured_claim(
    settings: Settings, claim: str, value: Any, expected: set[str]
) -> None:
    settings.OIDC_GROUPS_CLAIM = claim
    head, _, tail = claim.partition(".")
    data = {head: {tail: value}} if tail else {head: value}
    assert group_names(data) == expected
