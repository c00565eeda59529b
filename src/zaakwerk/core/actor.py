"""Who performs a change: recorded in the audit trail of every write."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """The application (and optionally the end user) on whose behalf a change is made."""

    client_id: str = ""
    applicatie_weergave: str = ""
    gebruikers_id: str = ""
    gebruikers_weergave: str = ""
    toelichting: str = ""

    @classmethod
    def system(cls, reason: str = "") -> Actor:
        """Changes made by Zaakwerk itself (imports, commands, the admin without a user)."""
        return cls(client_id="zaakwerk", applicatie_weergave="Zaakwerk", toelichting=reason)
