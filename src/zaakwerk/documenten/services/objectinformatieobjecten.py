"""Objectinformatieobjecten: the mirror of a zaak's or besluit's relation to a document (RULES.md 1.13, 4.5).

In this deployment the Zaken and Besluiten registers create and delete them in-process, in the
transaction that creates or deletes their zaakinformatieobject / besluitinformatieobject
(``registered=True``: the relation is theirs, nothing to check). A client may also call the
endpoints; then:

- drc-002: ``object`` must resolve to a resource of ``objectType`` (``bad-url`` / ``invalid-resource``);
- drc-003: ``object`` + ``informatieobject`` unique (``unique``);
- drc-004: the relation must exist in the register that owns ``object`` (``inconsistent-relation``),
  and a DELETE is only accepted once it is gone there.

Which register owns ``object`` is decided by its URL: a URL of this deployment asks the check
registered in :data:`local_relations` for that API (by the composition root, as this register never
imports another), any other URL is asked over HTTP with this deployment's own credentials.
"""

from __future__ import annotations

from typing import Any, Protocol

from django.db import transaction

from zaakwerk.client.transport import is_local
from zaakwerk.core import references, remote_registers
from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import NON_FIELD, ValidationError
from zaakwerk.core.registry import Registry
from zaakwerk.core.summaries import BesluitReference, VerzoekReference, ZaakReference
from zaakwerk.documenten.models import EnkelvoudigInformatieObject, ObjectInformatieObject
from zaakwerk.documenten.models.choices import ObjectType
from zaakwerk.documenten.representations_relations import render_objectinformatieobject
from zaakwerk.documenten.services.gebruiksrechten import record_related


class RelationCheck(Protocol):
    """drc-004 for the objects of one register of this deployment."""

    def __call__(self, informatieobject: str, object_url: str, /) -> bool:
        """True when the register's object ``object_url`` (a zaak, a besluit) relates it to
        ``informatieobject`` (its zaakinformatieobject or besluitinformatieobject exists)."""


#: The check of each register of this deployment whose objects documents relate to, by API name.
local_relations: Registry[RelationCheck] = Registry(
    "documenten relation checks", required=("zaken", "besluiten")
)

# objectType → (the object's collection, its relation collection, that collection's filter name)
SOURCES: dict[str, tuple[str, str, str]] = {
    ObjectType.zaak: ("zaken", "zaakinformatieobjecten", "zaak"),
    ObjectType.besluit: ("besluiten", "besluitinformatieobjecten", "besluit"),
    ObjectType.verzoek: ("verzoeken", "verzoekinformatieobjecten", "verzoek"),
}
# drc-002: what the object must carry to be recognised as one of its objectType
KINDS: dict[str, references.ResourceKind[Any]] = {
    ObjectType.zaak: references.ResourceKind.of(ZaakReference, "zaken", "zaken"),
    ObjectType.besluit: references.ResourceKind.of(BesluitReference, "besluiten", "besluiten"),
    ObjectType.verzoek: references.ResourceKind.of(VerzoekReference, "verzoeken", "verzoeken"),
}

INCONSISTENT = "inconsistent-relation"


def _remote_relation(informatieobject: str, object_url: str, object_type: str) -> bool:
    collection, relations, name = SOURCES[object_type]
    marker = f"/{collection}/"
    if marker not in object_url:
        return False
    url = object_url.rsplit(marker, 1)[0] + f"/{relations}"
    params = {name: object_url, "informatieobject": informatieobject}
    return remote_registers.relation_listed(url, params, informatieobject)


def relation_exists(informatieobject: str, object_url: str, object_type: str) -> bool:
    """drc-004: whether the register that owns ``object_url`` relates it to ``informatieobject``."""
    ref = references.parse_local(object_url)
    if ref is not None:
        check = local_relations.find(ref.api)  # None: no register of this deployment serves that API
        return check is not None and check(informatieobject, object_url)
    if is_local(object_url):
        return False
    return _remote_relation(informatieobject, object_url, object_type)


def _inconsistent(reason: str) -> ValidationError:
    return ValidationError.single(NON_FIELD, INCONSISTENT, reason)


@transaction.atomic
def create_objectinformatieobject(
    eio: EnkelvoudigInformatieObject, object_url: str, object_type: str, actor: Actor, *, registered: bool
) -> ObjectInformatieObject:
    """Record that ``object_url`` relates to ``eio``; ``registered``: called by the owning register."""
    if not registered:
        references.resolve(object_url, KINDS[ObjectType(object_type)], field="object")  # drc-002
    if ObjectInformatieObject.objects.filter(informatieobject=eio, object=object_url).exists():
        raise ValidationError.single(
            NON_FIELD, "unique", "Dit object is al aan dit informatieobject gerelateerd."
        )  # drc-003
    if not registered and not relation_exists(eio.url, object_url, object_type):
        raise _inconsistent(
            "Het object heeft geen relatie met dit informatieobject in de API die het object beheert."
        )  # drc-004
    oio = ObjectInformatieObject.objects.create(
        informatieobject=eio, object=object_url, object_type=object_type
    )
    nieuw = render_objectinformatieobject(oio)
    record_related(eio, "objectinformatieobject", oio.url, "create", actor, nieuw=nieuw)
    return oio


@transaction.atomic
def delete_objectinformatieobject(oio: ObjectInformatieObject, actor: Actor, *, registered: bool) -> None:
    """Remove the mirror; a client may only once the relation is gone in the owning register."""
    eio = oio.informatieobject
    if not registered and relation_exists(eio.url, oio.object, oio.object_type):
        raise _inconsistent(
            "Het object heeft nog een relatie met dit informatieobject in de API die het object beheert."
        )  # drc-004
    oud = render_objectinformatieobject(oio)
    record_related(eio, "objectinformatieobject", oio.url, "destroy", actor, oud=oud)
    oio.delete()


def delete_mirror(eio: EnkelvoudigInformatieObject, object_url: str, actor: Actor) -> None:
    """The owning register removed its relation: remove the mirror of (eio, object) if there is one."""
    found = (
        ObjectInformatieObject.objects.select_related("informatieobject__latest")
        .filter(informatieobject=eio, object=object_url)
        .first()
    )
    if found is not None:
        delete_objectinformatieobject(found, actor, registered=True)
