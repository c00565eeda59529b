"""The Documenten and Besluiten registers in the admin: browsable by staff with view permission,
searchable, read-only (changes go through the APIs and their rules), every value escaped."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client

from tests.besluiten.helpers import BASE as BRC
from tests.besluiten.helpers import create_besluit, types
from tests.documenten.factories import BASE as DRC
from tests.documenten.factories import create_eio
from tests.documenten.test_verzendingen import verzending_body
from tests.zgw import ZGWClient
from zaakwerk.besluiten.models import Besluit
from zaakwerk.documenten.models import EnkelvoudigInformatieObject, Verzending

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
EIO_ADMIN = "/admin/documenten/enkelvoudiginformatieobject/"
BESLUIT_ADMIN = "/admin/besluiten/besluit/"
VIEW = [
    f"view_{model}"
    for model in (
        "enkelvoudiginformatieobject",
        "enkelvoudiginformatieobjectversie",
        "gebruiksrecht",
        "verzending",
        "objectinformatieobject",
        "besluit",
        "besluitinformatieobject",
    )
]


@dataclass(frozen=True)
class Registers:
    document: EnkelvoudigInformatieObject
    other: EnkelvoudigInformatieObject
    besluit: Besluit


@pytest.fixture
def registers(api: ZGWClient) -> Registers:
    """A document with two versions, a gebruiksrecht, a verzending and a besluit relation;
    another document; a besluit. User-entered text carries a script tag."""
    catalogue = types(api)
    document = create_eio(api, catalogue.informatieobjecttype, titel="Foto van de stoeptegel")
    locked = api.post(f"{document['url']}/lock").json_body["lock"]
    assert api.patch(document["url"], {"titel": f"Stoeptegel {SCRIPT}", "lock": locked}).status_code == 200
    assert api.post(f"{document['url']}/unlock", {"lock": locked}).status_code == 204
    other = create_eio(api, catalogue.informatieobjecttype, titel="Bouwtekening aanbouw")
    gebruiksrecht = {
        "informatieobject": document["url"],
        "startdatum": "2024-03-01T00:00:00Z",
        "omschrijvingVoorwaarden": "Alleen intern",
    }
    assert api.post(f"{DRC}/gebruiksrechten", gebruiksrecht).status_code == 201
    verzending = verzending_body(document["url"], toelichting=SCRIPT)
    assert api.post(f"{DRC}/verzendingen", verzending).status_code == 201
    besluit = create_besluit(api, catalogue.besluittype, toelichting=SCRIPT, identificatie="BESLUIT-XSS-1")
    relation = {"besluit": besluit["url"], "informatieobject": document["url"]}
    assert api.post(f"{BRC}/besluitinformatieobjecten", relation).status_code == 201
    return Registers(
        EnkelvoudigInformatieObject.objects.get(uuid=document["url"].rsplit("/", 1)[1]),
        EnkelvoudigInformatieObject.objects.get(uuid=other["url"].rsplit("/", 1)[1]),
        Besluit.objects.get(),
    )


@pytest.fixture
def staff(db: None) -> Client:
    """A staff member who may view the two registers, nothing more."""
    user = User.objects.create_user("archivaris", password="wachtwoord", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=VIEW))
    client = Client()
    client.force_login(user)
    return client


def page(client: Client, url: str, **query: str) -> str:
    response = client.get(url, query)
    assert response.status_code == 200, url
    return str(response.content.decode())


def test_document_page_shows_versions_and_relations(staff: Client, registers: Registers) -> None:
    document = registers.document
    shown = page(staff, f"{EIO_ADMIN}{document.pk}/change/")
    # both versions, newest first; the gebruiksrecht; the verzending; the besluit mirror
    assert shown.index(f"Stoeptegel {ESCAPED}") < shown.index("Foto van de stoeptegel")
    assert "Alleen intern" in shown
    assert "geadresseerde" in shown.lower() and "melder@example.com" in shown
    assert registers.besluit.url in shown
    assert "Alleen lezen: wijzigen via de Documenten API" in shown and "Read-only" in shown
    # the lock value is never shown, nor any form field or save button
    assert 'name="_save"' not in shown and 'name="identificatie"' not in shown


def test_besluit_page_shows_its_documents(staff: Client, registers: Registers) -> None:
    shown = page(staff, f"{BESLUIT_ADMIN}{registers.besluit.pk}/change/")
    assert registers.document.url in shown
    assert "BESLUIT-XSS-1" in shown and "Alleen lezen" in shown
    assert 'name="_save"' not in shown


def test_lock_value_is_not_shown(staff: Client, api: ZGWClient, registers: Registers) -> None:
    document = registers.other
    lock = api.post(f"{document.url}/lock").json_body["lock"]
    for shown in (page(staff, EIO_ADMIN), page(staff, f"{EIO_ADMIN}{document.pk}/change/")):
        assert lock not in shown


@pytest.mark.parametrize(
    ("url", "query", "found", "absent"),
    [
        (EIO_ADMIN, "stoeptegel", "Stoeptegel", "Bouwtekening"),
        (EIO_ADMIN, "bouwtekening", "Bouwtekening aanbouw", "Stoeptegel"),
        (BESLUIT_ADMIN, "BESLUIT-XSS", "BESLUIT-XSS-1", None),
        (BESLUIT_ADMIN, "geen-besluit", None, "BESLUIT-XSS-1"),
        ("/admin/documenten/verzending/", "melder@example", "geadresseerde", None),
    ],
)
def test_search(
    staff: Client, registers: Registers, url: str, query: str, found: str | None, absent: str | None
) -> None:
    shown = page(staff, url, q=query)
    if found is not None:
        assert found.lower() in shown.lower()
    if absent is not None:
        assert absent.lower() not in shown.lower()


def test_search_by_identificatie(staff: Client, registers: Registers) -> None:
    shown = page(staff, EIO_ADMIN, q=registers.other.identificatie)
    assert "Bouwtekening aanbouw" in shown and "Stoeptegel" not in shown


def test_user_input_is_escaped(staff: Client, registers: Registers) -> None:
    pages = [
        page(staff, EIO_ADMIN),
        page(staff, f"{EIO_ADMIN}{registers.document.pk}/change/"),
        page(staff, f"/admin/documenten/verzending/{Verzending.objects.get().pk}/change/"),
        page(staff, f"{BESLUIT_ADMIN}{registers.besluit.pk}/change/"),
    ]
    for shown in pages:
        assert SCRIPT not in shown
        assert ESCAPED in shown


@pytest.mark.parametrize("base", [EIO_ADMIN, BESLUIT_ADMIN])
def test_no_add_change_or_delete(staff: Client, registers: Registers, base: str) -> None:
    row: Any = registers.document if base == EIO_ADMIN else registers.besluit
    superuser = User.objects.create_superuser("beheerder", "beheer@example.org", "wachtwoord")
    admin_client = Client()
    admin_client.force_login(superuser)
    for client in (staff, admin_client):
        assert client.get(f"{base}add/").status_code == 403
        assert client.post(f"{base}{row.pk}/change/", {"identificatie": "X"}).status_code == 403
        assert client.post(f"{base}{row.pk}/delete/", {"post": "yes"}).status_code == 403
        client.post(base, {"action": "delete_selected", "_selected_action": [str(row.pk)]})
    assert type(row).objects.filter(pk=row.pk, identificatie=row.identificatie).exists()


def test_staff_without_view_permission_sees_nothing(registers: Registers) -> None:
    user = User.objects.create_user("medewerker", password="wachtwoord", is_staff=True)
    client = Client()
    client.force_login(user)
    assert client.get(EIO_ADMIN).status_code == 403
    assert client.get(BESLUIT_ADMIN).status_code == 403
