"""Registering a zaak with everything it starts with, all or nothing (docs/adr/0012).

An extension of the standard: a zaak, its rollen, first status, zaakeigenschappen, zaakobjecten
and zaakinformatieobjecten in one transaction. Every part goes through the service function of
its own resource, so each rule is applied exactly as in the separate calls, and each part writes
the audit line and notification the separate call would have written.

Every part runs in its own savepoint — the one of its service function, which is wholly one
``transaction.atomic`` block — so one request reports the errors of all parts (named by their
path, ``rollen.1.roltype``); any error rolls the whole registration back.

A document in a remote Documenten register gets its mirror (``objectinformatieobject``) over
HTTP, which this transaction cannot roll back. So the relations with documents come after every
other part is known to be fine, those with remote documents last of all; when one of those fails,
or the transaction does not commit, the mirrors already made are deleted again (compensation).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction

from zaakwerk.core import changes, references
from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import FieldError, ValidationError
from zaakwerk.zaken import registers
from zaakwerk.zaken.models import Rol, Status, Zaak, ZaakEigenschap, ZaakInformatieObject, ZaakObject
from zaakwerk.zaken.services.inputs import (
    RolValues,
    StatusValues,
    ZaakEigenschapValues,
    ZaakInformatieObjectValues,
    ZaakObjectValues,
    ZaakValues,
)
from zaakwerk.zaken.services.rollen import create_rol
from zaakwerk.zaken.services.statussen import StatusRights, set_status
from zaakwerk.zaken.services.zaakeigenschappen import create_zaakeigenschap
from zaakwerk.zaken.services.zaakinformatieobjecten import create_zaakinformatieobject
from zaakwerk.zaken.services.zaakobjecten import create_zaakobject
from zaakwerk.zaken.services.zaken import create_zaak

logger = logging.getLogger("zaakwerk.zaken")

# A new zaak is open: no part needs the rights that only matter for a closed zaak.
NEW_ZAAK_RIGHTS = StatusRights(heropenen=False, geforceerd=False)


@dataclass(frozen=True)
class Registratie:
    """What to register; every value is what the part's own service function takes."""

    zaak: ZaakValues
    rollen: list[RolValues] = field(default_factory=list)
    status: StatusValues | None = None
    zaakeigenschappen: list[ZaakEigenschapValues] = field(default_factory=list)
    zaakobjecten: list[ZaakObjectValues] = field(default_factory=list)
    zaakinformatieobjecten: list[ZaakInformatieObjectValues] = field(default_factory=list)


@dataclass
class Geregistreerd:
    """What was created; ``warnings``: per zaakeigenschap path, how its waarde misses the specificatie."""

    zaak: Zaak
    rollen: list[Rol] = field(default_factory=list)
    status: Status | None = None
    zaakeigenschappen: list[ZaakEigenschap] = field(default_factory=list)
    zaakobjecten: list[ZaakObject] = field(default_factory=list)
    zaakinformatieobjecten: list[ZaakInformatieObject] = field(default_factory=list)
    warnings: dict[str, list[str]] = field(default_factory=dict)


class _Collector:
    """Keeps each part's errors, prefixed with the part's path.

    A part is one call of its resource's service function, which runs wholly in its own
    ``transaction.atomic`` (a savepoint here): a refused part has rolled its own writes back before
    its ValidationError arrives, and the transaction is usable for the next part. A second
    savepoint around it would only cost two more statements per part."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    @contextmanager
    def part(self, path: str) -> Iterator[None]:
        try:
            yield
        except ValidationError as exc:
            self.errors.extend(FieldError(f"{path}.{e.name}", e.code, e.reason) for e in exc.errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def _is_remote(values: ZaakInformatieObjectValues) -> bool:
    return not registers.documenten(values["informatieobject"]).in_process


def _local_parts(registratie: Registratie, done: Geregistreerd, actor: Actor, errors: _Collector) -> None:
    zaak = done.zaak
    for index, rol in enumerate(registratie.rollen):
        with errors.part(f"rollen.{index}"):
            done.rollen.append(create_rol(zaak, rol, actor, geforceerd=False))
    if registratie.status is not None:
        with errors.part("status"):
            done.status = set_status(zaak, registratie.status, actor, rights=NEW_ZAAK_RIGHTS)
    for index, eigenschap in enumerate(registratie.zaakeigenschappen):
        path = f"zaakeigenschappen.{index}"
        with errors.part(path):
            row, warnings = create_zaakeigenschap(
                zaak, eigenschap["eigenschap"], eigenschap["waarde"], actor, geforceerd=False
            )
            done.zaakeigenschappen.append(row)
            if warnings:
                done.warnings[path] = warnings
    for index, zaakobject in enumerate(registratie.zaakobjecten):
        with errors.part(f"zaakobjecten.{index}"):
            done.zaakobjecten.append(create_zaakobject(zaak, zaakobject, actor, geforceerd=False))


def _zaakinformatieobjecten(
    registratie: Registratie,
    done: Geregistreerd,
    actor: Actor,
    errors: _Collector,
    *,
    remote: bool,
    mirrored: list[ZaakInformatieObject],
) -> dict[int, ZaakInformatieObject]:
    """The relations with documents in this process (``remote`` False) or elsewhere (True)."""
    created: dict[int, ZaakInformatieObject] = {}
    for index, values in enumerate(registratie.zaakinformatieobjecten):
        if _is_remote(values) != remote:
            continue
        with errors.part(f"zaakinformatieobjecten.{index}"):
            zio = create_zaakinformatieobject(done.zaak, values, actor, geforceerd=False)
            created[index] = zio
            if remote:
                mirrored.append(zio)
        if remote and errors.errors:
            break  # no further changes in other registers once one was refused
    return created


def _register(
    registratie: Registratie,
    actor: Actor,
    authorise: Callable[[Zaak], None],
    mirrored: list[ZaakInformatieObject],
) -> Geregistreerd:
    zaak = create_zaak(registratie.zaak, actor)
    authorise(zaak)
    done = Geregistreerd(zaak=zaak)
    errors = _Collector()
    _local_parts(registratie, done, actor, errors)
    # the Documenten register is only asked once every part of the zaak itself is fine
    errors.raise_if_any()
    created = _zaakinformatieobjecten(registratie, done, actor, errors, remote=False, mirrored=mirrored)
    # and a remote one (outside this transaction) only once every in-process change is fine
    errors.raise_if_any()
    created |= _zaakinformatieobjecten(registratie, done, actor, errors, remote=True, mirrored=mirrored)
    errors.raise_if_any()
    done.zaakinformatieobjecten = [created[index] for index in sorted(created)]
    done.zaak = Zaak.objects.get(pk=zaak.pk)  # as the parts left it (its current status)
    return done


def _compensate(mirrored: list[ZaakInformatieObject]) -> None:
    """Undo the mirrors remote registers made for a registration that did not commit."""
    for zio in mirrored:
        try:
            registers.documenten(zio.informatieobject).delete_objectinformatieobject(
                zio.informatieobject, zio.zaak.url
            )
        except registers.RegisterError:
            logger.warning(
                "objectinformatieobject of %s not compensated", zio.informatieobject, exc_info=True
            )


def _references(registratie: Registratie) -> list[str]:
    """The URLs the parts will resolve (not those stored unchecked, such as a betrokkene)."""
    zaak = registratie.zaak
    found = [zaak.get("zaaktype"), zaak.get("communicatiekanaal")]
    found += [item.get("url") for item in zaak.get("relevante_andere_zaken") or []]
    found += [rol.get("roltype") for rol in registratie.rollen]
    found += [registratie.status.get("statustype") if registratie.status is not None else None]
    found += [item.get("eigenschap") for item in registratie.zaakeigenschappen]
    for zaakobject in registratie.zaakobjecten:
        found += [zaakobject.get("zaakobjecttype"), zaakobject.get("object")]
    found += [item.get("informatieobject") for item in registratie.zaakinformatieobjecten]
    return [url for url in found if isinstance(url, str) and url]


def register_zaak(
    registratie: Registratie, actor: Actor, *, authorise: Callable[[Zaak], None]
) -> Geregistreerd:
    """Register a zaak and its parts in one transaction, or nothing at all.

    ``authorise(zaak)`` is called with the new zaak before any part is added; it raises
    PermissionDenied when the caller may not create this zaak (or its parts). Raises
    ValidationError with the errors of every part, named by path.

    Called inside an outer transaction, the commit is the outer one's: the remote mirrors are
    then only compensated for failures within this function.
    """
    mirrored: list[ZaakInformatieObject] = []
    references.prefetch_remote(_references(registratie))  # all at once, before the transaction
    try:
        # the parts resolve the same catalogue objects (the zaaktype, for each document link)
        # and write none: each is read once. Any failed part fails the whole registration, so
        # the parts' audit lines and notifications are written together at its end.
        with references.catalogue_kept(), transaction.atomic(), changes.recorded_together():
            return _register(registratie, actor, authorise, mirrored)
    except BaseException:
        _compensate(mirrored)
        raise
