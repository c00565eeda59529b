"""Publishing a concept zaaktype, after a check list of what a Catalogi API refuses.

Catalogi 1.3.3 itself sets no completeness rule on publishing (docs/adr/0005), but other
conformant catalogues may (Open Zaak refuses one that relates concept types), and a zaaktype
without statustypen, roltypen or resultaattypen cannot carry a zaak from start to end. Beheer
checks all of it before it tries, and refuses what would fail anywhere (docs/adr/0076).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from zaakwerk.beheer.services.catalogus import Bundle, Json, Refused, document_name, every, refused_by_api
from zaakwerk.beheer.services.editor import User, require_concept
from zaakwerk.beheer.services.wijzigingen import record
from zaakwerk.client import ClientError, ZGWClient


@dataclass(frozen=True)
class Check:
    label: str
    ok: bool
    detail: str = ""
    blocking: bool = True


def _published_names(items: list[Json]) -> set[str]:
    return {str(item.get("omschrijving")) for item in items if not item.get("concept")}


def checklist(client: ZGWClient, bundle: Bundle) -> list[Check]:
    zaaktype = bundle.zaaktype
    catalogus = str(zaaktype["catalogus"])
    checks = [
        Check(_("Het zaaktype is een concept"), bool(zaaktype.get("concept"))),
        Check(
            _("Minstens twee statustypen (een begin- en een eindstatus)"),
            len(bundle.statustypen) >= 2,
            _("%(aantal)s statustype(n)") % {"aantal": len(bundle.statustypen)},
        ),
        Check(
            _("Minstens één roltype, met een initiator"),
            any(item.get("omschrijvingGeneriek") == "initiator" for item in bundle.roltypen),
            _("%(aantal)s roltype(n)") % {"aantal": len(bundle.roltypen)},
        ),
        Check(
            _("Minstens één resultaattype"),
            bool(bundle.resultaattypen),
            _("%(aantal)s resultaattype(n)") % {"aantal": len(bundle.resultaattypen)},
        ),
    ]
    without_archiving = [
        str(item.get("omschrijving"))
        for item in bundle.resultaattypen
        if not (item.get("brondatumArchiefprocedure") or {}).get("afleidingswijze")
    ]
    checks.append(
        Check(
            _("Elk resultaattype zegt hoe de archiefactiedatum wordt bepaald"),
            not without_archiving,
            ", ".join(without_archiving),
        )
    )
    checks.append(
        Check(
            _("Een selectielijst-procestype is gekozen"),
            bool(zaaktype.get("selectielijstProcestype")),
        )
    )
    besluittypen = set(zaaktype.get("besluittypeOmschrijving") or [])
    if besluittypen:
        published = _published_names(every(client.catalogi.besluittypen.list(catalogus=catalogus)))
        concept = sorted(besluittypen - published)
        checks.append(Check(_("Alle besluittypen zijn gepubliceerd"), not concept, ", ".join(concept)))
    documenten = {document_name(item, bundle.documenten) for item in bundle.informatieobjecttypen}
    if documenten:
        published = _published_names(every(client.catalogi.informatieobjecttypen.list(catalogus=catalogus)))
        concept = sorted(documenten - published)
        checks.append(
            Check(_("Alle informatieobjecttypen zijn gepubliceerd"), not concept, ", ".join(concept))
        )
    deelzaaktypen = set(zaaktype.get("deelzaaktypeIdentificaties") or [])
    if deelzaaktypen:
        published_ids = {
            str(item.get("identificatie"))
            for item in every(client.catalogi.zaaktypen.list(catalogus=catalogus))
        }
        concept = sorted(deelzaaktypen - published_ids)
        checks.append(Check(_("Alle deelzaaktypen zijn gepubliceerd"), not concept, ", ".join(concept)))
    checks.append(
        Check(
            _("Er is een eindstatus met een statustekst voor de inwoner"),
            bool(bundle.statustypen and bundle.statustypen[-1].get("statustekst")),
            blocking=False,
        )
    )
    return checks


def ready(checks: list[Check]) -> bool:
    return all(check.ok for check in checks if check.blocking)


def publish(client: ZGWClient, user: User, bundle: Bundle) -> None:
    """Publish the concept when the check list has no blocking failure; the API may still refuse."""
    zaaktype = bundle.zaaktype
    require_concept(zaaktype)
    failed = [check.label for check in checklist(client, bundle) if check.blocking and not check.ok]
    if failed:
        raise Refused(_("Nog niet te publiceren: %(punten)s.") % {"punten": "; ".join(failed)})
    try:
        client.catalogi.publish(str(zaaktype["url"]))
    except ClientError as exc:
        raise refused_by_api(exc) from exc
    record(
        user,
        "gepubliceerd",
        "zaaktype",
        _("Zaaktype %(naam)s gepubliceerd, geldig vanaf %(datum)s")
        % {"naam": zaaktype.get("identificatie"), "datum": zaaktype.get("beginGeldigheid")},
        url=str(zaaktype["url"]),
        zaaktype=str(zaaktype.get("identificatie") or ""),
    )
