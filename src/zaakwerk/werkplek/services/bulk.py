"""Toekennen and vrijgeven of many zaken at once, by a coördinator from a work list.

Each zaak goes through the same steps as the single actions (docs/adr/0055): the user must see
it and be allowed the action on its zaaktype, it must still be open (read live, just before the
change), and the reason goes with every write into the zaak's audit trail. A zaak that cannot be
changed is reported with why; the others are done. After each change the zaak's row in the read
model is refreshed at once, so the lists show it without waiting for the notification.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.translation import gettext as _

from zaakwerk.client import ClientError, ZGWClient
from zaakwerk.werkplek.access import Access
from zaakwerk.werkplek.handling import Actie, permitted
from zaakwerk.werkplek.read_model.queries import visible
from zaakwerk.werkplek.read_model.refresh import refresh_zaak
from zaakwerk.werkplek.services import assignment

MAX_ZAKEN = 200


class Wat(StrEnum):
    TEAM = "team"
    MEDEWERKER = "medewerker"
    VRIJGEVEN = "vrijgeven"


@dataclass(frozen=True)
class BulkOpdracht:
    wat: Wat
    toelichting: str
    team: str = ""
    medewerker: assignment.Medewerker | None = None


@dataclass
class BulkResultaat:
    done: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)


def _actie(wat: Wat) -> Actie:
    return Actie.VRIJGEVEN if wat == Wat.VRIJGEVEN else Actie.TOEKENNEN


def may_bulk(access: Access) -> bool:
    """Whether the work lists offer the bulk form: the user may assign on some zaaktype."""
    allowed = access.zaaktypen()
    if allowed is None:
        return permitted(access, "", Actie.TOEKENNEN)
    return any(permitted(access, identificatie, Actie.TOEKENNEN) for identificatie in allowed)


def bulk(client: ZGWClient, access: Access, uuids: Iterable[str], opdracht: BulkOpdracht) -> BulkResultaat:
    result = BulkResultaat()
    actie = _actie(opdracht.wat)
    for uuid in list(dict.fromkeys(uuids))[:MAX_ZAKEN]:
        row = visible(access).filter(uuid=uuid).first()
        if row is None:
            result.refused.append((uuid, _("deze zaak bestaat niet of u mag haar niet zien")))
            continue
        name = row.identificatie or uuid
        if not permitted(access, row.zaaktype_identificatie, actie):
            result.refused.append((name, _("u mag dit niet doen bij zaken van dit zaaktype")))
            continue
        try:
            zaak = client.zaken.zaken.get(row.url)
            if zaak.einddatum is not None:
                result.refused.append((name, _("de zaak is afgesloten")))
                continue
            if opdracht.wat == Wat.TEAM:
                assignment.assign_to_team(client, zaak, opdracht.team, toelichting=opdracht.toelichting)
            elif opdracht.wat == Wat.MEDEWERKER and opdracht.medewerker is not None:
                assignment.assign_to_medewerker(
                    client, zaak, opdracht.medewerker, toelichting=opdracht.toelichting
                )
            elif not assignment.release(client, zaak, toelichting=opdracht.toelichting):
                result.refused.append((name, _("de zaak heeft geen behandelaar")))
                continue
            refresh_zaak(client, row.url)
        except assignment.AssignmentError:
            result.refused.append((name, _("het zaaktype heeft geen roltype behandelaar")))
            continue
        except ClientError:
            result.refused.append((name, _("het register is nu niet bereikbaar; er is niets veranderd")))
            continue
        result.done.append(name)
    return result
