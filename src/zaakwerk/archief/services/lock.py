"""One destruction run at a time, across processes and machines (docs/adr/0082); and, by the same
means under another name, one run that marks transferred zaken overgedragen (docs/adr/0098).

A run takes the row ``vernietiging`` (or ``overdracht``) of :class:`RunLock` with one conditional
UPDATE: only when nobody holds it, when its holder's process on this machine is gone, or when the
holder's heartbeat is older than ``stale_after``. The run beats its heart after every zaak and lets
go at the end; a run that was killed is replaced at once on the same machine, after
``stale_after`` on another.
"""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from zaakwerk.archief.models import RunLock

NAME = "vernietiging"
TRANSFER = "overdracht"
STALE_AFTER = timedelta(minutes=5)


class Busy(Exception):
    """Another run holds the lock."""

    def __init__(self, holder: str, name: str = NAME) -> None:
        what = "destruction" if name == NAME else "transfer"
        super().__init__(f"another {what} run is busy ({holder})")
        self.holder = holder


def _alive(holder: str) -> bool:
    """Whether a holder on this machine still runs (a holder elsewhere counts as alive)."""
    host, _, rest = holder.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Lock:
    def __init__(self, holder: str, name: str = NAME) -> None:
        self.holder = holder
        self.name = name

    def beat(self) -> None:
        """Renew the heartbeat; Busy when another run took the lock meanwhile."""
        with transaction.atomic():
            if not RunLock.objects.filter(name=self.name, holder=self.holder).update(
                heartbeat_at=timezone.now()
            ):
                current = (
                    RunLock.objects.filter(name=self.name).values_list("holder", flat=True).first() or ""
                )
                raise Busy(current, self.name)


def acquire(stale_after: timedelta = STALE_AFTER, name: str = NAME) -> Lock:
    """Take the lock, or Busy."""
    holder = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"
    now = timezone.now()
    with transaction.atomic():
        RunLock.objects.get_or_create(name=name)
        current = RunLock.objects.select_for_update().get(name=name)
        free = Q(holder="") | Q(heartbeat_at__lt=now - stale_after)
        if current.holder and not _alive(current.holder):
            free |= Q(holder=current.holder)
        taken = RunLock.objects.filter(free, name=name).update(
            holder=holder, acquired_at=now, heartbeat_at=now
        )
    if not taken:
        raise Busy(current.holder, name)
    return Lock(holder, name)


def release(lock: Lock) -> None:
    RunLock.objects.filter(name=lock.name, holder=lock.holder).update(holder="", heartbeat_at=None)


@contextmanager
def held(stale_after: timedelta = STALE_AFTER, name: str = NAME) -> Iterator[Lock]:
    lock = acquire(stale_after, name)
    try:
        yield lock
    finally:
        release(lock)
