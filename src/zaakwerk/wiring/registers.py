"""The in-process implementations of the registers' interfaces to each other (DESIGN.md rule 1).

The Besluiten register keeps the Zaken register's zaakbesluiten in step (brc-006) and the Zaken
register reads besluiten; each only knows its own interface to the other
(:mod:`zaakwerk.besluiten.registers`, :mod:`zaakwerk.zaken.registers`). Both have the Documenten
register mirror their zaakinformatieobjecten and besluitinformatieobjecten as
objectinformatieobjecten (RULES.md 1.13). The composition root (:mod:`zaakwerk.wiring.root`)
registers one instance of each class below.
"""

from __future__ import annotations

from typing import Any

from zaakwerk.besluiten import registers as besluiten_registers
from zaakwerk.core import references
from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import ValidationError
from zaakwerk.documenten import loaders as documenten_loaders
from zaakwerk.documenten.models import EnkelvoudigInformatieObject
from zaakwerk.documenten.services import objectinformatieobjecten
from zaakwerk.zaken import registers as zaken_registers
from zaakwerk.zaken.models import Zaak
from zaakwerk.zaken.services.zaakbesluiten import link_besluit, unlink_besluit

Data = dict[str, Any]


def _read(url: str) -> Data | None:
    body, status = references.fetch(url)
    return body if status == 200 else None


def _zaak(url: str) -> Zaak:
    key = references.uuid_from_url(url, "zaken", "zaken")
    found = Zaak.objects.filter(uuid=key).first() if key is not None else None
    if found is None:
        raise besluiten_registers.RegisterError(f"{url} is geen zaak van deze installatie.")
    return found


class LocalZaken(besluiten_registers.ZakenRegister):
    """The Zaken register of this deployment, as the Besluiten register uses it."""

    def zaak(self, url: str) -> Data | None:
        return _read(url)

    def link_besluit(self, zaak: str, besluit: str, actor: Actor) -> None:
        try:
            link_besluit(_zaak(zaak), besluit, Actor.mirror("Besluiten API", actor))
        except ValidationError as exc:
            raise besluiten_registers.RegisterError("; ".join(e.reason for e in exc.errors)) from exc

    def unlink_besluit(self, zaak: str, besluit: str, actor: Actor) -> None:
        unlink_besluit(_zaak(zaak), besluit, Actor.mirror("Besluiten API", actor))


class LocalBesluiten(zaken_registers.BesluitenRegister):
    """The Besluiten register of this deployment, as the Zaken register reads it."""

    def besluit(self, url: str) -> Data | None:
        return _read(url)


class RelationRefused(zaken_registers.RegisterError, besluiten_registers.RegisterError):
    """The Documenten register refused to mirror a relation (either register may be asking)."""


def _document(url: str) -> EnkelvoudigInformatieObject:
    key = references.uuid_from_url(url, "documenten", "enkelvoudiginformatieobjecten")
    found = (
        EnkelvoudigInformatieObject.objects.select_related("latest").filter(uuid=key).first()
        if key is not None
        else None
    )
    if found is None or found.latest is None:
        raise RelationRefused(f"{url} is geen informatieobject van deze installatie.")
    return found


def _mirror(object_url: str, caller: Actor | None) -> Actor:
    """The actor of an objectinformatieobject kept in step for the zaak or besluit ``object_url``."""
    from_zaken = references.uuid_from_url(object_url, "zaken", "zaken") is not None
    return Actor.mirror("Zaken API" if from_zaken else "Besluiten API", caller)


class LocalDocumenten(zaken_registers.DocumentenRegister, besluiten_registers.DocumentenRegister):
    """The Documenten register of this deployment, as the Zaken and Besluiten registers use it:
    in-process, inside their transaction (RULES.md 1.13, zrc-005, brc-005).

    The mirrors are written under :meth:`Actor.mirror` (ADR 0013). The register interfaces do not
    pass the caller yet, so ``actor`` is optional: without it the line names the register whose
    change caused the mirror; the caller is in that register's own audit line of the change.
    """

    def informatieobject(self, url: str) -> Data | None:
        key = references.uuid_from_url(url, "documenten", "enkelvoudiginformatieobjecten")
        return documenten_loaders.informatieobject(key) if key is not None else None

    def informatieobject_summary(self, url: str) -> Data | None:
        key = references.uuid_from_url(url, "documenten", "enkelvoudiginformatieobjecten")
        return documenten_loaders.informatieobject_summary(key) if key is not None else None

    def informatieobjecten(self, urls: list[str]) -> dict[str, Data | None]:
        keys = {
            url: references.uuid_from_url(url, "documenten", "enkelvoudiginformatieobjecten") for url in urls
        }
        found = documenten_loaders.informatieobjecten([key for key in keys.values() if key is not None])
        return {url: found.get(key) if key is not None else None for url, key in keys.items()}

    def create_objectinformatieobject(
        self, informatieobject: str, object_url: str, object_type: str, actor: Actor | None = None
    ) -> None:
        try:
            objectinformatieobjecten.create_objectinformatieobject(
                _document(informatieobject),
                object_url,
                object_type,
                _mirror(object_url, actor),
                registered=True,
            )
        except ValidationError as exc:
            raise RelationRefused("; ".join(e.reason for e in exc.errors)) from exc

    def delete_objectinformatieobject(
        self, informatieobject: str, object_url: str, actor: Actor | None = None
    ) -> None:
        objectinformatieobjecten.delete_mirror(
            _document(informatieobject), object_url, _mirror(object_url, actor)
        )
