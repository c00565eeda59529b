"""One destruction run at a time, across processes and machines (docs/adr/0082).

A run takes the row ``vernietiging`` of :class:`RunLock` with one conditional UPDATE: only when
nobody holds it, when its holder's process on this machine is gone, or when the holder's heartbeat
is older than ``stale_after``. The run beats its heart after every zaak and lets go at the end; a
run that was killed is replaced at once on the same machine, after ``stale_after`` on another.
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
STALE_AFTER = timedelta(minutes=5)


class Busy(Exception):
    """Another run holds the lock."""

    def __init__(self, holder: str) -> None:
        super().__init__(f"another destruction run is busy ({holder})")
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
    def __init__(self, holder: str) -> None:
        self.holder = holder

    def beat(self) -> None:
        """Renew the heartbeat; Busy when another run took the lock meanwhile."""
        with transaction.atomic():
            if not RunLock.objects.filter(name=NAME, holder=self.holder).update(heartbeat_at=timezone.now()):
                current = RunLock.objects.filter(name=NAME).values_list("holder", flat=True).first() or ""
                raise Busy(current)


def acquire(stale_after: timedelta = STALE_AFTER) -> Lock:
    """Take the lock, or Busy."""
    holder = f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(4)}"
    now = timezone.now()
    with transaction.atomic():
        RunLock.objects.get_or_create(name=NAME)
        current = RunLock.objects.select_for_update().get(name=NAME)
        free = Q(holder="") | Q(heartbeat_at__lt=now - stale_after)
        if current.holder and not _alive(current.holder):
            free |= Q(holder=current.holder)
        taken = RunLock.objects.filter(free, name=NAME).update(
            holder=holder, acquired_at=now, heartbeat_at=now
        )
    if not taken:
        raise Busy(current.holder)
    return Lock(holder)


def release(lock: Lock) -> None:
    RunLock.objects.filter(name=NAME, holder=lock.holder).update(holder="", heartbeat_at=None)


@contextmanager
def held(stale_after: timedelta = STALE_AFTER) -> Iterator[Lock]:
    lock = acquire(stale_after)
    try:
        yield lock
    finally:
        release(lock)
