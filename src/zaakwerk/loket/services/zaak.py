"""One zaak as its resident sees it, read live in three or four requests (docs/adr/0072).

Every door to a zaak — the page, a document's download, an upload — passes :func:`open_zaak`: a
zaak that does not exist, that names someone else, of a zaaktype that is not extern or above the
configured vertrouwelijkheid is :class:`ZaakNotFound`, one answer (404) for all, so the loket
never reveals that someone else's zaak exists. A document is reached only through its zaak, and
only when the resident may see it (:func:`documenten`).

1. the zaak with ``expand`` of its zaaktype with the statustypen, status, resultaat(type), rollen
   (to check whom it names) and zaakinformatieobjecten;
2. its statussen (the timeline's dates and toelichtingen);
3. its documents the loket may read (one Documenten list filtered on the zaak);
4. while the zaak is open: the zaaktype's inkomend informatieobjecttypen (may the resident add one).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from zaakwerk.client import HTTPStatusError, ZGWClient, models
from zaakwerk.loket.identity import Identity
from zaakwerk.loket.services import rules

EXPAND = (
    "zaaktype",
    "zaaktype.statustypen",
    "status",
    "resultaat",
    "resultaat.resultaattype",
    "rollen",
)


class ZaakNotFound(Exception):
    """No such zaak, or none of the visitor's: the same answer for both (404)."""


def zaak_url(client: ZGWClient, uuid: str) -> str:
    return f"{client.zaken.zaken.url}/{uuid}"


def _embedded(resource: models.Resource | dict[str, Any], name: str) -> Any:
    expanded = resource.expanded if isinstance(resource, models.Resource) else resource.get("_expand", {})
    return expanded.get(name) if isinstance(expanded, dict) else None


def open_zaak(
    client: ZGWClient, identity: Identity, uuid: str, *, expand: tuple[str, ...] = EXPAND
) -> models.Zaak:
    """The zaak ``uuid`` if it is the visitor's and may be shown to them; else ZaakNotFound.

    The one door: the page, downloads and uploads pass here before anything is shown or written."""
    wanted = tuple(dict.fromkeys(("zaaktype", "rollen", *expand)))
    try:
        zaak = client.zaken.zaken.get(zaak_url(client, uuid), expand=wanted)
    except HTTPStatusError as exc:
        if exc.status in (400, 403, 404):
            raise ZaakNotFound(uuid) from exc
        raise
    zaaktype = _embedded(zaak, "zaaktype")
    rollen = _embedded(zaak, "rollen")
    # one of its rollen names the visitor, by the same rule as the list's filter
    if not rules.any_names_visitor(rollen if isinstance(rollen, list) else [], identity):
        raise ZaakNotFound(uuid)
    # only zaaktypen meant for the outside world
    if not isinstance(zaaktype, dict) or not rules.is_extern(zaaktype):
        raise ZaakNotFound(uuid)
    # never above the configured vertrouwelijkheid (also when the registers would allow it)
    if not rules.within_maximum(zaak.vertrouwelijkheidaanduiding):
        raise ZaakNotFound(uuid)
    return zaak


# --- the parts of the page ------------------------------------------------------------------


@dataclass(frozen=True)
class Stap:
    """One statustype of the zaaktype on the timeline."""

    volgnummer: int
    omschrijving: str
    statustekst: str
    state: str  # "done", "current" or "todo"
    gezet_op: datetime | None = None
    toelichting: str = ""


@dataclass(frozen=True)
class Document:
    uuid: str
    titel: str
    bestandsnaam: str
    formaat: str
    bestandsomvang: int | None
    creatiedatum: date | None
    informatieobject: models.EnkelvoudigInformatieObject


@dataclass(frozen=True)
class ZaakPagina:
    zaak: models.Zaak
    zaaktype: str
    tijdlijn: list[Stap]
    status: str
    statustekst: str
    resultaat: str
    resultaat_toelichting: str
    documenten: list[Document]
    upload_types: list[models.ZaakTypeInformatieObjectType]

    @property
    def open(self) -> bool:
        return self.zaak.einddatum is None

    @property
    def may_upload(self) -> bool:
        return self.open and bool(self.upload_types)


def tijdlijn(zaak: models.Zaak, statussen: list[models.Status]) -> list[Stap]:
    """The zaaktype's statustypen in order: before the current one done (with the date each was
    last set, where it was), the current one, and the rest to come."""
    zaaktype = _embedded(zaak, "zaaktype") or {}
    types = sorted(
        (t for t in (_embedded(zaaktype, "statustypen") or []) if isinstance(t, dict)),
        key=lambda t: int(t.get("volgnummer") or 0),
    )
    current = _embedded(zaak, "status") or {}
    current_type = current.get("statustype") if isinstance(current, dict) else None
    current_number = next((int(t.get("volgnummer") or 0) for t in types if t.get("url") == current_type), 0)
    last_set: dict[str, models.Status] = {}
    for gezet in sorted(
        statussen, key=lambda s: s.datum_status_gezet.timestamp() if s.datum_status_gezet else 0.0
    ):
        last_set[gezet.statustype] = gezet
    steps = []
    for statustype in types:
        number = int(statustype.get("volgnummer") or 0)
        if not current_number or number > current_number:
            state = "todo"
        elif number == current_number:
            state = "current"
        else:
            state = "done"
        status = last_set.get(str(statustype.get("url"))) if state != "todo" else None
        steps.append(
            Stap(
                volgnummer=number,
                omschrijving=str(statustype.get("omschrijving", "")),
                statustekst=str(statustype.get("statustekst") or ""),
                state=state,
                gezet_op=status.datum_status_gezet if status else None,
                toelichting=status.statustoelichting if status else "",
            )
        )
    return steps


def documenten(client: ZGWClient, zaak: models.Zaak) -> list[Document]:
    """The zaak's documents the resident may see: definitief or gearchiveerd, and no more
    vertrouwelijk than the maximum. One request; the Documenten API leaves out what the loket may
    not read at all."""
    found = client.documenten.enkelvoudiginformatieobjecten.list(objectinformatieobjecten_object=zaak.url)
    shown = [
        eio
        for eio in found
        if eio.status in rules.VISIBLE_DOCUMENT_STATUSES
        and rules.within_maximum(eio.vertrouwelijkheidaanduiding)
    ]
    shown.sort(key=lambda eio: (eio.creatiedatum or date.min, eio.titel))
    return [
        Document(
            uuid=eio.url.rstrip("/").rsplit("/", 1)[-1],
            titel=eio.titel,
            bestandsnaam=eio.bestandsnaam,
            formaat=eio.formaat,
            bestandsomvang=eio.bestandsomvang,
            creatiedatum=eio.creatiedatum,
            informatieobject=eio,
        )
        for eio in shown
    ]


def upload_types(client: ZGWClient, zaak: models.Zaak) -> list[models.ZaakTypeInformatieObjectType]:
    """The zaaktype's inkomend informatieobjecttypen: what a resident may add while it is open."""
    if zaak.einddatum is not None:
        return []
    found = client.catalogi.zaaktype_informatieobjecttypen.list(zaaktype=zaak.zaaktype, richting="inkomend")
    return sorted(found, key=lambda item: item.volgnummer)


def pagina(client: ZGWClient, identity: Identity, uuid: str) -> ZaakPagina:
    zaak = open_zaak(client, identity, uuid)
    statussen = list(client.zaken.statussen.list(zaak=zaak.url))
    zaaktype = _embedded(zaak, "zaaktype") or {}
    status = _embedded(zaak, "status") or {}
    current_type = next(
        (
            t
            for t in (_embedded(zaaktype, "statustypen") or [])
            if isinstance(t, dict) and isinstance(status, dict) and t.get("url") == status.get("statustype")
        ),
        {},
    )
    resultaat = _embedded(zaak, "resultaat") or {}
    resultaattype = _embedded(resultaat, "resultaattype") or {} if resultaat else {}
    return ZaakPagina(
        zaak=zaak,
        zaaktype=str(zaaktype.get("omschrijving", "")),
        tijdlijn=tijdlijn(zaak, statussen),
        status=str(current_type.get("omschrijving", "")),
        statustekst=str(current_type.get("statustekst") or ""),
        resultaat=str(resultaattype.get("omschrijving", "")),
        resultaat_toelichting=str(resultaat.get("toelichting", "")) if isinstance(resultaat, dict) else "",
        documenten=documenten(client, zaak),
        upload_types=upload_types(client, zaak),
    )


def document(client: ZGWClient, identity: Identity, uuid: str, document_uuid: str) -> Document:
    """A document of the visitor's zaak ``uuid`` they may see; else ZaakNotFound."""
    zaak = open_zaak(client, identity, uuid, expand=("zaaktype", "rollen"))
    for found in documenten(client, zaak):
        if found.uuid == document_uuid:
            return found
    raise ZaakNotFound(uuid)
