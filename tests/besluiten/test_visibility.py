"""Autorisaties per besluittype (component brc): lists filter in SQL, single objects give 403."""

from __future__ import annotations

import pytest

from tests.besluiten.helpers import (
    BASE,
    FakeDocumenten,
    Types,
    besluit_body,
    besluiten_client,
    create_besluit,
)
from tests.zgw import ZGWClient

pytestmark = pytest.mark.django_db


def test_readers_see_only_their_besluittypen(
    api: ZGWClient, catalogue: Types, documenten: FakeDocumenten
) -> None:
    # given
    mine = create_besluit(api, catalogue.besluittype)
    other = create_besluit(api, catalogue.other)
    document = documenten.add(catalogue.informatieobjecttype)
    bio = api.post(
        f"{BASE}/besluitinformatieobjecten", {"besluit": mine["url"], "informatieobject": document}
    )
    reader = besluiten_client("lezer", catalogue.besluittype, "besluiten.lezen")
    # then
    listed = reader.get(f"{BASE}/besluiten").json_body
    assert (listed["count"], [b["url"] for b in listed["results"]]) == (1, [mine["url"]])
    assert reader.get(mine["url"]).status_code == 200
    assert reader.get(other["url"]).status_code == 403
    assert reader.get(f"{BASE}/besluiten/6f7c0000-0000-4000-8000-000000000001").status_code == 404
    assert reader.get(f"{BASE}/besluiten/geen-uuid").status_code == 404
    assert reader.get(f"{BASE}/besluitinformatieobjecten").json_body == [bio.json_body]
    # no write scopes, no audit trail scope
    assert reader.post(f"{BASE}/besluiten", besluit_body(catalogue.besluittype)).status_code == 403
    assert reader.patch(mine["url"], {"toelichting": "x"}).status_code == 403
    assert reader.delete(mine["url"]).status_code == 403
    assert reader.get(f"{mine['url']}/audittrail").status_code == 403


def test_writers_only_for_their_besluittypen(api: ZGWClient, catalogue: Types) -> None:
    other = create_besluit(api, catalogue.other)
    writer = besluiten_client(
        "schrijver",
        catalogue.besluittype,
        "besluiten.aanmaken",
        "besluiten.bijwerken",
        "besluiten.verwijderen",
        "audittrails.lezen",
    )
    created = writer.post(f"{BASE}/besluiten", besluit_body(catalogue.besluittype))
    assert created.status_code == 201
    assert writer.post(f"{BASE}/besluiten", besluit_body(catalogue.other)).status_code == 403
    assert writer.patch(other["url"], {"toelichting": "x"}).status_code == 403
    assert writer.delete(other["url"]).status_code == 403
    assert writer.get(f"{other['url']}/audittrail").status_code == 403
    assert len(writer.get(f"{created.json_body['url']}/audittrail").json_body) == 1
    assert writer.delete(created.json_body["url"]).status_code == 204


def test_anonymous(anonymous: ZGWClient) -> None:
    assert anonymous.get(f"{BASE}/besluiten").status_code == 401
