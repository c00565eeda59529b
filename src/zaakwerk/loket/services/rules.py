"""What a resident may see of a zaak, in one place (docs/adr/0071).

A zaak belongs to a visitor when one of its rollen names them: a natuurlijk persoon with their BSN
for a resident; for a business logged in for one vestiging, a vestiging with that
vestigingsnummer, else a niet-natuurlijk persoon with their KVK-nummer. The list query and the
check of a single zaak (:func:`names_visitor`) use the same rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.conf import settings

from zaakwerk.loket.identity import Identity

# the standard's order of vertrouwelijkheidaanduiding, lowest first
VERTROUWELIJKHEID = (
    "openbaar",
    "beperkt_openbaar",
    "intern",
    "zaakvertrouwelijk",
    "vertrouwelijk",
    "confidentieel",
    "geheim",
    "zeer_geheim",
)
VISIBLE_DOCUMENT_STATUSES = frozenset({"definitief", "gearchiveerd"})


def maximum() -> str:
    """The configured highest vertrouwelijkheidaanduiding a resident is shown."""
    value = str(settings.LOKET_MAX_VERTROUWELIJKHEID)
    return value if value in VERTROUWELIJKHEID else "openbaar"


def within_maximum(aanduiding: str) -> bool:
    """Whether ``aanduiding`` is no higher than the maximum; an unknown one is not."""
    return aanduiding in VERTROUWELIJKHEID and VERTROUWELIJKHEID.index(aanduiding) <= VERTROUWELIJKHEID.index(
        maximum()
    )


def rol_filter(identity: Identity) -> dict[str, str]:
    """The Zaken API's rol filter that selects the visitor's zaken (one filtered query)."""
    if identity.is_resident:
        return {"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": identity.value}
    if identity.vestigingsnummer:
        return {"rol__betrokkeneIdentificatie__vestiging__vestigingsNummer": identity.vestigingsnummer}
    return {"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId": identity.value}


def names_visitor(rol: Mapping[str, Any], identity: Identity) -> bool:
    """Whether one rol (as the API represents it) names the visitor, by the rule of :func:`rol_filter`."""
    data = rol.get("betrokkeneIdentificatie") or {}
    if not isinstance(data, dict):
        return False
    kind = rol.get("betrokkeneType")
    if identity.is_resident:
        return kind == "natuurlijk_persoon" and data.get("inpBsn") == identity.value
    if identity.vestigingsnummer:
        return kind == "vestiging" and data.get("vestigingsNummer") == identity.vestigingsnummer
    return kind == "niet_natuurlijk_persoon" and data.get("innNnpId") == identity.value


def any_names_visitor(rollen: Iterable[Any], identity: Identity) -> bool:
    return any(isinstance(rol, dict) and names_visitor(rol, identity) for rol in rollen)


def is_extern(zaaktype: Mapping[str, Any]) -> bool:
    return zaaktype.get("indicatieInternOfExtern") == "extern"
