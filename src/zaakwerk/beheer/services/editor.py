"""Changing a concept zaaktype and its sub-types through the Catalogi API, each change recorded.

The API decides what is valid: beheer sends what the beheerder entered and hands the API's own
reasons back per field (:class:`~.catalogus.Refused`). Only a concept can be changed here; a
published version gets a new version instead (:mod:`.versions`).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _

from zaakwerk.beheer.services.catalogus import Json, Refused, collection, read, refused_by_api, subtypes
from zaakwerk.beheer.services.wijzigingen import changed_fields, record
from zaakwerk.client import ClientError, ZGWClient

User = AbstractBaseUser | AnonymousUser

#: the singular noun of each sub-type collection, for the record and the messages
NOUNS = {
    "statustypen": "statustype",
    "roltypen": "roltype",
    "resultaattypen": "resultaattype",
    "eigenschappen": "eigenschap",
    "informatieobjecttypen": "zaaktype-informatieobjecttype",
    "zaaktypen": "zaaktype",
}


def label_of(name: str, item: Json) -> str:
    """How a sub-type is named on the page and in the record."""
    if name == "eigenschappen":
        return str(item.get("naam") or "")
    if name == "informatieobjecttypen":
        document = str(item.get("informatieobjecttype") or "")
        if document.startswith(("http://", "https://")):
            noun = _("informatieobjecttype")
            return f"{noun} {item.get('volgnummer')} ({item.get('richting')})"
        return f"{document} ({item.get('richting')})"
    return str(item.get("omschrijving") or item.get("naam") or "")


def require_concept(zaaktype: Json) -> None:
    if not zaaktype.get("concept"):
        raise Refused(_("Dit zaaktype is gepubliceerd; maak een nieuwe versie om het te wijzigen."))


def create_zaaktype(client: ZGWClient, user: User, data: Json) -> Json:
    try:
        created: Json = client.catalogi.zaaktypen.create(data, toelichting="beheer").as_json()
    except ClientError as exc:
        raise refused_by_api(exc) from exc
    record(
        user,
        "aangemaakt",
        "zaaktype",
        _("Zaaktype %(naam)s aangemaakt (concept)") % {"naam": created.get("identificatie")},
        url=str(created["url"]),
        zaaktype=str(created.get("identificatie") or ""),
        details={"nieuw": data},
    )
    return created


def update_zaaktype(client: ZGWClient, user: User, zaaktype: Json, changes: Json) -> Json:
    """PATCH the concept zaaktype with the fields that differ from what was read."""
    require_concept(zaaktype)
    changed = changed_fields(zaaktype, changes)
    if not changed:
        return zaaktype
    try:
        updated: Json = client.catalogi.zaaktypen.partial_update(
            str(zaaktype["url"]), {key: changes[key] for key in changed}, toelichting="beheer"
        ).as_json()
    except ClientError as exc:
        raise refused_by_api(exc) from exc
    record(
        user,
        "gewijzigd",
        "zaaktype",
        _("Zaaktype %(naam)s: %(velden)s gewijzigd")
        % {"naam": zaaktype.get("identificatie"), "velden": ", ".join(sorted(changed))},
        url=str(zaaktype["url"]),
        zaaktype=str(zaaktype.get("identificatie") or ""),
        details=changed,
    )
    return updated


def delete_zaaktype(client: ZGWClient, user: User, zaaktype: Json) -> None:
    require_concept(zaaktype)
    try:
        client.catalogi.zaaktypen.delete(str(zaaktype["url"]), toelichting="beheer")
    except ClientError as exc:
        raise refused_by_api(exc) from exc
    record(
        user,
        "verwijderd",
        "zaaktype",
        _("Concept van zaaktype %(naam)s verwijderd") % {"naam": zaaktype.get("identificatie")},
        url=str(zaaktype["url"]),
        zaaktype=str(zaaktype.get("identificatie") or ""),
        details={"oud": zaaktype},
    )


def create_subtype(client: ZGWClient, user: User, zaaktype: Json, name: str, data: Json) -> Json:
    require_concept(zaaktype)
    body = {**data, "zaaktype": zaaktype["url"]}
    try:
        created: Json = collection(client, name).create(body, toelichting="beheer").as_json()
    except ClientError as exc:
        raise refused_by_api(exc) from exc
    record(
        user,
        "aangemaakt",
        NOUNS[name],
        _("%(soort)s %(naam)s toegevoegd aan %(zaaktype)s")
        % {
            "soort": NOUNS[name].capitalize(),
            "naam": label_of(name, {**created, **data}),
            "zaaktype": zaaktype.get("identificatie"),
        },
        url=str(created["url"]),
        zaaktype=str(zaaktype.get("identificatie") or ""),
        details={"nieuw": data},
    )
    return created


def update_subtype(
    client: ZGWClient, user: User, zaaktype: Json, name: str, item: Json, changes: Json
) -> Json:
    require_concept(zaaktype)
    changed = changed_fields(item, changes)
    if not changed:
        return item
    try:
        updated: Json = (
            collection(client, name)
            .partial_update(str(item["url"]), {key: changes[key] for key in changed}, toelichting="beheer")
            .as_json()
        )
    except ClientError as exc:
        raise refused_by_api(exc) from exc
    record(
        user,
        "gewijzigd",
        NOUNS[name],
        _("%(soort)s %(naam)s van %(zaaktype)s: %(velden)s gewijzigd")
        % {
            "soort": NOUNS[name].capitalize(),
            "naam": label_of(name, item),
            "zaaktype": zaaktype.get("identificatie"),
            "velden": ", ".join(sorted(changed)),
        },
        url=str(item["url"]),
        zaaktype=str(zaaktype.get("identificatie") or ""),
        details=changed,
    )
    return updated


def delete_subtype(client: ZGWClient, user: User, zaaktype: Json, name: str, item: Json) -> None:
    require_concept(zaaktype)
    try:
        collection(client, name).delete(str(item["url"]), toelichting="beheer")
    except ClientError as exc:
        raise refused_by_api(exc) from exc
    record(
        user,
        "verwijderd",
        NOUNS[name],
        _("%(soort)s %(naam)s verwijderd uit %(zaaktype)s")
        % {
            "soort": NOUNS[name].capitalize(),
            "naam": label_of(name, item),
            "zaaktype": zaaktype.get("identificatie"),
        },
        url=str(item["url"]),
        zaaktype=str(zaaktype.get("identificatie") or ""),
        details={"oud": item},
    )


def next_volgnummer(items: list[Json]) -> int:
    return max((int(item.get("volgnummer") or 0) for item in items), default=0) + 1


def move_statustype(client: ZGWClient, user: User, zaaktype: Json, statustype_url: str, step: int) -> None:
    """Move a statustype one place up (``step=-1``) or down (``+1``): swap its volgnummer with its
    neighbour's. The volgnummers of one zaaktype are unique, so the first goes through a free
    number; if the API refuses halfway the first gets its own number back."""
    require_concept(zaaktype)
    items = subtypes(client, "statustypen", str(zaaktype["url"]))  # as they are now, not as read
    position = next((index for index, item in enumerate(items) if item["url"] == statustype_url), None)
    if position is None:
        raise Refused(_("Dit statustype hoort niet bij dit zaaktype."))
    other = position + step
    if not 0 <= other < len(items):
        return
    first, second = items[position], items[other]
    api = client.catalogi.statustypen
    own, theirs = int(first["volgnummer"]), int(second["volgnummer"])
    free = next_volgnummer(items)
    try:
        api.partial_update(str(first["url"]), {"volgnummer": free}, toelichting="beheer")
        try:
            api.partial_update(str(second["url"]), {"volgnummer": own}, toelichting="beheer")
            api.partial_update(str(first["url"]), {"volgnummer": theirs}, toelichting="beheer")
        except ClientError:
            api.partial_update(str(first["url"]), {"volgnummer": own}, toelichting="beheer")
            raise
    except ClientError as exc:
        raise refused_by_api(exc) from exc
    record(
        user,
        "verplaatst",
        "statustype",
        _("Statustype %(naam)s van %(zaaktype)s %(richting)s verplaatst")
        % {
            "naam": first.get("omschrijving"),
            "zaaktype": zaaktype.get("identificatie"),
            "richting": _("omhoog") if step < 0 else _("omlaag"),
        },
        url=str(first["url"]),
        zaaktype=str(zaaktype.get("identificatie") or ""),
        details={"volgnummer": [own, theirs]},
    )


def find(client: ZGWClient, name: str, zaaktype: Json, uuid: str) -> Json:
    """The sub-type ``uuid`` of ``name``, refused when it belongs to another zaaktype."""
    item = read(client, name, f"{collection(client, name).url}/{uuid}")
    if item.get("zaaktype") != zaaktype.get("url"):
        raise Refused(_("Dit onderdeel hoort niet bij dit zaaktype."))
    return item


def as_list(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else []
