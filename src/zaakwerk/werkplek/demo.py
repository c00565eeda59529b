"""Demo teams and zaken for ``zaakwerk quickstart``, so the werkplek's lists show something.

Made through the ZGW APIs like everything the werkplek writes: two teams (the demo behandelaar and
coördinator are in both, and each is a demo zaaktype's default team), and :data:`DEMO_ZAKEN`
zaken in different states — in a team's werkvoorraad, the behandelaar's own (one with a new
document, one close to its streefdatum), one past its streefdatum, one afgehandeld. Then the
werkplek's abonnement is made and its read model synced. Idempotent: zaken are made only when
the werkplek has none yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import Group, User

from zaakwerk.client import ZGWClient, models
from zaakwerk.client import inhoud as inhoud_text
from zaakwerk.werkplek.models import HandlingParameters
from zaakwerk.werkplek.read_model.subscribe import subscribe
from zaakwerk.werkplek.read_model.sync import sync
from zaakwerk.werkplek.services import acties, assignment
from zaakwerk.werkplek.zgw import service_client

RSIN = "002220647"
TEAMS = {"PARKEERVERGUNNING": "team-parkeren", "MELDING-OPENBARE-RUIMTE": "team-openbare-ruimte"}
MEMBERS = ("behandelaar", "coordinator")
DEMO_ZAKEN = 5


@dataclass(frozen=True)
class DemoZaken:
    created: int
    rows: int


def _zaaktype(client: ZGWClient, identificatie: str) -> models.ZaakType:
    return next(client.catalogi.zaaktypen.list(identificatie=identificatie))


def _zaak(
    client: ZGWClient, zaaktype: models.ZaakType, omschrijving: str, start: date, days: int
) -> models.Zaak:
    made = client.zaken.zaken.create(
        {
            "bronorganisatie": RSIN,
            "verantwoordelijkeOrganisatie": RSIN,
            "zaaktype": zaaktype.url,
            "startdatum": start.isoformat(),
            "einddatumGepland": (start + timedelta(days=days)).isoformat(),
            "uiterlijkeEinddatumAfdoening": (start + timedelta(days=days + 14)).isoformat(),
            "omschrijving": omschrijving,
        },
        toelichting="demo",
    )
    first = min(client.catalogi.statustypen.list(zaaktype=zaaktype.url), key=lambda item: item.volgnummer)
    client.zaken.statussen.create(
        {"zaak": made.url, "statustype": first.url, "datumStatusGezet": f"{start.isoformat()}T09:00:00Z"}
    )
    client.zaken.rollen.create(
        {
            "zaak": made.url,
            "betrokkeneType": "natuurlijk_persoon",
            "roltype": next(
                client.catalogi.roltypen.list(zaaktype=zaaktype.url, omschrijvingGeneriek="initiator")
            ).url,
            "roltoelichting": "initiator",
            "afwijkendeNaamBetrokkene": "J. Jansen",
            "betrokkeneIdentificatie": {"inpBsn": "999993653", "geslachtsnaam": "Jansen"},
        }
    )
    return client.zaken.zaken.get(made.url)


def _document(client: ZGWClient, zaak: models.Zaak, zaaktype: models.ZaakType, titel: str) -> None:
    eio = client.documenten.enkelvoudiginformatieobjecten.create(
        {
            "bronorganisatie": RSIN,
            "creatiedatum": date.today().isoformat(),
            "titel": titel,
            "auteur": "Demo",
            "taal": "nld",
            "inhoud": inhoud_text.encode(b"%PDF-1.4 demo"),
            "informatieobjecttype": zaaktype.informatieobjecttypen[0],
            "bestandsnaam": f"{titel}.pdf",
            "formaat": "application/pdf",
            "indicatieGebruiksrecht": False,
        }
    )
    client.zaken.zaakinformatieobjecten.create({"zaak": zaak.url, "informatieobject": eio.url})


def _teams() -> None:
    for identificatie, team in TEAMS.items():
        group, _ = Group.objects.get_or_create(name=team)
        for user in User.objects.filter(username__in=MEMBERS):
            user.groups.add(group)
        parameters, _ = HandlingParameters.objects.get_or_create(zaaktype_identificatie=identificatie)
        if not parameters.default_group:
            parameters.default_group = team
            parameters.save(update_fields=["default_group"])


def _make_zaken(client: ZGWClient, today: date) -> None:
    parkeren = _zaaktype(client, "PARKEERVERGUNNING")
    melding = _zaaktype(client, "MELDING-OPENBARE-RUIMTE")
    behandelaar = User.objects.filter(username="behandelaar").first()
    person = assignment.Medewerker(
        "behandelaar", behandelaar.last_name if behandelaar else "Behandelaar", "D"
    )
    # 1. in the werkvoorraad of team-parkeren
    pool = _zaak(client, parkeren, "Bewonersvergunning Dorpsstraat 12", today - timedelta(days=3), 56)
    assignment.assign_to_team(client, pool, TEAMS["PARKEERVERGUNNING"], toelichting="demo")
    # 2. the behandelaar's, with a new document
    mine = _zaak(client, parkeren, "Bezoekersvergunning Kerkplein 3", today - timedelta(days=20), 56)
    assignment.assign_to_team(client, mine, TEAMS["PARKEERVERGUNNING"], toelichting="demo")
    assignment.assign_to_medewerker(client, mine, person, toelichting="demo")
    _document(client, mine, parkeren, "kentekenbewijs")
    # 3. the behandelaar's, its streefdatum in a few days
    soon = _zaak(client, melding, "Losse stoeptegel Molenweg", today - timedelta(days=10), 14)
    assignment.assign_to_team(client, soon, TEAMS["MELDING-OPENBARE-RUIMTE"], toelichting="demo")
    assignment.assign_to_medewerker(client, soon, person, toelichting="demo")
    # 4. past its streefdatum, in the werkvoorraad of team-openbare-ruimte
    late = _zaak(client, melding, "Kapotte lantaarnpaal Stationsstraat", today - timedelta(days=30), 14)
    assignment.assign_to_team(client, late, TEAMS["MELDING-OPENBARE-RUIMTE"], toelichting="demo")
    # 5. afgehandeld
    done = _zaak(client, melding, "Zwerfvuil Parklaan", today - timedelta(days=40), 14)
    assignment.assign_to_team(client, done, TEAMS["MELDING-OPENBARE-RUIMTE"], toelichting="demo")
    state = acties.load(client, done.url)
    resultaattype = next(
        item
        for item in acties.resultaattypen(client, state)
        if not item.besluittypen and not item.informatieobjecttypen
    )
    acties.afsluiten(client, done.url, resultaattype_url=resultaattype.url, toelichting="demo")


def load_demo_zaken(*, today: date | None = None) -> DemoZaken:
    """Teams, zaken (when the werkplek has none), the abonnement and the synced read model."""
    client = service_client()
    _teams()
    created = 0
    if client.zaken.zaken.page().count == 0:
        _make_zaken(client, today or date.today())
        created = DEMO_ZAKEN
    subscribe()
    report = sync(client)
    return DemoZaken(created=created, rows=report.zaken)
