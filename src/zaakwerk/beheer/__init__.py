"""Beheer: the editor for catalogi and zaaktypen, for beheerders (docs/beheer.md).

It edits the catalogue only through the Catalogi API (``zaakwerk.client``), as its own API
client, and the werkplek's handling parameters through the werkplek's own services. Every change
it makes is recorded in its own table (:class:`~zaakwerk.beheer.models.Wijziging`).
"""
