"""Several independent requests at once (docs/adr/0106).

A loket submission sends its documents (the PDF and each attachment) before the zaak; they do not
depend on each other, so :func:`each` sends them side by side from a small pool of threads shared by
the process. Against another deployment the waits on the network overlap; against this deployment
the in-process requests overlap their database and file-system waits, each in its own thread with
its own database connection and transaction, exactly as separate HTTP requests would.

A thread's requests answered in-process cannot see what the calling thread has written in a
transaction that is still open. So while the caller is inside one (``transaction.atomic``: a
service function, a test wrapped in a transaction) the calls run one after the other in the
caller's own thread instead; on SQLite too (:func:`side_by_side`).

Each call runs in a copy of the caller's context (the outgoing-request policy, a deadline, log
ids); a database connection a pool thread opened is closed when its call ends.
"""

from __future__ import annotations

import contextvars
import functools
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from django.db import connection, connections

Item = TypeVar("Item")
Result = TypeVar("Result")

#: At most this many calls of one :func:`each` (and of all of them together) run at a time.
WORKERS = 4
_PREFIX = "zaakwerk-requests"

_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _executor() -> ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix=_PREFIX)
        return _pool


def close_connections() -> None:
    """Close this thread's database connections."""
    connections.close_all()


def side_by_side() -> bool:
    """Whether calls may run in other threads now: not while the caller's transaction is open, nor
    from a pool thread (its calls would wait for threads that wait for it), nor on SQLite (its
    writers take turns anyway, and a shared in-memory database refuses a second writer instead of
    letting it wait)."""
    return (
        connection.vendor != "sqlite"
        and not connection.in_atomic_block
        and not threading.current_thread().name.startswith(_PREFIX)
    )


def _in_pool_thread(call: Callable[[], Result]) -> Result:
    try:
        return call()
    finally:
        # an idle pool thread holds no connection: none goes stale between submissions, and none
        # keeps a database from being dropped (a test database at the end of the suite)
        close_connections()


def each(function: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    """``[function(item) for item in items]``, side by side when :func:`side_by_side` allows.

    Every call runs to its end; then the first exception (in the order of ``items``) is raised,
    as the loop would have raised it, the others' results being lost with it."""
    if len(items) < 2 or not side_by_side():
        return [function(item) for item in items]
    pool = _executor()
    futures: list[Future[Result]] = []
    for item in items:
        context = contextvars.copy_context()
        futures.append(pool.submit(context.run, _in_pool_thread, functools.partial(function, item)))
    errors = [future.exception() for future in futures]  # waits for every call
    for error in errors:
        if error is not None:
            raise error
    return [future.result() for future in futures]
