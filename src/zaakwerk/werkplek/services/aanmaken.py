"""Zaak aanmaken: a staff member registers a zaak of a zaaktype they handle.

The zaak gets its initiator (a person by BSN, a company by KVK-nummer, a vestiging by its
vestigingsnummer, or a free contact), its first status (the zaaktype's statustype with the lowest
volgnummer) and its team (docs/adr/0063). It is all or nothing: when a later step is refused the
zaak made for it is removed again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from zaakwerk.client import HTTPStatusError, ZGWClient, models
from zaakwerk.web.roles import Role
from zaakwerk.werkplek.access import Access
from zaakwerk.werkplek.handling import parameters_for
from zaakwerk.werkplek.services import assignment, intake
from zaakwerk.werkplek.services.gegevens import ChangeRefused, refused

HANDLERS = (Role.BEHANDELAAR, Role.COORDINATOR)
BSN, KVK, VESTIGING, CONTACT = "bsn", "kvk", "vestiging", "contact"


class NotAllowed(Exception):
    """The user may not create zaken of this zaaktype (no behandelaar or coördinator role)."""


def elfproef(bsn: str) -> bool:
    """Whether ``bsn`` is nine digits that pass the BSN eleven test."""
    if len(bsn) != 9 or not bsn.isdigit():
        return False
    total = sum(int(digit) * weight for digit, weight in zip(bsn[:8], range(9, 1, -1), strict=True))
    return (total - int(bsn[8])) % 11 == 0


@dataclass(frozen=True)
class Initiator:
    soort: str  # BSN, KVK, VESTIGING or CONTACT
    nummer: str = ""  # the BSN, KVK-nummer or vestigingsnummer
    naam: str = ""
    emailadres: str = ""
    telefoonnummer: str = ""

    def rol(self) -> dict[str, Any]:
        """The rol's betrokkene fields (Zaken API 1.5): a BSN is a natuurlijk_persoon, a
        KVK-nummer and a vestigingsnummer a vestiging, a free contact a natuurlijk_persoon known
        only by name and contact details (docs/adr/0063)."""
        identificatie: dict[str, Any]
        if self.soort == BSN:
            kind, identificatie = "natuurlijk_persoon", {"inpBsn": self.nummer}
        elif self.soort == KVK:
            kind, identificatie = "vestiging", {"kvkNummer": self.nummer}
        elif self.soort == VESTIGING:
            kind, identificatie = "vestiging", {"vestigingsNummer": self.nummer}
        else:  # the API wants some identificatie: the name, as the standard's geslachtsnaam
            kind, identificatie = "natuurlijk_persoon", {"geslachtsnaam": self.naam[:200]}
        found: dict[str, Any] = {"betrokkeneType": kind, "betrokkeneIdentificatie": identificatie}
        if self.naam:
            found["afwijkendeNaamBetrokkene"] = self.naam[:625]
        contact = {
            key: value
            for key, value in (
                ("naam", self.naam[:40]),
                ("emailadres", self.emailadres[:254]),
                ("telefoonnummer", self.telefoonnummer[:20]),
            )
            if value
        }
        if self.emailadres or self.telefoonnummer:
            found["contactpersoonRol"] = {"naam": self.naam[:40] or "-", **contact}
        return found


@dataclass(frozen=True)
class NieuweZaak:
    zaaktype: str  # URL
    initiator: Initiator
    omschrijving: str
    toelichting: str = ""
    communicatiekanaal: str = ""  # URL in the Referentielijsten API


def _current(zaaktype: models.ZaakType, today: date) -> bool:
    started = zaaktype.begin_geldigheid is None or zaaktype.begin_geldigheid <= today
    ended = zaaktype.einde_geldigheid is not None and zaaktype.einde_geldigheid < today
    return started and not ended and not zaaktype.concept


def handled_zaaktypen(client: ZGWClient, access: Access, today: date | None = None) -> list[models.ZaakType]:
    """The zaaktypen the user may create zaken of: published, valid today, and one the user is
    behandelaar or coördinator of; per identificatie its current version, by omschrijving."""
    day = today or date.today()
    latest: dict[str, models.ZaakType] = {}
    for zaaktype in client.catalogi.zaaktypen.list():
        if not _current(zaaktype, day):
            continue
        if not any(access.may(role, zaaktype.identificatie) for role in HANDLERS):
            continue
        known = latest.get(zaaktype.identificatie)
        if known is None or (zaaktype.begin_geldigheid or date.min) > (known.begin_geldigheid or date.min):
            latest[zaaktype.identificatie] = zaaktype
    return sorted(latest.values(), key=lambda zaaktype: zaaktype.omschrijving.lower())


def kanalen(client: ZGWClient, url: str) -> list[tuple[str, str]]:
    """The communicatiekanalen of the Referentielijsten API at ``url`` (its list), by name."""
    found: list[tuple[str, str]] = []
    page_url: str | None = url
    while page_url:
        data = client.http.request("GET", page_url)
        items = data.get("results", []) if isinstance(data, dict) else data
        found += [(str(item["url"]), str(item.get("naam", ""))) for item in items if isinstance(item, dict)]
        page_url = data.get("next") if isinstance(data, dict) else None
    return sorted(found, key=lambda item: item[1].lower())


def _first_statustype(client: ZGWClient, zaaktype: str) -> models.StatusType | None:
    types = list(client.catalogi.statustypen.list(zaaktype=zaaktype))
    return min(types, key=lambda statustype: statustype.volgnummer) if types else None


def _initiator_roltype(client: ZGWClient, zaaktype: str) -> models.RolType | None:
    return next(client.catalogi.roltypen.list(zaaktype=zaaktype, omschrijvingGeneriek="initiator"), None)


def default_team(zaaktype_identificatie: str, teams: list[str]) -> str:
    """The team a new zaak gets: the zaaktype's default team, else the user's only team, else none."""
    configured = parameters_for(zaaktype_identificatie).default_group
    if configured:
        return configured
    return teams[0] if len(teams) == 1 else ""


def create_zaak(
    client: ZGWClient, access: Access, nieuw: NieuweZaak, *, teams: list[str], door: str
) -> models.Zaak:
    """Register the zaak with its initiator, first status and team; all or nothing.

    The team is the zaaktype's default team (its handling parameters); without one, the user's
    team when ``teams`` (the user's teams) has exactly one (docs/adr/0063). ``door``: who, for the
    toelichtingen."""
    allowed = {zaaktype.url: zaaktype for zaaktype in handled_zaaktypen(client, access)}
    zaaktype = allowed.get(nieuw.zaaktype)
    if zaaktype is None:
        raise NotAllowed(nieuw.zaaktype)
    rsin = client.catalogi.catalogussen.get(str(zaaktype.catalogus)).rsin
    roltype = _initiator_roltype(client, zaaktype.url)
    statustype = _first_statustype(client, zaaktype.url)
    body: dict[str, Any] = {
        "bronorganisatie": rsin,
        "verantwoordelijkeOrganisatie": rsin,
        "zaaktype": zaaktype.url,
        "startdatum": date.today().isoformat(),
        "omschrijving": nieuw.omschrijving[:80],
        "toelichting": nieuw.toelichting[:1000],
    }
    if nieuw.communicatiekanaal:
        body["communicatiekanaal"] = nieuw.communicatiekanaal
    reden = f"Zaak aangemaakt in de werkplek door {door}"
    try:
        zaak = client.zaken.zaken.create(body, toelichting=reden)
    except HTTPStatusError as exc:
        if exc.status == 400:
            raise refused(exc) from exc
        raise
    team = default_team(zaaktype.identificatie, teams)
    intake.mark_taken_in(zaak.url, team)
    try:
        if roltype is not None:
            client.zaken.rollen.create(
                {
                    "zaak": zaak.url,
                    "roltype": roltype.url,
                    "roltoelichting": "initiator",
                    **nieuw.initiator.rol(),
                },
                toelichting=reden,
            )
        if statustype is not None:
            client.zaken.statussen.create(
                {
                    "zaak": zaak.url,
                    "statustype": statustype.url,
                    "datumStatusGezet": datetime.now(UTC).isoformat(),
                },
                toelichting=reden,
            )
        if team:
            assignment.assign_to_team(client, zaak, team, toelichting=reden)
    except (HTTPStatusError, assignment.AssignmentError) as exc:
        client.zaken.zaken.delete(zaak.url, toelichting="Aanmaken mislukt")
        if isinstance(exc, HTTPStatusError) and exc.status == 400:
            raise refused(exc) from exc
        if isinstance(exc, assignment.AssignmentError):
            raise ChangeRefused({"": [str(exc)]}) from exc
        raise
    return client.zaken.zaken.get(zaak.url)
