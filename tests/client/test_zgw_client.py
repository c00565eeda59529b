"""The typed ZGW client, run both ways: in-process against this deployment, and over HTTP against
another deployment (a real server). The same test code, because the client only speaks the APIs.
"""

from __future__ import annotations

import base64
import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import pytest

from tests.client.conftest import CLIENT_ID, SECRET, Deployment
from zaakwerk.autorisaties.clients import register_client
from zaakwerk.client import ClientCredentials, HTTPStatusError, ZGWClient, models
from zaakwerk.ops.demo import load_demo

if TYPE_CHECKING:
    from pytest_django import Settings

pytestmark = pytest.mark.django_db  # the in-process deployment's database (the other has its own)


@pytest.fixture(params=["in-process", "over-http"])
def zgw(request: pytest.FixtureRequest, settings: Settings) -> tuple[ZGWClient, str]:
    """A client with all rights, and the Referentielijsten API root its deployment uses."""
    credentials = ClientCredentials(CLIENT_ID, SECRET)
    if request.param == "in-process":
        settings.PAGE_SIZE = 2
        register_client(CLIENT_ID, SECRET, all_authorizations=True)
        return ZGWClient.for_deployment(credentials), f"{settings.PUBLIC_URL}/referentielijsten/api/v1"
    other: Deployment = request.getfixturevalue("other_deployment")
    return ZGWClient(ZGWClient.roots_at(other.url), auth=credentials), other.referentielijsten


def _melding(client: ZGWClient, referentielijsten: str) -> models.ZaakType:
    catalogus = load_demo(client, referentielijsten=referentielijsten).catalogus
    return next(client.catalogi.zaaktypen.list(catalogus=catalogus, identificatie="MELDING-OPENBARE-RUIMTE"))


def _zaak(client: ZGWClient, zaaktype: models.ZaakType, omschrijving: str) -> models.Zaak:
    return client.zaken.zaken.create(
        {
            "bronorganisatie": "002220647",
            "verantwoordelijkeOrganisatie": "002220647",
            "zaaktype": zaaktype.url,
            "startdatum": "2024-03-01",
            "omschrijving": omschrijving,
        }
    )


def test_zaken_pages_expand_zoek_and_changes(zgw: tuple[ZGWClient, str]) -> None:
    client, referentielijsten = zgw
    zaaktype = _melding(client, referentielijsten)
    tag = uuid.uuid4().hex[:8]
    # given three zaken (more than one page of two)
    made = [_zaak(client, zaaktype, f"{tag} {n}") for n in range(3)]
    # when listed: every page, as typed zaken
    listed = [
        zaak for zaak in client.zaken.zaken.list(zaaktype=zaaktype.url) if zaak.omschrijving.startswith(tag)
    ]
    assert sorted(zaak.url for zaak in listed) == sorted(zaak.url for zaak in made)
    assert all(isinstance(zaak.startdatum, type(made[0].startdatum)) for zaak in listed)
    # expand embeds the zaaktype
    read = client.zaken.zaken.get(made[0].url, expand=["zaaktype"])
    assert read.expanded["zaaktype"]["identificatie"] == "MELDING-OPENBARE-RUIMTE"
    # _zoek finds one by identificatie
    found = list(client.zaken.zaken.zoek({"zaaktype": zaaktype.url, "identificatie": made[1].identificatie}))
    assert [zaak.url for zaak in found] == [made[1].url]
    # partial update, then a whole update from the object read
    changed = client.zaken.zaken.partial_update(made[0].url, {"toelichting": "Bijgewerkt"})
    assert changed.toelichting == "Bijgewerkt"
    replaced = client.zaken.zaken.update(
        changed.url, changed.model_copy(update={"omschrijving": f"{tag} nieuw"})
    )
    assert (replaced.omschrijving, replaced.toelichting) == (f"{tag} nieuw", "Bijgewerkt")
    # delete, after which the zaak is gone
    client.zaken.zaken.delete(made[2].url)
    with pytest.raises(HTTPStatusError) as gone:
        client.zaken.zaken.get(made[2].url)
    assert gone.value.status == 404


def test_status_rol_resultaat_and_a_document(
    zgw: tuple[ZGWClient, str], django_capture_on_commit_callbacks: Any
) -> None:
    client, referentielijsten = zgw
    zaaktype = _melding(client, referentielijsten)
    zaak = _zaak(client, zaaktype, "Losse stoeptegel")
    statustypen = sorted(client.catalogi.statustypen.list(zaaktype=zaaktype.url), key=lambda s: s.volgnummer)
    [melder] = [r for r in client.catalogi.roltypen.list(zaaktype=zaaktype.url) if r.omschrijving == "Melder"]
    resultaattype = next(client.catalogi.resultaattypen.list(zaaktype=zaaktype.url))
    # a status, a rol, a resultaat
    now = datetime.now(UTC).isoformat()
    status = client.zaken.statussen.create(
        {"zaak": zaak.url, "statustype": statustypen[0].url, "datumStatusGezet": now}
    )
    assert client.zaken.zaken.get(zaak.url).status == status.url
    rol = client.zaken.rollen.create(
        {
            "zaak": zaak.url,
            "roltype": melder.url,
            "betrokkeneType": "natuurlijk_persoon",
            "roltoelichting": "Melder",
            "betrokkeneIdentificatie": {"inpBsn": "111222333", "geslachtsnaam": "Jansen"},
        }
    )
    assert [found.url for found in client.zaken.rollen.list(zaak=zaak.url)] == [rol.url]
    resultaat = client.zaken.resultaten.create({"zaak": zaak.url, "resultaattype": resultaattype.url})
    assert resultaat.resultaattype == resultaattype.url
    # a document of the zaak, and its content back
    [melding] = [
        t
        for t in client.catalogi.informatieobjecttypen.list(catalogus=zaaktype.catalogus)
        if t.omschrijving == "Melding"
    ]
    inhoud = b"Er ligt een stoeptegel los op de Dam."
    with django_capture_on_commit_callbacks(execute=True):  # in-process: the content is kept on commit
        document = client.documenten.enkelvoudiginformatieobjecten.create(
            {
                "bronorganisatie": "002220647",
                "creatiedatum": "2024-03-01",
                "titel": "Melding",
                "auteur": "Melder",
                "taal": "nld",
                "bestandsnaam": "melding.txt",
                "inhoud": base64.b64encode(inhoud).decode(),
                "informatieobjecttype": melding.url,
            }
        )
    assert client.documenten.download(document, max_bytes=1000) == inhoud
    assert client.documenten.download(document.url, max_bytes=1000) == inhoud
    relation = client.zaken.zaakinformatieobjecten.create(
        {"zaak": zaak.url, "informatieobject": document.url}
    )
    assert [found.url for found in client.zaken.zaakinformatieobjecten.list(zaak=zaak.url)] == [relation.url]
    assert list(client.besluiten.besluiten.list(zaak=zaak.url)) == []


def test_a_refusal_names_the_fields(zgw: tuple[ZGWClient, str]) -> None:
    client, referentielijsten = zgw
    zaaktype = _melding(client, referentielijsten)
    with pytest.raises(HTTPStatusError) as refused:
        client.zaken.zaken.create({"zaaktype": zaaktype.url})
    assert refused.value.status == 400
    assert {"bronorganisatie", "startdatum"} <= {item["name"] for item in refused.value.invalid_params}
    assert "Zaken API" in str(refused.value)
