"""Reading the catalogue through the Catalogi API: catalogi, their types grouped into versions, and
one zaaktype with all its sub-types (a :class:`Bundle`).

Everything is plain JSON as the API answers it (``dict``), so what beheer shows, compares,
exports and writes back is exactly the API's representation, also of fields it does not know.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from zaakwerk.client import ClientError, HTTPStatusError, ZGWClient
from zaakwerk.client.api import Collection

Json = dict[str, Any]

#: sub-type collections of a zaaktype: (name in beheer, client attribute)
SUBTYPES: dict[str, str] = {
    "statustypen": "statustypen",
    "roltypen": "roltypen",
    "resultaattypen": "resultaattypen",
    "eigenschappen": "eigenschappen",
    "informatieobjecttypen": "zaaktype_informatieobjecttypen",
}


class Refused(Exception):
    """The API refused a change (or beheer refused it before asking): a message for the page and
    the API's own ``invalidParams`` reasons per field (``name`` as the API spells it)."""

    def __init__(self, message: str, fields: Mapping[str, list[str]] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fields: dict[str, list[str]] = {key: list(value) for key, value in (fields or {}).items()}


def refused_by_api(exc: ClientError) -> Refused:
    """The API's answer as a :class:`Refused`: its title or detail, and its reasons per field."""
    if isinstance(exc, HTTPStatusError):
        fields: dict[str, list[str]] = {}
        for param in exc.invalid_params:
            name = str(param.get("name") or "nonFieldErrors")
            fields.setdefault(name, []).append(str(param.get("reason") or param.get("code") or ""))
        body = exc.body if isinstance(exc.body, dict) else {}
        detail = str(body.get("detail") or body.get("title") or "")
        if exc.status == 400:
            return Refused(_("De Catalogi API weigert de wijziging: %(reden)s") % {"reden": detail}, fields)
        if exc.status in (401, 403):
            return Refused(
                _("Beheer mag dit niet doen in de Catalogi API (%(status)s).") % {"status": exc.status}
            )
        return Refused(
            _("De Catalogi API antwoordde %(status)s: %(reden)s") % {"status": exc.status, "reden": detail}
        )
    return Refused(_("De Catalogi API is nu niet bereikbaar; er is niets gewijzigd."))


def collection(client: ZGWClient, name: str) -> Collection[Any]:
    found: Collection[Any] = getattr(client.catalogi, SUBTYPES.get(name, name))
    return found


def every(items: Iterable[Any]) -> list[Json]:
    """The JSON of every object of a typed list, as the API sent it."""
    return [item.as_json() for item in items]


def uuid_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def read(client: ZGWClient, name: str, url: str) -> Json:
    data: Json = collection(client, name).get(url).as_json()
    return data


def by_uuid(client: ZGWClient, name: str, uuid: str) -> Json:
    base = collection(client, name).url
    return read(client, name, f"{base}/{uuid}")


# --- catalogi and versions -----------------------------------------------------------------------


@dataclass
class Version:
    """One version of a main type."""

    url: str
    uuid: str
    begin: str
    einde: str
    concept: bool
    data: Json

    @property
    def geldig_vandaag(self) -> bool:
        today = date.today().isoformat()
        return not self.concept and self.begin <= today and (not self.einde or today <= self.einde)


@dataclass
class TypeVersions:
    """Every version of one main type: zaaktype by identificatie, the others by omschrijving."""

    key: str
    omschrijving: str
    versions: list[Version] = field(default_factory=list)

    @property
    def current(self) -> Version | None:
        valid = [version for version in self.versions if version.geldig_vandaag]
        return valid[-1] if valid else None

    @property
    def latest(self) -> Version:
        return self.versions[-1]


def _versions(items: list[Json], key: Callable[[Json], str]) -> list[TypeVersions]:
    grouped: dict[str, TypeVersions] = {}
    for item in items:
        name = key(item)
        group = grouped.setdefault(name, TypeVersions(name, str(item.get("omschrijving") or "")))
        group.versions.append(
            Version(
                url=str(item["url"]),
                uuid=uuid_of(str(item["url"])),
                begin=str(item.get("beginGeldigheid") or ""),
                einde=str(item.get("eindeGeldigheid") or ""),
                concept=bool(item.get("concept")),
                data=item,
            )
        )
    for group in grouped.values():
        group.versions.sort(key=lambda version: (version.begin, not version.concept, version.url))
        group.omschrijving = str(group.latest.data.get("omschrijving") or group.omschrijving)
    return sorted(grouped.values(), key=lambda group: group.key.lower())


@dataclass
class CatalogusOverview:
    catalogus: Json
    zaaktypen: list[TypeVersions]
    informatieobjecttypen: list[TypeVersions]
    besluittypen: list[TypeVersions]


def catalogi(client: ZGWClient) -> list[Json]:
    return every(client.catalogi.catalogussen.list())


def overview(client: ZGWClient, catalogus_url: str) -> CatalogusOverview:
    """The catalogus with every version of its zaaktypen, informatieobjecttypen and besluittypen
    (concepts included: ``status=alles``)."""
    catalogus = client.catalogi.catalogussen.get(catalogus_url).as_json()
    params = {"catalogus": catalogus_url, "status": "alles"}
    return CatalogusOverview(
        catalogus=catalogus,
        zaaktypen=_versions(
            every(client.catalogi.zaaktypen.list(**params)), lambda item: str(item.get("identificatie"))
        ),
        informatieobjecttypen=_versions(
            every(client.catalogi.informatieobjecttypen.list(**params)),
            lambda item: str(item.get("omschrijving")),
        ),
        besluittypen=_versions(
            every(client.catalogi.besluittypen.list(**params)), lambda item: str(item.get("omschrijving"))
        ),
    )


def zaaktype_versions(client: ZGWClient, zaaktype: Json) -> list[Version]:
    """Every version of the zaaktype's identificatie in its catalogus, oldest first."""
    items = every(
        client.catalogi.zaaktypen.list(
            catalogus=zaaktype["catalogus"], identificatie=zaaktype["identificatie"], status="alles"
        )
    )
    groups = _versions(items, lambda item: str(item.get("identificatie")))
    return groups[0].versions if groups else []


# --- one zaaktype with its sub-types -------------------------------------------------------------


@dataclass
class Bundle:
    """A zaaktype and its sub-types, each list in the order beheer shows it."""

    zaaktype: Json
    statustypen: list[Json] = field(default_factory=list)
    roltypen: list[Json] = field(default_factory=list)
    resultaattypen: list[Json] = field(default_factory=list)
    eigenschappen: list[Json] = field(default_factory=list)
    informatieobjecttypen: list[Json] = field(default_factory=list)
    #: informatieobjecttype URL → omschrijving, to name the document relations
    documenten: dict[str, str] = field(default_factory=dict)

    def subtypes(self, name: str) -> list[Json]:
        found: list[Json] = getattr(self, name)
        return found

    @property
    def concept(self) -> bool:
        return bool(self.zaaktype.get("concept"))


ORDER: dict[str, Callable[[Json], Any]] = {
    "statustypen": lambda item: item.get("volgnummer") or 0,
    "roltypen": lambda item: str(item.get("omschrijving") or "").lower(),
    "resultaattypen": lambda item: str(item.get("omschrijving") or "").lower(),
    "eigenschappen": lambda item: str(item.get("naam") or "").lower(),
    "informatieobjecttypen": lambda item: item.get("volgnummer") or 0,
}


#: sub-types the zaaktype's own representation lists (by URL): none listed, none to fetch
LISTED = ("statustypen", "roltypen", "resultaattypen", "eigenschappen")


def subtypes(client: ZGWClient, name: str, zaaktype: Json | str) -> list[Json]:
    """The zaaktype's sub-types of one collection, in beheer's order (concepts included).
    Given the zaaktype as read, a collection its representation shows empty is not asked for."""
    if isinstance(zaaktype, dict):
        if name in LISTED and zaaktype.get(name) == []:
            return []
        zaaktype = str(zaaktype["url"])
    found = every(collection(client, name).list(zaaktype=zaaktype, status="alles"))
    return sorted(found, key=ORDER[name])


def bundle(client: ZGWClient, zaaktype: Json | str, only: Iterable[str] | None = None) -> Bundle:
    """The zaaktype (its URL, or as already read) with the sub-types of ``only`` (default: all)."""
    result = Bundle(zaaktype if isinstance(zaaktype, dict) else read(client, "zaaktypen", zaaktype))
    names = list(only if only is not None else SUBTYPES)
    for name in names:
        setattr(result, name, subtypes(client, name, result.zaaktype))
    if result.informatieobjecttypen:
        result.documenten = document_names(client, str(result.zaaktype["catalogus"]))
    return result


def document_names(client: ZGWClient, catalogus_url: str) -> dict[str, str]:
    """Every informatieobjecttype URL of the catalogus (all versions) → its omschrijving."""
    found = every(client.catalogi.informatieobjecttypen.list(catalogus=catalogus_url, status="alles"))
    return {str(item["url"]): str(item.get("omschrijving") or "") for item in found}


def document_name(item: Json, names: Mapping[str, str]) -> str:
    """The informatieobjecttype a document relation names (the API shows a URL or a name)."""
    value = str(item.get("informatieobjecttype") or "")
    return names.get(value, value)
