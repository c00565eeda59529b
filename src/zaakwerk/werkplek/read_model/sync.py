"""``zaakwerk werkplek sync``: fill or repair the read model from the Zaken API, while the werkplek
keeps serving (docs/adr/0057).

The Zaken API's list is read page by page, with ``expand`` of what is the zaak's own (status,
rollen, resultaat, document links), and each page is upserted in one statement like a
notification's refresh: rows are inserted or updated, never all deleted first. The catalogue's
types (zaaktype, statustype, resultaattype) are not expanded on every page: a run reads each type
once and keeps it (:class:`TypeCache`), since a page of a hundred zaken names about as many
zaaktypen as the catalogue has, and expanding them again on every page took nearly half of the
list's time. Where the run is (its start and the next page) is kept in :class:`SyncState` after
each page, so an interrupted run continues where it stopped. At the end, the rows the run did not
see and that nothing else refreshed since it started are read once more one by one: a zaak that
is gone loses its row.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Q
from django.utils import timezone

from zaakwerk.client import HTTPStatusError, NotAllowed, ZGWClient, models
from zaakwerk.werkplek.models import SyncState, ZaakRow
from zaakwerk.werkplek.read_model.refresh import GONE, refresh_zaak
from zaakwerk.werkplek.read_model.rows import row_values, upsert

NAME = "zaken"
#: what a page is read with; the types come from :class:`TypeCache`
LIST_EXPAND = ("status", "rollen", "resultaat", "zaakinformatieobjecten")


#: answers that mean this werkplek may not read the type (asking again will not change that)
REFUSED = (401, 403)


class TypeCache:
    """The identificatie and omschrijving of each zaaktype, statustype and resultaattype a run
    meets, read once per run through the client. A type gone from the catalogue, or one this
    werkplek may not read (its host not allowed by the outgoing-request policy, or the API
    refusing it), is empty: its zaken get rows without the type's name, and the run goes on
    (``unreadable`` names them). A type that cannot be reached now stops the run, which continues
    where it stopped when run again."""

    def __init__(self, client: ZGWClient) -> None:
        self._client = client
        self._found: dict[str, dict[str, Any]] = {}
        self.unreadable: set[str] = set()

    def _get(self, kind: str, url: str) -> dict[str, Any]:
        if not url:
            return {}
        if url not in self._found:
            catalogi = self._client.catalogi
            read: Callable[[str], Any] = {
                "zaaktype": catalogi.zaaktypen.get,
                "statustype": catalogi.statustypen.get,
                "resultaattype": catalogi.resultaattypen.get,
            }[kind]
            try:
                found = read(url).model_dump(by_alias=True)
            except NotAllowed:
                self.unreadable.add(url)
                found = {}
            except HTTPStatusError as exc:
                if exc.status in REFUSED:
                    self.unreadable.add(url)
                elif exc.status not in GONE:
                    raise
                found = {}
            self._found[url] = {key: found.get(key) for key in ("url", "identificatie", "omschrijving")}
        return self._found[url]

    def expanded(self, zaak: models.Zaak) -> dict[str, Any]:
        """The zaak's ``_expand`` as a refresh reads it (``rows.EXPAND``), the types from here."""
        expanded = dict(zaak.expanded)
        expanded["zaaktype"] = self._get("zaaktype", zaak.zaaktype)
        for key, kind in (("status", "statustype"), ("resultaat", "resultaattype")):
            part = expanded.get(key)
            if isinstance(part, dict) and isinstance(part.get(kind), str):
                types = {**(part.get("_expand") or {}), kind: self._get(kind, part[kind])}
                expanded[key] = {**part, "_expand": types}
        return expanded


@dataclass
class SyncReport:
    resumed: bool = False
    pages: int = 0
    zaken: int = 0
    checked: int = 0
    removed: int = 0
    seconds: float = 0.0
    #: types (zaaktype, statustype, resultaattype URLs) this werkplek was not allowed to read
    unreadable_types: list[str] = field(default_factory=list)


def _last_change(zaak: models.Zaak, values: dict[str, object], fallback: datetime) -> datetime:
    """Sync does not know when a zaak last changed; the latest moment its data shows will do."""
    moments = [
        value
        for key in ("status_datum", "behandelaar_sinds", "laatste_document_op")
        if isinstance(value := values.get(key), datetime)
    ]
    return max(moments) if moments else fallback


def sync(
    client: ZGWClient,
    *,
    restart: bool = False,
    max_pages: int | None = None,
    progress: Callable[[SyncReport], None] | None = None,
) -> SyncReport:
    """One run (or the rest of an interrupted one); ``max_pages`` stops early, resumable."""
    began = time.monotonic()
    state, _ = SyncState.objects.get_or_create(name=NAME)
    report = SyncReport(resumed=bool(state.run_started_at and state.finished_at is None and not restart))
    if not report.resumed:
        state.run_started_at, state.next_page, state.finished_at = timezone.now(), 1, None
        state.save()
    run = state.run_started_at
    assert run is not None
    types = TypeCache(client)
    while max_pages is None or report.pages < max_pages:
        started = timezone.now()
        page = client.zaken.zaken.page(page=state.next_page, expand=",".join(LIST_EXPAND))
        rows = []
        for zaak in page.results:
            values = row_values(
                zaak,
                gewijzigd_op=started,
                fetched_at=started,
                synced_at=run,
                expanded=types.expanded(zaak),
            )
            values["gewijzigd_op"] = _last_change(zaak, values, run)
            rows.append(values)
        upsert(rows)
        report.pages += 1
        report.zaken += len(rows)
        state.next_page += 1
        if not page.next:
            state.finished_at = timezone.now()
        state.save(update_fields=["next_page", "finished_at"])
        if progress is not None:
            progress(report)
        if not page.next:
            _sweep(client, run, report)
            break
    report.unreadable_types = sorted(types.unreadable)
    report.seconds = time.monotonic() - began
    return report


def _sweep(client: ZGWClient, run: datetime, report: SyncReport) -> None:
    """Rows the run did not see and nobody refreshed since it began: read each zaak once more."""
    unseen = ZaakRow.objects.filter(Q(synced_at__isnull=True) | Q(synced_at__lt=run), fetched_at__lt=run)
    last = 0
    while batch := list(unseen.filter(pk__gt=last).order_by("pk").values_list("pk", "url")[:500]):
        last = batch[-1][0]
        for _, url in batch:
            report.checked += 1
            if not refresh_zaak(client, url):
                report.removed += 1
