"""A new version of a published zaaktype: a concept copy with its sub-types and a later
beginGeldigheid. The published version keeps serving until the copy is published, which ends it
(the Catalogi API sets its eindeGeldigheid, docs/adr/0005)."""

from __future__ import annotations

import contextlib
from datetime import date

from django.utils.translation import gettext as _

from zaakwerk.beheer.services.catalogus import (
    SUBTYPES,
    Bundle,
    Json,
    Refused,
    bundle,
    collection,
    refused_by_api,
    zaaktype_versions,
)
from zaakwerk.beheer.services.editor import User
from zaakwerk.beheer.services.wijzigingen import record
from zaakwerk.client import ClientError, ZGWClient

#: fields the API sets itself (never sent in a copy)
READ_ONLY = {
    "url",
    "concept",
    "catalogus",
    "zaaktype",
    "zaaktypeIdentificatie",
    "isEindstatus",
    "omschrijvingGeneriek_resultaattype",
    "statustypen",
    "resultaattypen",
    "resultaattypeOmschrijving",
    "eigenschappen",
    "informatieobjecttypen",
    "informatieobjecttypeOmschrijving",
    "roltypen",
    "zaakobjecttypen",
    "besluittypeOmschrijving",
    "deelzaaktypeIdentificaties",
    "_expand",
}


#: a sub-type's validity follows its zaaktype's (the API derives it; a copy must not send the old)
SUBTYPE_DERIVED = {"beginGeldigheid", "eindeGeldigheid", "beginObject", "eindeObject"}


def writable(item: Json, *, keep: tuple[str, ...] = ()) -> Json:
    return {key: value for key, value in item.items() if key not in READ_ONLY or key in keep}


def subtype_body(item: Json) -> Json:
    return {key: value for key, value in writable(item).items() if key not in SUBTYPE_DERIVED}


def zaaktype_body(zaaktype: Json) -> Json:
    """The zaaktype as a request body: its writable fields, relations by name (version-independent,
    docs/adr/0004), so the copy relates to the same besluittypen and deelzaaktypen."""
    body = writable(zaaktype)
    body["catalogus"] = zaaktype["catalogus"]
    if "besluittypeOmschrijving" in zaaktype:
        body["besluittypen"] = list(zaaktype.get("besluittypeOmschrijving") or [])
    if "deelzaaktypeIdentificaties" in zaaktype:
        body["deelzaaktypen"] = list(zaaktype.get("deelzaaktypeIdentificaties") or [])
    return body


def copy_subtypes(client: ZGWClient, source: Bundle, target_url: str) -> None:
    """Create the source's sub-types under ``target_url``; statustypen first, so the eigenschappen
    and document relations that name a statustype get the copy's."""
    statustype_map: dict[str, str] = {}
    for name in SUBTYPES:
        api = collection(client, name)
        for item in source.subtypes(name):
            body = subtype_body(item)
            body["zaaktype"] = target_url
            if body.get("statustype"):
                body["statustype"] = statustype_map.get(str(body["statustype"]))
            if name == "resultaattypen":
                body["besluittypen"] = list(
                    item.get("besluittypeOmschrijving") or item.get("besluittypen") or []
                )
                body["informatieobjecttypen"] = list(
                    item.get("informatieobjecttypeOmschrijving") or item.get("informatieobjecttypen") or []
                )
            created = api.create(body, toelichting="beheer: nieuwe versie").as_json()
            if name == "statustypen":
                statustype_map[str(item["url"])] = str(created["url"])


def new_version(client: ZGWClient, user: User, zaaktype_url: str, begin: date) -> Json:
    """Copy the published zaaktype into a concept valid from ``begin``; nothing is left behind
    when the API refuses a part of the copy."""
    source = bundle(client, zaaktype_url)
    zaaktype = source.zaaktype
    if zaaktype.get("concept"):
        raise Refused(_("Dit is al een concept; wijzig het zelf."))
    versions = zaaktype_versions(client, zaaktype)
    if any(version.concept for version in versions):
        raise Refused(_("Er is al een conceptversie van dit zaaktype; werk die bij of verwijder die eerst."))
    latest = max((version.begin for version in versions), default="")
    if begin.isoformat() <= latest:
        raise Refused(
            _("De nieuwe versie moet later beginnen dan de laatste versie (%(datum)s).") % {"datum": latest},
            {"beginGeldigheid": [_("Kies een datum na %(datum)s.") % {"datum": latest}]},
        )
    body = zaaktype_body(zaaktype)
    body.update(beginGeldigheid=begin.isoformat(), versiedatum=begin.isoformat(), eindeGeldigheid=None)
    try:
        created: Json = client.catalogi.zaaktypen.create(body, toelichting="beheer: nieuwe versie").as_json()
    except ClientError as exc:
        raise refused_by_api(exc) from exc
    try:
        copy_subtypes(client, source, str(created["url"]))
    except ClientError as exc:
        # a concept's sub-types go with it: one delete leaves nothing behind
        with contextlib.suppress(ClientError):
            client.catalogi.zaaktypen.delete(str(created["url"]), toelichting="beheer: nieuwe versie mislukt")
        raise refused_by_api(exc) from exc
    record(
        user,
        "nieuwe versie",
        "zaaktype",
        _("Nieuwe versie van zaaktype %(naam)s vanaf %(datum)s (concept)")
        % {"naam": zaaktype.get("identificatie"), "datum": begin.isoformat()},
        url=str(created["url"]),
        zaaktype=str(zaaktype.get("identificatie") or ""),
        details={"van": zaaktype_url, "beginGeldigheid": begin.isoformat()},
    )
    return created
