"""Toekennen and vrijgeven: who handles a zaak, kept in the zaak's own rollen (docs/adr/0055).

A zaak is assigned to a team as a rol of the zaaktype's roltype with omschrijvingGeneriek
``behandelaar`` and betrokkeneType ``organisatorische_eenheid`` (identificatie: the team's name),
and to a staff member as such a rol with betrokkeneType ``medewerker`` (identificatie: the
username). So the assignment lives in the Zaken API, where any other application sees it, and
each change is in the zaak's audit trail with its reason (``toelichting``).

A new assignment is created before the old one is removed, so a failure in between leaves the zaak
assigned twice (the next assignment tidies it), never unassigned.
"""

from __future__ import annotations

from dataclasses import dataclass

from zaakwerk.client import ZGWClient, models

BEHANDELAAR = "behandelaar"
MEDEWERKER = "medewerker"
TEAM = "organisatorische_eenheid"


class AssignmentError(Exception):
    """The zaak cannot be assigned (its zaaktype has no behandelaar roltype)."""


@dataclass(frozen=True)
class Medewerker:
    username: str
    achternaam: str = ""
    voorletters: str = ""

    def identificatie(self) -> dict[str, str]:
        found = {"identificatie": self.username[:254], "achternaam": self.achternaam[:200]}
        if self.voorletters:
            found["voorletters"] = self.voorletters[:20]
        return found


@dataclass(frozen=True)
class Assignment:
    """The zaak's behandelaar rollen: its team's and its staff member's (either may be missing)."""

    team: models.Rol | None
    medewerker: models.Rol | None

    @property
    def team_name(self) -> str:
        return _identificatie(self.team)

    @property
    def username(self) -> str:
        return _identificatie(self.medewerker)


def _identificatie(rol: models.Rol | None) -> str:
    if rol is None or not rol.betrokkene_identificatie:
        return ""
    return str(rol.betrokkene_identificatie.get("identificatie", ""))


def behandelaar_roltype(client: ZGWClient, zaaktype_url: str) -> models.RolType:
    for roltype in client.catalogi.roltypen.list(zaaktype=zaaktype_url, omschrijvingGeneriek=BEHANDELAAR):
        return roltype
    raise AssignmentError("het zaaktype heeft geen roltype behandelaar")


def _behandelaar_rollen(client: ZGWClient, zaak_url: str, betrokkene_type: str) -> list[models.Rol]:
    return list(
        client.zaken.rollen.list(
            zaak=zaak_url, omschrijvingGeneriek=BEHANDELAAR, betrokkeneType=betrokkene_type
        )
    )


def assignment_of(client: ZGWClient, zaak_url: str) -> Assignment:
    teams = _behandelaar_rollen(client, zaak_url, TEAM)
    people = _behandelaar_rollen(client, zaak_url, MEDEWERKER)
    return Assignment(teams[-1] if teams else None, people[-1] if people else None)


def _replace(
    client: ZGWClient,
    zaak: models.Zaak,
    betrokkene_type: str,
    identificatie: dict[str, str],
    toelichting: str,
) -> models.Rol:
    old = _behandelaar_rollen(client, zaak.url, betrokkene_type)
    roltype = behandelaar_roltype(client, zaak.zaaktype)
    new = client.zaken.rollen.create(
        {
            "zaak": zaak.url,
            "betrokkeneType": betrokkene_type,
            "roltype": roltype.url,
            "roltoelichting": toelichting[:1000] or BEHANDELAAR,
            "betrokkeneIdentificatie": identificatie,
        },
        toelichting=toelichting,
    )
    for rol in old:
        client.zaken.rollen.delete(rol.url, toelichting=toelichting)
    return new


def assign_to_team(client: ZGWClient, zaak: models.Zaak, team: str, *, toelichting: str) -> models.Rol:
    """Give the zaak to ``team`` (replacing its previous team); its behandelaar, if any, stays."""
    return _replace(client, zaak, TEAM, {"identificatie": team[:24], "naam": team[:50]}, toelichting)


def assign_to_medewerker(
    client: ZGWClient, zaak: models.Zaak, medewerker: Medewerker, *, toelichting: str
) -> models.Rol:
    """Make ``medewerker`` the zaak's behandelaar (replacing the previous one)."""
    return _replace(client, zaak, MEDEWERKER, medewerker.identificatie(), toelichting)


def release(client: ZGWClient, zaak: models.Zaak, *, toelichting: str) -> int:
    """Vrijgeven: the zaak goes back to its team's werkvoorraad; the number of rollen removed."""
    rollen = _behandelaar_rollen(client, zaak.url, MEDEWERKER)
    for rol in rollen:
        client.zaken.rollen.delete(rol.url, toelichting=toelichting)
    return len(rollen)
