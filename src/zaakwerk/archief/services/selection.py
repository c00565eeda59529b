"""Selection: the zaken whose archiefactiedatum has passed, to destroy (archiefnominatie
vernietigen) or to transfer (blijvend_bewaren), read page by page from the Zaken API.

The Zaken API filters on archiefnominatie, archiefstatus, archiefactiedatum and zaaktype, so only
matching zaken cross the wire; resultaat and selectielijstklasse are not filters of the standard,
so they are applied to each page as it arrives (the zaak's expanded resultaat and its own
selectielijstklasse). One request per page of 100, with what the rows show embedded.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from zaakwerk.client import ZGWClient, models


class Kind(StrEnum):
    VERNIETIGEN = "vernietigen"
    OVERBRENGEN = "blijvend_bewaren"


@dataclass(frozen=True)
class Filters:
    kind: Kind = Kind.VERNIETIGEN
    zaaktype: str = ""  # a zaaktype URL (one version)
    # the period the archiefactiedatum lies in; without "tot": up to and including today
    van: date | None = None
    tot: date | None = None
    resultaattype: str = ""
    selectielijstklasse: str = ""

    def until(self, today: date) -> date:
        """The last archiefactiedatum selected: never after today (only what is due)."""
        return min(self.tot, today) if self.tot else today

    def api_params(self, today: date) -> dict[str, Any]:
        params: dict[str, Any] = {
            "archiefnominatie": self.kind.value,
            "archiefstatus": "nog_te_archiveren",
            "archiefactiedatum__lt": (self.until(today) + timedelta(days=1)).isoformat(),
            "ordering": "archiefactiedatum",
        }
        if self.van:
            params["archiefactiedatum__gt"] = (self.van - timedelta(days=1)).isoformat()
        if self.zaaktype:
            params["zaaktype"] = self.zaaktype
        return params


@dataclass(frozen=True)
class Candidate:
    """A zaak as the selection and a list show it."""

    url: str
    uuid: str
    identificatie: str
    bronorganisatie: str
    omschrijving: str
    zaaktype: str
    zaaktype_identificatie: str
    zaaktype_omschrijving: str
    resultaattype: str
    resultaat: str
    selectielijstklasse: str
    selectielijstklasse_label: str
    archiefnominatie: str
    archiefactiedatum: date | None
    einddatum: date | None


@dataclass
class Selection:
    rows: list[Candidate] = field(default_factory=list)
    more: bool = False


EXPAND = ("zaaktype", "resultaat", "resultaat.resultaattype", "selectielijstklasse")


def klasse_label(data: dict[str, Any] | None) -> str:
    """``11.1 Verleend`` from a Selectielijst resultaat as the Referentielijsten API gives it."""
    if not data:
        return ""
    number = data.get("volledigNummer") or data.get("nummer") or ""
    return " ".join(part for part in (str(number), str(data.get("naam") or "")) if part)


class Labels:
    """The labels of selectielijstklassen, each read once (the Referentielijsten API)."""

    def __init__(self, client: ZGWClient) -> None:
        self.client = client
        self.known: dict[str, str] = {}

    def of(self, url: str, embedded: dict[str, Any] | None = None) -> str:
        if not url:
            return ""
        if url not in self.known:
            body = embedded
            if not body:
                fetched = self.client.http.fetch(url)
                body = fetched.body if fetched.status == 200 and isinstance(fetched.body, dict) else None
            self.known[url] = klasse_label(body) or url
        return self.known[url]


def candidate(zaak: models.Zaak, labels: Labels) -> Candidate:
    """The zaak as a row. Its selectielijstklasse: its own, else its resultaattype's (the standard
    leaves setting the zaak's to the client that closes it)."""
    embedded = zaak.expanded
    zaaktype = embedded.get("zaaktype") or {}
    resultaat = embedded.get("resultaat") or {}
    resultaattype = (resultaat.get("_expand") or {}).get("resultaattype") or {}
    klasse = zaak.selectielijstklasse or str(resultaattype.get("selectielijstklasse") or "")
    own = embedded.get("selectielijstklasse") if zaak.selectielijstklasse else None
    return Candidate(
        url=zaak.url,
        uuid=zaak.uuid,
        identificatie=zaak.identificatie,
        bronorganisatie=zaak.bronorganisatie,
        omschrijving=zaak.omschrijving,
        zaaktype=zaak.zaaktype,
        zaaktype_identificatie=str(zaaktype.get("identificatie") or ""),
        zaaktype_omschrijving=str(zaaktype.get("omschrijving") or ""),
        resultaattype=str(resultaat.get("resultaattype") or ""),
        resultaat=str(resultaattype.get("omschrijving") or ""),
        selectielijstklasse=klasse,
        selectielijstklasse_label=labels.of(klasse, own),
        archiefnominatie=zaak.archiefnominatie or "",
        archiefactiedatum=zaak.archiefactiedatum,
        einddatum=zaak.einddatum,
    )


def matches(found: Candidate, filters: Filters) -> bool:
    if filters.resultaattype and found.resultaattype != filters.resultaattype:
        return False
    return not (filters.selectielijstklasse and found.selectielijstklasse != filters.selectielijstklasse)


def candidates(client: ZGWClient, filters: Filters, today: date) -> Iterator[Candidate]:
    """Every zaak the filters select, oldest archiefactiedatum first, page by page."""
    labels = Labels(client)
    for zaak in client.zaken.zaken.list(**filters.api_params(today), expand=",".join(EXPAND)):
        found = candidate(zaak, labels)
        if found.einddatum is not None and matches(found, filters):
            yield found


def select(client: ZGWClient, filters: Filters, today: date, *, limit: int = 500) -> Selection:
    """At most ``limit`` selected zaken; ``more`` when there are others."""
    selection = Selection()
    for found in candidates(client, filters, today):
        if len(selection.rows) == limit:
            selection.more = True
            break
        selection.rows.append(found)
    return selection


def by_urls(client: ZGWClient, urls: list[str]) -> list[Candidate]:
    """The zaken at ``urls`` (chosen on the selection page), read again as they are now."""
    labels = Labels(client)
    return [candidate(client.zaken.zaken.get(url, expand=EXPAND), labels) for url in urls]


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass
class Options:
    zaaktypen: list[Option] = field(default_factory=list)
    resultaattypen: list[Option] = field(default_factory=list)
    selectielijstklassen: list[Option] = field(default_factory=list)


def options(client: ZGWClient) -> Options:
    """The choices of the filters: the published zaaktypen, their resultaattypen and the
    selectielijstklassen these name (published catalogue objects, cached by the client)."""
    found = Options()
    labels = Labels(client)
    klassen: dict[str, str] = {}
    zaaktypen = sorted(client.catalogi.zaaktypen.list(status="definitief"), key=lambda z: z.omschrijving)
    names = {zaaktype.url: zaaktype.omschrijving for zaaktype in zaaktypen}
    for zaaktype in zaaktypen:
        label = f"{zaaktype.omschrijving} ({zaaktype.identificatie}, {zaaktype.versiedatum or ''})"
        found.zaaktypen.append(Option(zaaktype.url, label))
    # one list for all zaaktypen, not one request per zaaktype
    resultaattypen = sorted(
        (t for t in client.catalogi.resultaattypen.list(status="definitief") if t.zaaktype in names),
        key=lambda t: (names[t.zaaktype], t.omschrijving),
    )
    for resultaattype in resultaattypen:
        found.resultaattypen.append(
            Option(resultaattype.url, f"{resultaattype.omschrijving} ({names[resultaattype.zaaktype]})")
        )
        if resultaattype.selectielijstklasse:
            klassen[resultaattype.selectielijstklasse] = labels.of(resultaattype.selectielijstklasse)
    found.selectielijstklassen = sorted(
        (Option(url, label) for url, label in klassen.items()), key=lambda option: option.label
    )
    return found
