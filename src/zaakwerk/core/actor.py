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
        return cls(client_id=SYSTEM_CLIENT_ID, applicatie_weergave="Zaakwerk", toelichting=reason)

    @classmethod
    def mirror(cls, source: str, caller: Actor | None = None) -> Actor:
        """A relation Zaakwerk keeps in step in another register (RULES.md 1.13, ADR 0013).

        The mirror is not the caller's own write, so the application is Zaakwerk itself; the
        display names who caused it, and the end user stays the caller's end user, so a line in
        the other register's audit trail still says on whose behalf it was written. ``source``
        names the register whose change caused the mirror (e.g. "Zaken API").
        """
        if caller is None:
            weergave = f"Zaakwerk (spiegeling vanuit de {source})"
            return cls(client_id=SYSTEM_CLIENT_ID, applicatie_weergave=weergave, toelichting=weergave)
        via = caller.applicatie_weergave or caller.client_id
        toelichting = f"Spiegeling vanuit de {source} namens {caller.client_id}"
        if caller.toelichting:
            toelichting = f"{toelichting}: {caller.toelichting}"
        return cls(
            client_id=SYSTEM_CLIENT_ID,
            applicatie_weergave=f"Zaakwerk (spiegeling van {via})"[:200],
            gebruikers_id=caller.gebruikers_id,
            gebruikers_weergave=caller.gebruikers_weergave,
            toelichting=toelichting,
        )


#: The applicatieId of changes Zaakwerk makes itself.
SYSTEM_CLIENT_ID = "zaakwerk"
