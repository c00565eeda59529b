"""The composition root: where the packages of Zaakwerk that must not import each other are
connected (DESIGN.md rule 1, docs/adr/0040).

:func:`zaakwerk.wiring.root.connect` registers every implementation in the registries the
packages declare (:mod:`zaakwerk.core.registry`). It runs in :meth:`apps.WiringConfig.ready`, the
last installed app, so every process that sets up Django — the web server, each ``zaakwerk``
command and the delivery worker, ``django-admin`` and its shell, the tests — is connected before
it does anything else. This module imports nothing: Django imports it before the models are
loaded.
"""
