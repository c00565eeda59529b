"""Zaken registered by another application (a form in the loket, a chain partner, a script on the
Zaken API) land in the werkvoorraad of their zaaktype's default team (docs/adr/0104).

The werkplek learns of a new zaak from its abonnement (``zaken``/``zaak``/``create``). When the zaak
has no behandelaar yet (no team, no staff member) and the zaaktype's handling parameters name a
default team, the zaak is given to that team through the Zaken API, with a reason in its audit
trail. Each zaak is taken in once: a :class:`ZaakIntake` row is written in the same transaction,
so a notification delivered twice, or to two werkplek instances, assigns nothing the second time,
and a zaak the werkplek made itself (it assigns the team as it makes the zaak) is marked taken in
right away.
"""

from __future__ import annotations

from django.db import transaction

from zaakwerk.client import ZGWClient
from zaakwerk.werkplek.handling import parameters_for
from zaakwerk.werkplek.models import ZaakIntake
from zaakwerk.werkplek.services import assignment

TOELICHTING = "Binnengekomen zaak: toegekend aan het standaardteam van het zaaktype"


def mark_taken_in(zaak_url: str, team: str = "") -> None:
    """The werkplek made the zaak and assigns it itself: its notification assigns nothing."""
    ZaakIntake.objects.get_or_create(zaak_url=zaak_url, defaults={"team": team[:24]})


def take_in(client: ZGWClient, zaak_url: str, zaaktype_identificatie: str) -> str:
    """Give a newly announced zaak without a behandelaar to its zaaktype's default team; the team
    it was given to, or "" when it was taken in before, has a behandelaar or there is no default
    team. Raises the client's errors when the registers cannot be read or written (nothing is
    recorded then, so the notification's next delivery tries again)."""
    with transaction.atomic():
        record, first = ZaakIntake.objects.get_or_create(zaak_url=zaak_url)
        if not first:
            return ""
        team = parameters_for(zaaktype_identificatie).default_group
        if not team:
            return ""
        current = assignment.assignment_of(client, zaak_url)
        if current.team is not None or current.medewerker is not None:
            return ""
        zaak = client.zaken.zaken.get(zaak_url)
        assignment.assign_to_team(client, zaak, team, toelichting=TOELICHTING)
        record.team = team
        record.save(update_fields=["team"])
        return team
