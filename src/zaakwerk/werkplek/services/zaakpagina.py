"""The zaak page: one zaak as a staff member sees it, read live from the registers.

Every door to a zaak passes :func:`open_zaak`: a zaak that does not exist, or whose zaaktype the
user has no role on, is :class:`ZaakNotFound` (shown as 404, so its existence is not revealed
either, docs/adr/0054).

The page is read in five requests, whatever the size of the zaak (docs/adr/0060, 0069):

1. the zaak with ``expand`` of its zaaktype and the zaaktype's statustypen, its status, rollen,
   resultaat and resultaattype, zaakinformatieobjecten with their informatieobjecten, and its
   hoofdzaak, deelzaken and relevante andere zaken with their zaaktypen;
2. its statussen (the timeline's dates);
3. its besluiten (Besluiten API), with their besluittypen expanded;
4. its audit trail;
5. its notes (``zaaknotities``, docs/adr/0090).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from zaakwerk.client import HTTPStatusError, ZGWClient, models
from zaakwerk.werkplek.access import Access
from zaakwerk.werkplek.services import notities

# what the zaak is read with: everything the page shows that the Zaken API can embed
EXPAND = (
    "zaaktype",
    "zaaktype.statustypen",
    "status",
    "rollen",
    "resultaat",
    "resultaat.resultaattype",
    "zaakinformatieobjecten",
    "zaakinformatieobjecten.informatieobject",
    "hoofdzaak",
    "hoofdzaak.zaaktype",
    "deelzaken",
    "deelzaken.zaaktype",
    "relevanteAndereZaken",
    "relevanteAndereZaken.zaaktype",
)


class ZaakNotFound(Exception):
    """No such zaak, or one the user may not see: the same answer for both (404)."""


def zaak_url(client: ZGWClient, uuid: str) -> str:
    return f"{client.zaken.zaken.url}/{uuid}"


def _identificatie_of(client: ZGWClient, zaak: models.Zaak) -> str:
    embedded = zaak.expanded.get("zaaktype")
    if isinstance(embedded, dict) and embedded.get("identificatie"):
        return str(embedded["identificatie"])
    return client.catalogi.zaaktypen.get(zaak.zaaktype).identificatie


def open_zaak(
    client: ZGWClient, access: Access, uuid: str, *, expand: tuple[str, ...] = ("zaaktype",)
) -> models.Zaak:
    """The zaak ``uuid`` if the user may see it (any role on its zaaktype); else ZaakNotFound.

    This is the one door: the zaak page, its documents, downloads and every change pass here
    before anything is shown or written."""
    try:
        zaak = client.zaken.zaken.get(zaak_url(client, uuid), expand=expand)
    except HTTPStatusError as exc:
        if exc.status in (400, 403, 404):
            raise ZaakNotFound(uuid) from exc
        raise
    # the user's roles decide, per zaaktype (all its versions) — not the werkplek's own rights
    if not access.may_see(_identificatie_of(client, zaak)):
        raise ZaakNotFound(uuid)
    return zaak


# --- the parts of the page ------------------------------------------------------------------


@dataclass(frozen=True)
class Stap:
    """One statustype of the zaaktype on the timeline."""

    volgnummer: int
    omschrijving: str
    state: str  # "done", "current" or "todo"
    gezet_op: datetime | None = None
    toelichting: str = ""


# per betrokkeneType: the identificatie keys that name the betrokkene, and those that number it
_NAME_KEYS = {
    "natuurlijk_persoon": ("voornamen", "voorvoegselGeslachtsnaam", "geslachtsnaam"),
    "niet_natuurlijk_persoon": ("statutaireNaam",),
    "vestiging": ("handelsnaam",),
    "organisatorische_eenheid": ("naam",),
    "medewerker": ("voorletters", "voorvoegselAchternaam", "achternaam"),
}
_NUMBER_KEYS = {
    "natuurlijk_persoon": ("inpBsn", "anpIdentificatie"),
    "niet_natuurlijk_persoon": ("innNnpId", "annIdentificatie"),
    "vestiging": ("kvkNummer", "vestigingsNummer"),
    "organisatorische_eenheid": ("identificatie",),
    "medewerker": ("identificatie",),
}


@dataclass(frozen=True)
class Betrokkene:
    rol: models.Rol

    def _part(self, keys: tuple[str, ...]) -> str:
        data = self.rol.betrokkene_identificatie or {}
        words = []
        for key in keys:
            value = data.get(key)
            words.append(" ".join(str(v) for v in value) if isinstance(value, list) else str(value or ""))
        return " ".join(word for word in words if word)

    @property
    def naam(self) -> str:
        return self.rol.afwijkende_naam_betrokkene or self._part(_NAME_KEYS.get(self.rol.betrokkene_type, ()))

    @property
    def nummer(self) -> str:
        return self._part(_NUMBER_KEYS.get(self.rol.betrokkene_type, ()))

    @property
    def contact(self) -> str:
        extra = self.rol.model_extra or {}
        contact = extra.get("contactpersoonRol") or {}
        parts = (contact.get("naam"), contact.get("emailadres"), contact.get("telefoonnummer"))
        return ", ".join(str(part) for part in parts if part)


@dataclass(frozen=True)
class Document:
    link: models.ZaakInformatieObject
    informatieobject: models.EnkelvoudigInformatieObject | None  # None: not readable

    @property
    def uuid(self) -> str:
        return self.link.informatieobject.rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True)
class BesluitRegel:
    besluit: models.Besluit
    besluittype: str


@dataclass(frozen=True)
class Gerelateerd:
    """A related zaak: linked when the user may see it, else only said to exist."""

    relatie: str  # "hoofdzaak", "deelzaak" or an aardRelatie (vervolg, onderwerp, bijdrage)
    uuid: str = ""
    identificatie: str = ""
    omschrijving: str = ""
    zaaktype: str = ""
    visible: bool = False


@dataclass(frozen=True)
class Gebeurtenis:
    """One line of the history: who did what, when, and why."""

    wanneer: datetime | None
    wie: str
    actie: str
    onderdeel: str
    object: str
    toelichting: str
    velden: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Locatie:
    """The zaak's geometry: its type, a representative point, and an outline for the SVG."""

    type: str
    latitude: float
    longitude: float
    points: str = ""  # the SVG polyline/polygon points in a 0..100 box ("" for a point)
    closed: bool = False


@dataclass(frozen=True)
class ZaakPagina:
    zaak: models.Zaak
    zaaktype: models.ZaakType
    tijdlijn: list[Stap]
    rollen: list[Betrokkene]
    documenten: list[Document]
    besluiten: list[BesluitRegel]
    resultaat: models.Resultaat | None
    resultaattype: models.ResultaatType | None
    gerelateerd: list[Gerelateerd]
    geschiedenis: list[Gebeurtenis]
    locatie: Locatie | None
    notities: list[models.ZaakNotitie] = field(default_factory=list)

    @property
    def closed(self) -> bool:
        return self.zaak.einddatum is not None

    @property
    def huidige_status(self) -> str:
        current = [stap for stap in self.tijdlijn if stap.state == "current"]
        return current[0].omschrijving if current else ""


def _embedded(zaak: models.Zaak, name: str) -> Any:
    return zaak.expanded.get(name)


def tijdlijn(
    statustypen: list[models.StatusType], statussen: list[models.Status], current: str | None
) -> list[Stap]:
    """The zaaktype's statustypen in order, each done, current or to come.

    The statustypen before the current one (by volgnummer) are done, also one that was skipped
    (the zaak went past it); those after it are to come, also one the zaak had before it was
    reopened."""
    gezet: dict[str, models.Status] = {}
    for earlier in sorted(statussen, key=lambda s: s.datum_status_gezet or datetime.min):
        gezet[earlier.statustype] = earlier  # the latest time each was set
    current_type = next((s.statustype for s in statussen if s.url == current), None)
    ordered = sorted(statustypen, key=lambda t: t.volgnummer)
    current_nummer = next((t.volgnummer for t in ordered if t.url == current_type), None)
    stappen = []
    for statustype in ordered:
        status = gezet.get(statustype.url)
        if statustype.url == current_type:
            state = "current"
        elif current_nummer is not None and statustype.volgnummer < current_nummer:
            state = "done"
        else:
            state = "todo"
        stappen.append(
            Stap(
                statustype.volgnummer,
                statustype.omschrijving,
                state,
                status.datum_status_gezet if status and state != "todo" else None,
                status.statustoelichting if status and state != "todo" else "",
            )
        )
    return stappen


def _uuid(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def _related(access: Access, relatie: str, url: str, embedded: Any) -> Gerelateerd:
    if not isinstance(embedded, dict) or not embedded:
        return Gerelateerd(relatie, uuid=_uuid(url))
    zaaktype = embedded.get("_expand", {}).get("zaaktype") or {}
    visible = bool(zaaktype) and access.may_see(str(zaaktype.get("identificatie", "")))
    if not visible:  # say only that it exists: nothing of a zaak outside the user's roles
        return Gerelateerd(relatie)
    return Gerelateerd(
        relatie,
        uuid=str(embedded.get("uuid") or _uuid(url)),
        identificatie=str(embedded.get("identificatie", "")),
        omschrijving=str(embedded.get("omschrijving", "")),
        zaaktype=str(zaaktype.get("omschrijving", "")),
        visible=True,
    )


def gerelateerd(access: Access, zaak: models.Zaak) -> list[Gerelateerd]:
    found = []
    if zaak.hoofdzaak:
        found.append(_related(access, "hoofdzaak", zaak.hoofdzaak, _embedded(zaak, "hoofdzaak")))
    for url, embedded in zip(zaak.deelzaken, _embedded(zaak, "deelzaken") or [], strict=False):
        found.append(_related(access, "deelzaak", url, embedded))
    andere = _embedded(zaak, "relevanteAndereZaken") or []
    for relatie, embedded in zip(zaak.relevante_andere_zaken, andere, strict=False):
        found.append(
            _related(access, str(relatie.get("aardRelatie", "")), str(relatie.get("url", "")), embedded)
        )
    return found


# audit-trail fields that change on every write and say nothing to a reader
_NOISE = {"url", "uuid", "_expand", "zaak", "status", "resultaat", "rollen", "zaakinformatieobjecten"}


def _changed_fields(wijzigingen: dict[str, Any]) -> list[str]:
    old, new = wijzigingen.get("oud"), wijzigingen.get("nieuw")
    if not isinstance(old, dict) or not isinstance(new, dict):
        return []
    keys = sorted(set(old) | set(new))
    return [key for key in keys if key not in _NOISE and old.get(key) != new.get(key)]


def _weergave(text: str) -> str:
    # some registers name an object by its URL: that says nothing to a reader
    return "" if text.startswith(("http://", "https://")) else text


def geschiedenis(trail: list[models.AuditTrail]) -> list[Gebeurtenis]:
    """The audit trail, newest first, as a reader wants it: a person (or else the application),
    the action, the object, the reason, and for a change the fields that changed."""
    lines = [
        Gebeurtenis(
            wanneer=entry.aanmaakdatum,
            wie=entry.gebruikers_weergave
            or entry.gebruikers_id
            or entry.applicatie_weergave
            or entry.applicatie_id,
            actie=entry.actie,
            onderdeel=entry.resource,
            object=_weergave(entry.resource_weergave),
            toelichting=entry.toelichting,
            velden=_changed_fields(entry.wijzigingen) if entry.actie in ("update", "partial_update") else [],
        )
        for entry in trail
    ]
    return sorted(lines, key=lambda line: line.wanneer or datetime.min, reverse=True)


def _points(geometry: dict[str, Any]) -> list[tuple[float, float]]:
    """Every coordinate pair of a GeoJSON geometry, flattened (lon, lat)."""
    found: list[tuple[float, float]] = []

    def walk(value: Any) -> None:
        if isinstance(value, list) and len(value) >= 2 and all(isinstance(v, int | float) for v in value[:2]):
            found.append((float(value[0]), float(value[1])))
        elif isinstance(value, list):
            for item in value:
                walk(item)

    if geometry.get("type") == "GeometryCollection":
        for part in geometry.get("geometries") or []:
            if isinstance(part, dict):
                found += _points(part)
    else:
        walk(geometry.get("coordinates"))
    return found


def locatie(geometry: dict[str, Any] | None) -> Locatie | None:
    """The zaak's geometry for the page: a point to show as coordinates, and for a line or area
    its outline scaled into a 100×100 box for an inline SVG (no map tiles: docs/adr/0061)."""
    if not geometry:
        return None
    points = _points(geometry)
    if not points:
        return None
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    kind = str(geometry.get("type", ""))
    centre = ((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2)
    if len(points) == 1:
        return Locatie(kind, round(centre[0], 6), round(centre[1], 6))
    span = max(max(lons) - min(lons), max(lats) - min(lats)) or 1.0
    # north up: a larger latitude is higher, so smaller y; 5 units of margin
    svg = " ".join(
        f"{5 + (lon - min(lons)) / span * 90:.1f},{5 + (max(lats) - lat) / span * 90:.1f}"
        for lon, lat in points
    )
    return Locatie(kind, round(centre[0], 6), round(centre[1], 6), svg, closed="Polygon" in kind)


def _model(model: type[Any], data: Any) -> Any:
    return model.model_validate(data) if isinstance(data, dict) and data else None


def zaak_pagina(client: ZGWClient, access: Access, uuid: str) -> ZaakPagina:
    """Everything the zaak page shows, read live (five requests, see the module's docstring)."""
    zaak = open_zaak(client, access, uuid, expand=EXPAND)
    embedded_zaaktype = _embedded(zaak, "zaaktype") or {}
    zaaktype = models.ZaakType.model_validate(embedded_zaaktype)
    statustypen = [
        models.StatusType.model_validate(item)
        for item in (embedded_zaaktype.get("_expand", {}).get("statustypen") or [])
    ]
    statussen = list(client.zaken.statussen.list(zaak=zaak.url))
    rollen = [
        Betrokkene(models.Rol.model_validate(item)) for item in (_embedded(zaak, "rollen") or []) if item
    ]
    documenten = []
    for item in _embedded(zaak, "zaakinformatieobjecten") or []:
        if not item:
            continue
        link = models.ZaakInformatieObject.model_validate(item)
        eio = _model(models.EnkelvoudigInformatieObject, item.get("_expand", {}).get("informatieobject"))
        documenten.append(Document(link, eio))
    besluiten = []
    for besluit in client.besluiten.besluiten.list(zaak=zaak.url, expand="besluittype"):
        besluittype = besluit.expanded.get("besluittype") or {}
        besluiten.append(BesluitRegel(besluit, str(besluittype.get("omschrijving", ""))))
    resultaat_data = _embedded(zaak, "resultaat")
    resultaat = _model(models.Resultaat, resultaat_data)
    resultaattype = _model(
        models.ResultaatType, resultaat_data.get("_expand", {}).get("resultaattype") if resultaat else None
    )
    return ZaakPagina(
        zaak=zaak,
        zaaktype=zaaktype,
        tijdlijn=tijdlijn(statustypen, statussen, zaak.status),
        rollen=rollen,
        documenten=documenten,
        besluiten=sorted(besluiten, key=lambda b: b.besluit.datum or date.min),
        resultaat=resultaat,
        resultaattype=resultaattype,
        gerelateerd=gerelateerd(access, zaak),
        geschiedenis=geschiedenis(client.zaken.audittrail(zaak.url)),
        locatie=locatie(zaak.zaakgeometrie),
        notities=notities.notities(client, zaak),
    )
