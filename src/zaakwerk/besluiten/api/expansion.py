"""``expand`` on besluiten and besluitinformatieobjecten (RULES.md 1.12), for one caller.

The machinery is :mod:`zaakwerk.api.expand`; this module decides what may be fetched for whom,
so expanding never shows more than reading would: a besluit only of a besluittype the caller may
read; a zaak only within the caller's ``zaken.lezen`` autorisaties (zaaktype and
vertrouwelijkheidaanduiding); an informatieobject only within its ``documenten.lezen`` ones;
catalogue objects to any reader. What may not be shown is not fetched (404 in ``_expand``).
"""

from __future__ import annotations

from typing import Any

from zaakwerk.api import expand as machinery
from zaakwerk.besluiten import registers
from zaakwerk.core import references, visibility
from zaakwerk.core.caller import Caller

Data = dict[str, Any]


def _read(url: str) -> Data | None:
    ref = references.parse_local(url)
    if ref is not None and ref.api == "documenten":
        return registers.documenten(url).informatieobject(url)
    if ref is not None and ref.api == "zaken" and ref.resource == "zaken":
        return registers.zaken(url).zaak(url)
    body, status = references.fetch(url)
    return body if status == 200 else None


def fetcher(caller: Caller) -> machinery.Fetch:
    def fetch(url: str) -> Data | None:
        body = _read(url)
        if body is None or not visibility.may_show(caller.types_with_scope, body):
            return None
        return body

    return fetch


def expand(caller: Caller, items: list[Data], value: str | None) -> None:
    """Add ``_expand`` to ``items`` following ``value``."""
    machinery.apply(items, value, fetcher(caller))
