"""Waking workers right after a commit: PostgreSQL LISTEN/NOTIFY.

Triggers (migration 0003) run ``pg_notify`` when outbox rows or deliveries are inserted; NOTIFY is
delivered when the inserting transaction commits, and never for one that rolls back. A worker
still polls (``ZAAKWERK_DELIVERY_POLL_MS``): a lost connection or a missed wake-up only costs
latency, never a notification.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.db import connection

logger = logging.getLogger(__name__)

CHANNELS = ("zaakwerk_outbox", "zaakwerk_delivery")


def _connect_kwargs() -> dict[str, Any]:
    settings = connection.settings_dict
    kwargs: dict[str, Any] = {"dbname": settings["NAME"], "autocommit": True}
    for key, name in (("USER", "user"), ("PASSWORD", "password"), ("HOST", "host"), ("PORT", "port")):
        if settings.get(key):
            kwargs[name] = settings[key]
    return kwargs


class Listener(threading.Thread):
    """Sets ``wake`` on every notification until ``stop`` is set; reconnects after errors."""

    def __init__(self, wake: threading.Event, stop: threading.Event) -> None:
        super().__init__(name="zaakwerk-listen", daemon=True)
        self.wake = wake
        self.stop = stop
        self.kwargs = _connect_kwargs()

    def run(self) -> None:
        import psycopg

        while not self.stop.is_set():
            try:
                with psycopg.connect(**self.kwargs) as conn:
                    for channel in CHANNELS:
                        conn.execute(f"LISTEN {channel}")
                    while not self.stop.is_set():
                        for _ in conn.notifies(timeout=0.5):
                            self.wake.set()
            except Exception:  # a lost connection: polling covers the gap, try again shortly
                logger.warning("LISTEN connection lost; reconnecting", exc_info=True)
                self.stop.wait(2)
