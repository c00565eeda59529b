"""Every connection of this deployment, made in one place at start-up (docs/adr/0040, 0041).

A package declares what it needs as a :class:`~zaakwerk.core.registry.Registry` of a typed
contract; :func:`connect` registers the implementation of each, then
:func:`~zaakwerk.core.registry.mark_connected` checks that nothing a registry requires was left
out. Reading this function is reading what the deployment is made of:

- the loaders that resolve each register's URLs in-process (and the zaaktype's summary);
- each register's view of the others: Zaken and Besluiten reach Documenten, and each other,
  through :mod:`zaakwerk.wiring.registers`;
- what a register asks of another's tables: whether a catalogue type is in use, whether a zaak or
  besluit relates a document (:mod:`zaakwerk.wiring.checks`);
- the API machinery's credential store (the Autorisaties register), the document storage
  backends, and the OpenAPI fragments of the extensions (zaak registration, kanaal update).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from typing import TypeVar

from zaakwerk import notificaties, zaken
from zaakwerk.api import auth, extensions
from zaakwerk.autorisaties.credentials import DatabaseCredentialStore
from zaakwerk.besluiten import loaders as besluiten_loaders
from zaakwerk.besluiten import registers as besluiten_registers
from zaakwerk.catalogi import loaders as catalogi_loaders
from zaakwerk.catalogi import usage
from zaakwerk.core import references, registry
from zaakwerk.documenten import loaders as documenten_loaders
from zaakwerk.documenten import storage
from zaakwerk.documenten.services import objectinformatieobjecten
from zaakwerk.referentielijsten import loaders as referentielijsten_loaders
from zaakwerk.wiring import checks
from zaakwerk.wiring.registers import LocalBesluiten, LocalDocumenten, LocalZaken
from zaakwerk.zaken import loaders as zaken_loaders
from zaakwerk.zaken import registers as zaken_registers

logger = logging.getLogger(__name__)

T = TypeVar("T")

_lock = threading.Lock()


def connect() -> None:
    """Connect this process; a second call changes nothing."""
    with _lock:
        if registry.is_connected():
            return
        _connect_loaders()
        _connect_registers()
        _connect_checks()
        _connect_machinery()
        registry.mark_connected()
    for connected in registry.registries():
        logger.debug("connected %s", connected.describe())


def _register_all(target: registry.Registry[T], entries: Mapping[str, T]) -> None:
    for key, implementation in entries.items():
        target.register(key)(implementation)


def _connect_loaders() -> None:
    for provided in (
        catalogi_loaders.local_loaders(),
        referentielijsten_loaders.local_loaders(),
        zaken_loaders.local_loaders(),
        documenten_loaders.local_loaders(),
        besluiten_loaders.local_loaders(),
    ):
        _register_all(references.loaders, provided)
    for batches in (
        catalogi_loaders.local_batch_loaders(),
        zaken_loaders.local_batch_loaders(),
        documenten_loaders.local_batch_loaders(),
    ):
        _register_all(references.batch_loaders, batches)
    _register_all(references.summaries, catalogi_loaders.local_summaries())


def _connect_registers() -> None:
    documenten = LocalDocumenten()
    zaken_registers.local_documenten.register("documenten")(documenten)
    zaken_registers.local_besluiten.register("besluiten")(LocalBesluiten())
    besluiten_registers.local_documenten.register("documenten")(documenten)
    besluiten_registers.local_zaken.register("zaken")(LocalZaken())


def _connect_checks() -> None:
    usage.checks.register("zaaktypen")(checks.zaaktype_in_use)
    usage.checks.register("informatieobjecttypen")(checks.informatieobjecttype_in_use)
    usage.checks.register("besluittypen")(checks.besluittype_in_use)
    objectinformatieobjecten.local_relations.register("zaken")(checks.zaak_relates)
    objectinformatieobjecten.local_relations.register("besluiten")(checks.besluit_relates)


def _connect_machinery() -> None:
    auth.credential_stores.register(auth.CREDENTIALS)(DatabaseCredentialStore())
    storage.backends.register("local")(storage.LocalStorage)
    storage.backends.register("s3")(storage.s3_storage)
    extensions.extension_fragments.register("zaken/_registreren")(
        extensions.Fragment("zaken", zaken.EXTENSION_SPEC)
    )
    extensions.extension_fragments.register("notificaties/kanaal-update")(
        extensions.Fragment("notificaties", notificaties.EXTENSION_SPEC)
    )
