"""What the tests of the werkplek's actions and tasks share: staff members with roles, and zaken
of the demo zaaktypen made through the APIs."""

from __future__ import annotations

import uuid
from datetime import date

from django.contrib.auth.models import Group, User

from zaakwerk.client import ZGWClient, models
from zaakwerk.ops.demo import load_demo
from zaakwerk.ops.webapps import authorise_werkplek
from zaakwerk.werkplek import zgw

PASSWORD = "correct-horse-battery-staple"


def staff(name: str, *groups: str) -> User:
    user = User.objects.create_user(name, password=PASSWORD, first_name="Anna", last_name="de Vries")
    for group in groups:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def werkplek_client() -> ZGWClient:
    authorise_werkplek()
    return zgw.service_client()


def zaaktype(client: ZGWClient, identificatie: str, referentielijsten: str | None = None) -> models.ZaakType:
    root = referentielijsten or f"{zgw.base_url()}/referentielijsten/api/v1"
    catalogus = load_demo(client, referentielijsten=root).catalogus
    return next(client.catalogi.zaaktypen.list(catalogus=catalogus, identificatie=identificatie))


def zaak(
    client: ZGWClient,
    identificatie: str = "PARKEERVERGUNNING",
    *,
    referentielijsten: str | None = None,
    first_status: bool = True,
) -> models.Zaak:
    """A zaak of the demo zaaktype ``identificatie`` with its first status and end dates."""
    found = zaaktype(client, identificatie, referentielijsten)
    created = client.zaken.zaken.create(
        {
            "bronorganisatie": "002220647",
            "verantwoordelijkeOrganisatie": "002220647",
            "zaaktype": found.url,
            "startdatum": "2026-11-02",
            "einddatumGepland": "2026-12-28",
            "uiterlijkeEinddatumAfdoening": "2027-01-11",
            "omschrijving": f"parkeren {uuid.uuid4().hex[:6]}",
        }
    )
    if first_status:
        first = min(client.catalogi.statustypen.list(zaaktype=found.url), key=lambda item: item.volgnummer)
        client.zaken.statussen.create(
            {"zaak": created.url, "statustype": first.url, "datumStatusGezet": "2026-11-02T09:00:00+01:00"}
        )
    return client.zaken.zaken.get(created.url)


def statustype(client: ZGWClient, zaak: models.Zaak, omschrijving: str) -> models.StatusType:
    return next(
        item
        for item in client.catalogi.statustypen.list(zaaktype=zaak.zaaktype)
        if item.omschrijving == omschrijving
    )


def resultaattype(client: ZGWClient, zaak: models.Zaak, omschrijving: str) -> models.ResultaatType:
    return next(
        item
        for item in client.catalogi.resultaattypen.list(zaaktype=zaak.zaaktype)
        if item.omschrijving == omschrijving
    )


def day(text: str) -> date:
    return date.fromisoformat(text)


def zaaktype_with_besluit(client: ZGWClient, referentielijsten: str | None = None) -> models.ZaakType:
    """A copy of the demo's PARKEERVERGUNNING (identificatie PARKEERVERGUNNING-B) with a besluittype
    "Parkeerbesluit" (its document type: "Besluit") that the resultaat "Verleend" requires."""
    from zaakwerk.ops.demo import DemoReport, _zaaktype, definition

    root = referentielijsten or f"{zgw.base_url()}/referentielijsten/api/v1"
    catalogus = load_demo(client, referentielijsten=root).catalogus
    found = list(client.catalogi.zaaktypen.list(catalogus=catalogus, identificatie="PARKEERVERGUNNING-B"))
    if found:
        return found[0]
    besluittype = client.catalogi.besluittypen.create(
        {
            "catalogus": catalogus,
            "omschrijving": "Parkeerbesluit",
            "publicatieIndicatie": False,
            "informatieobjecttypen": ["Besluit"],
            "beginGeldigheid": "2024-01-01",
        }
    )
    client.catalogi.publish(besluittype.url)
    item = next(
        entry for entry in definition(root)["zaaktypen"] if entry["identificatie"] == "PARKEERVERGUNNING"
    )
    item = {**item, "identificatie": "PARKEERVERGUNNING-B", "besluittypen": ["Parkeerbesluit"]}
    item["resultaattypen"] = [
        {**entry, "besluittypen": [besluittype.url]} if entry["omschrijving"] == "Verleend" else entry
        for entry in item["resultaattypen"]
    ]
    _zaaktype(client.catalogi, catalogus, item, DemoReport())
    return next(client.catalogi.zaaktypen.list(catalogus=catalogus, identificatie="PARKEERVERGUNNING-B"))
