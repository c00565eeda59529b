"""What the archief's tests share: staff in the archief's roles and closed zaken made through the
APIs, with documents and besluiten."""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass, field

from django.contrib.auth.models import Group, User

from zaakwerk.archief import zgw
from zaakwerk.client import ZGWClient, models
from zaakwerk.ops.archief import authorise_archief
from zaakwerk.ops.demo import load_demo
from zaakwerk.werkplek.zgw import base_url

RSIN = "002220647"
PASSWORD = "correct-horse-battery-staple"


def staff(username: str, *groups: str, email: str = "") -> User:
    user = User.objects.create_user(
        username, password=PASSWORD, first_name=username.capitalize(), last_name="Tester", email=email
    )
    for group in groups:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def archief_client() -> ZGWClient:
    authorise_archief()
    return zgw.client_for()


def referentielijsten() -> str:
    return f"{base_url()}/referentielijsten/api/v1"


def zaaktype(client: ZGWClient, identificatie: str = "MELDING-OPENBARE-RUIMTE") -> models.ZaakType:
    catalogus = load_demo(client, referentielijsten=referentielijsten()).catalogus
    return next(client.catalogi.zaaktypen.list(catalogus=catalogus, identificatie=identificatie))


@dataclass
class Made:
    zaak: models.Zaak
    documenten: list[str] = field(default_factory=list)
    besluiten: list[str] = field(default_factory=list)


def document(client: ZGWClient, zaaktype_: models.ZaakType, titel: str, content: bytes) -> str:
    eio = client.documenten.enkelvoudiginformatieobjecten.create(
        {
            "bronorganisatie": RSIN,
            "creatiedatum": "2014-02-01",
            "titel": titel,
            "auteur": "Melder",
            "taal": "nld",
            "inhoud": base64.b64encode(content).decode(),
            "informatieobjecttype": zaaktype_.informatieobjecttypen[0],
            "bestandsnaam": f"{titel}.pdf",
            "formaat": "application/pdf",
            "indicatieGebruiksrecht": False,
        }
    )
    return eio.url


def closed_zaak(
    client: ZGWClient,
    zaaktype_: models.ZaakType,
    *,
    documenten: int = 1,
    resultaat: str = "",
    closed_on: str = "2014-03-01",
    archiefnominatie: str = "vernietigen",
    archiefactiedatum: str = "2020-03-01",
    besluittype: str = "",
) -> Made:
    """A zaak closed on ``closed_on`` with ``documenten`` documents, its archiving data as given."""
    zaak = client.zaken.zaken.create(
        {
            "bronorganisatie": RSIN,
            "verantwoordelijkeOrganisatie": RSIN,
            "zaaktype": zaaktype_.url,
            "startdatum": "2014-01-15",
            "omschrijving": f"melding {uuid.uuid4().hex[:6]}",
        }
    )
    made = Made(zaak)
    for number in range(documenten):
        url = document(client, zaaktype_, f"stuk-{number + 1}", b"%PDF-1.4 " + uuid.uuid4().bytes)
        client.zaken.zaakinformatieobjecten.create({"zaak": zaak.url, "informatieobject": url})
        made.documenten.append(url)
    if besluittype:
        besluit = client.besluiten.besluiten.create(
            {
                "verantwoordelijkeOrganisatie": RSIN,
                "besluittype": besluittype,
                "zaak": zaak.url,
                "datum": "2014-02-01",
                "ingangsdatum": "2014-02-01",
            }
        )
        made.besluiten.append(besluit.url)
    resultaattypen = list(client.catalogi.resultaattypen.list(zaaktype=zaaktype_.url))
    chosen = next((t for t in resultaattypen if t.omschrijving == resultaat), resultaattypen[0])
    client.zaken.resultaten.create({"zaak": zaak.url, "resultaattype": chosen.url})
    eind = max(client.catalogi.statustypen.list(zaaktype=zaaktype_.url), key=lambda t: t.volgnummer)
    client.zaken.statussen.create(
        {"zaak": zaak.url, "statustype": eind.url, "datumStatusGezet": f"{closed_on}T10:00:00Z"}
    )
    made.zaak = client.zaken.zaken.partial_update(
        zaak.url, {"archiefnominatie": archiefnominatie, "archiefactiedatum": archiefactiedatum}
    )
    return made


def exists(collection: object, url: str) -> bool:
    from zaakwerk.client import HTTPStatusError

    try:
        collection.get(url)  # type: ignore[attr-defined]
    except HTTPStatusError as exc:
        if exc.status == 404:
            return False
        raise
    return True
