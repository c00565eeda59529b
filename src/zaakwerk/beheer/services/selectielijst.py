"""The built-in referentielijsten, read through the client: procestypen, their resultaten and the
resultaattypeomschrijvingen, for the choices of the zaaktype and resultaattype forms.

They change once a year at most, so each list is kept in memory for an hour per process.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from zaakwerk.beheer.zgw import referentielijsten_root
from zaakwerk.client import ClientError, ZGWClient

TTL = 3600.0
_kept: dict[str, tuple[float, list[dict[str, Any]]]] = {}


def _all(client: ZGWClient, url: str) -> list[dict[str, Any]]:
    now = time.monotonic()
    hit = _kept.get(url)
    if hit is not None and now - hit[0] < TTL:
        return hit[1]
    items: list[dict[str, Any]] = []
    following: str | None = url
    while following:
        data = client.http.request("GET", following)
        if isinstance(data, list):
            items += [item for item in data if isinstance(item, dict)]
            break
        if not isinstance(data, dict):
            break
        items += [item for item in data.get("results", []) if isinstance(item, dict)]
        following = data.get("next") or None
    _kept[url] = (now, items)
    return items


@dataclass(frozen=True)
class Choice:
    url: str
    label: str


def procestypen(client: ZGWClient) -> list[Choice]:
    """Every procestype of the selectielijst, newest year first, as ``nummer. naam (jaar)``."""
    try:
        items = _all(client, f"{referentielijsten_root()}/procestypen")
    except ClientError:
        return []
    items = sorted(items, key=lambda item: (-int(item.get("jaar") or 0), int(item.get("nummer") or 0)))
    return [
        Choice(str(item["url"]), f"{item.get('nummer')}. {item.get('naam')} ({item.get('jaar')})")
        for item in items
    ]


def resultaten(client: ZGWClient, procestype: str) -> list[Choice]:
    """The selectielijst resultaten of one procestype, with their bewaartermijn."""
    if not procestype:
        return []
    try:
        items = _all(client, f"{referentielijsten_root()}/resultaten?procesType={procestype}")
    except ClientError:
        return []
    choices = []
    for item in items:
        label = f"{item.get('volledigNummer') or item.get('nummer')} {item.get('naam')}"
        waardering = item.get("waardering")
        if waardering:
            label += f" — {waardering}"
            if item.get("bewaartermijn"):
                label += f" ({item.get('bewaartermijn')})"
        choices.append(Choice(str(item["url"]), label))
    return choices


def resultaat(client: ZGWClient, url: str) -> dict[str, Any]:
    """One selectielijst resultaat (its procestermijn decides what the archiving needs)."""
    try:
        data = client.http.request("GET", url)
    except ClientError:
        return {}
    return data if isinstance(data, dict) else {}


def resultaattypeomschrijvingen(client: ZGWClient) -> list[Choice]:
    try:
        items = _all(client, f"{referentielijsten_root()}/resultaattypeomschrijvingen")
    except ClientError:
        return []
    return [Choice(str(item["url"]), str(item.get("omschrijving") or item["url"])) for item in items]
