"""Small rules of the standard's response shapes that every register's representations share."""

from __future__ import annotations


def given_uris(**uris: str | None) -> dict[str, str]:
    """The optional, non-nullable ``format: uri`` fields of a representation that have a value.

    The spec allows neither ``""`` (no URI) nor ``null`` (not nullable) for such a field, and does
    not require it: a field that was never given, or was cleared, is left out of the response.
    """
    return {name: value for name, value in uris.items() if value}
