"""``expand`` on the Documenten resources (RULES.md 1.12; drc-011..014), for one caller.

The machinery (paths, nesting, ``_expand``, 404s) is :mod:`zaakwerk.api.expand`; this module
decides what may be fetched for whom, so that expanding never shows more than reading would:

- an informatieobject of this register: only when the caller may read it
  (:func:`zaakwerk.documenten.access.may_access` with ``documenten.lezen``);
- catalogue objects (informatieobjecttype, …) of this deployment: to any reader;
- from elsewhere: catalogue objects, and informatieobjecten of a type the caller may read up to
  that autorisatie's maximum vertrouwelijkheidaanduiding;
- nothing else (drc-011: zaken, besluiten and other resources are not expanded here).

What may not be shown is not fetched, which the machinery answers with 404 (drc-014), exactly
as for an object that does not exist.
"""

from __future__ import annotations

from typing import Any

from zaakwerk.api import expand as machinery
from zaakwerk.core import references
from zaakwerk.core.caller import Caller
from zaakwerk.core.visibility import within
from zaakwerk.documenten.access import COMPONENT, may_access
from zaakwerk.documenten.models import EnkelvoudigInformatieObject
from zaakwerk.documenten.representations import render_latest

Data = dict[str, Any]
READ = "documenten.lezen"


def _own(caller: Caller, ref: references.LocalRef) -> Data | None:
    if ref.resource != "enkelvoudiginformatieobjecten" or ref.rest:
        return None
    eio = EnkelvoudigInformatieObject.objects.select_related("latest").filter(uuid=ref.uuid).first()
    # a document the caller may not read is never fetched
    if eio is None or eio.latest is None or not may_access(caller, eio.latest, READ):
        return None
    return render_latest(eio)


def _remote_allowed(caller: Caller, body: Data) -> bool:
    if {"informatieobjecttype", "vertrouwelijkheidaanduiding", "bronorganisatie"} <= body.keys():
        aanduiding = body["vertrouwelijkheidaanduiding"]
        # the rule of a direct read (core.visibility); a document always has an aanduiding
        allowed = caller.types_with_scope(COMPONENT, READ)
        return isinstance(aanduiding, str) and within(allowed, body["informatieobjecttype"], aanduiding)
    return "catalogus" in body  # a catalogue object (informatieobjecttype and the like)


def fetcher(caller: Caller) -> machinery.Fetch:
    """The fetch function of an expander for ``caller``: None for what it may not see."""

    def fetch(url: str) -> Data | None:
        ref = references.parse_local(url)
        if ref is not None and ref.api == "documenten":
            return _own(caller, ref)
        if ref is not None and ref.api != "catalogi":
            return None
        body, status = references.fetch(url)
        if status != 200 or body is None:
            return None
        if ref is None and not _remote_allowed(caller, body):
            return None
        return body

    return fetch


def expand(caller: Caller, items: list[Data], value: str | None) -> None:
    """Add ``_expand`` to ``items`` (representations of Documenten resources) following ``value``."""
    machinery.apply(items, value, fetcher(caller))
