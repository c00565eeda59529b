"""The kanalen the registers of this deployment publish on, with their kenmerken (RULES.md 1.9).

Each register MOET register its kanaal at the Notificaties API when it does not exist yet. In one
deployment the registers and the Notificaties register share a database, so the kanalen are
created by a data migration (and by :func:`ensure_kanalen`, which is safe to call at any time)
rather than over HTTP at start-up.

The ``filters`` are exactly the kenmerken the registers put on their messages (see each
register's ``kenmerken()``), in the order the standard lists them. Besluiten spells its kenmerk
``verantwoordelijke_organisatie`` as the VNG specification does (RULES.md 9.2), so that is the
filter name here too: a subscriber can only filter on a kenmerk that messages actually carry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from zaakwerk.notificaties.models import Kanaal

STANDARD_DOCS = "https://vng-realisatie.github.io/gemma-zaken/standaard"


@dataclass(frozen=True)
class KanaalDefinition:
    naam: str
    filters: tuple[str, ...]
    documentatie_link: str


KANALEN: tuple[KanaalDefinition, ...] = (
    KanaalDefinition(
        "zaken",
        ("bronorganisatie", "zaaktype", "vertrouwelijkheidaanduiding"),
        f"{STANDARD_DOCS}/zaken/",
    ),
    KanaalDefinition(
        "documenten",
        ("bronorganisatie", "informatieobjecttype", "vertrouwelijkheidaanduiding"),
        f"{STANDARD_DOCS}/documenten/",
    ),
    KanaalDefinition(
        "besluiten",
        ("verantwoordelijke_organisatie", "besluittype"),
        f"{STANDARD_DOCS}/besluiten/",
    ),
    KanaalDefinition("zaaktypen", ("catalogus",), f"{STANDARD_DOCS}/catalogi/"),
    KanaalDefinition("besluittypen", ("catalogus",), f"{STANDARD_DOCS}/catalogi/"),
    KanaalDefinition("informatieobjecttypen", ("catalogus",), f"{STANDARD_DOCS}/catalogi/"),
    KanaalDefinition("autorisaties", (), f"{STANDARD_DOCS}/autorisaties/"),
)


def create_missing(model: Any) -> list[str]:
    """Create the kanalen of :data:`KANALEN` that ``model`` (the Kanaal model, or its historical
    version in a migration) does not have yet; return their names.

    An existing kanaal is left as it is: an administrator may have changed its documentation
    link, and changing the filters of a kanaal with abonnementen is not this function's call.
    """
    with transaction.atomic():
        existing = set(
            model.objects.filter(naam__in=[k.naam for k in KANALEN]).values_list("naam", flat=True)
        )
        missing = [k for k in KANALEN if k.naam not in existing]
        model.objects.bulk_create(
            [
                model(naam=k.naam, filters=list(k.filters), documentatie_link=k.documentatie_link)
                for k in missing
            ],
            ignore_conflicts=True,  # another process creating the same kanaal at the same moment
        )
    return [k.naam for k in missing]


def ensure_kanalen() -> None:
    """Make sure every kanaal this deployment publishes on exists. Idempotent."""
    create_missing(Kanaal)
