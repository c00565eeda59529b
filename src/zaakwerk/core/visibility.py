"""Whether a caller may see an object another register rendered, judged by its fields (RULES.md 1.7).

Used where an object arrives as JSON (``expand``): the caller's autorisaties for the object's kind
decide, by type and vertrouwelijkheidaanduiding, exactly as a direct read would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from zaakwerk.core.vertrouwelijkheid import RANK

#: (component, scope) → per type URL the highest readable rank; None: no restriction.
TypesWithScope = Callable[[str, str], dict[str, int] | None]


def within(allowed: dict[str, int] | None, type_url: Any, aanduiding: Any) -> bool:
    """The type-and-vertrouwelijkheid rule for one object; ``aanduiding`` None: the kind has none."""
    if allowed is None:
        return True
    if not isinstance(type_url, str) or type_url not in allowed:
        return False
    if aanduiding is None:
        return True  # besluiten have no vertrouwelijkheidaanduiding
    return isinstance(aanduiding, str) and RANK.get(aanduiding, len(RANK)) <= allowed[type_url]


def may_show(types_with_scope: TypesWithScope, body: dict[str, Any]) -> bool:
    """Informatieobjecten, besluiten and zaken, recognised by the fields their kind always has;
    anything else (catalogue objects, reference lists) is shown to every reader."""
    if {"informatieobjecttype", "bronorganisatie", "vertrouwelijkheidaanduiding"} <= body.keys():
        allowed = types_with_scope("drc", "documenten.lezen")
        return within(allowed, body["informatieobjecttype"], body["vertrouwelijkheidaanduiding"])
    if {"besluittype", "verantwoordelijkeOrganisatie"} <= body.keys():
        return within(types_with_scope("brc", "besluiten.lezen"), body["besluittype"], None)
    if {"zaaktype", "bronorganisatie", "identificatie", "vertrouwelijkheidaanduiding"} <= body.keys():
        allowed = types_with_scope("zrc", "zaken.lezen")
        return within(allowed, body["zaaktype"], body["vertrouwelijkheidaanduiding"])
    return True
