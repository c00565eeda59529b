"""The ``zaakwerk worker``: publishes the outbox and delivers notificaties to abonnementen.

Any number of workers can run side by side on PostgreSQL. Each one loops: publish outbox rows,
claim due deliveries (a lease each, see :mod:`.claim`), hand them to a small thread pool as
*lanes* — up to ``lane`` deliveries to one abonnement, sent one after the other by one thread over
one kept-alive connection — and wait for a wake-up (a commit, a finished lane) or the poll
interval. A slow or dead subscriber can hold at most ``per_abonnement`` threads of a worker; a
failure ends its lane, and its circuit opens after repeated failures, so the other subscribers'
deliveries keep flowing.

SIGTERM/SIGINT stop claiming, let the deliveries under way finish (each is bounded by the
timeout) and exit. A worker that is killed leaves leases that run out; another worker (or the
same one restarted) then delivers those again: at least once, never lost.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import FrameType

import httpx
from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone

from zaakwerk.client.transport import network_client
from zaakwerk.notificaties.delivery.claim import Claim, claim, release
from zaakwerk.notificaties.delivery.config import DeliveryConfig
from zaakwerk.notificaties.delivery.publisher import ExternalPublisher, KanaalCache, publish_local
from zaakwerk.notificaties.delivery.send import Outcome, deliver, load, send

logger = logging.getLogger(__name__)


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Worker:
    def __init__(
        self,
        config: DeliveryConfig | None = None,
        *,
        client: httpx.Client | None = None,
        publish: bool = True,
        name: str | None = None,
    ) -> None:
        self.config = config or DeliveryConfig.from_settings()
        # callbacks: the outgoing-request policy for subscribers (docs/adr/0035), pooled per worker
        self.client = client or network_client(self.config.threads * 2)
        self.name = name or worker_name()
        self.publish_enabled = publish
        self.kanalen = KanaalCache()
        self.external: ExternalPublisher | None = None
        if settings.NOTIFICATIES_API_URL:
            self.external = ExternalPublisher(
                root=settings.NOTIFICATIES_API_URL,
                backoff=self.config.backoff,
                backoff_max=min(self.config.backoff_max, 300.0),
            )
        self.wake = threading.Event()
        self.stop = threading.Event()
        self._lock = threading.Lock()
        self._in_flight: Counter[int] = Counter()

    # --- one step, synchronous (tests, and the building block of the loop) ------------------
    def publish(self) -> int:
        if not self.publish_enabled:
            return 0
        if self.external is not None:
            return self.external.publish()
        return publish_local(kanalen=self.kanalen)

    def claim(self, limit: int, *, cap: int | None = None) -> list[Claim]:
        with self._lock:
            busy = {a for a, n in self._in_flight.items() if n >= self.config.per_abonnement}
        return claim(
            worker=self.name,
            now=timezone.now(),
            limit=limit,
            cap=cap or self.config.per_abonnement,
            lease=self.config.lease,
            circuit_failures=self.config.circuit_failures,
            busy=busy,
        )

    def run_once(self) -> list[Outcome | None]:
        """Publish, then claim and send what is due, one by one in this thread."""
        self.publish()
        claims = self.claim(self.config.threads)
        return [self._deliver(c) for c in claims]

    def _deliver(self, c: Claim) -> Outcome | None:
        return deliver(c.delivery_id, worker=self.name, client=self.client, config=self.config)

    def _lanes(self, claims: list[Claim]) -> list[list[Claim]]:
        """Claims per abonnement, in id order: one thread sends one lane, one after the other."""
        lanes: dict[int, list[Claim]] = {}
        for c in claims:
            lanes.setdefault(c.abonnement_id, []).append(c)
        return list(lanes.values())

    def _send_lane(self, lane: list[Claim]) -> None:
        """Send a lane in order; after a failure, or when half the lease is used, give the rest
        back, so retries and circuits decide about them and no lease runs out while queued."""
        started = time.monotonic()
        deliveries = load([c.delivery_id for c in lane], worker=self.name)
        reset_circuit = True  # the lane's first success closes a circuit that had failures
        for position, delivery in enumerate(deliveries):
            outcome = send(
                delivery,
                worker=self.name,
                client=self.client,
                config=self.config,
                reset_circuit=reset_circuit,
            )
            reset_circuit = False
            failed = outcome is None or not outcome.delivered
            if failed or time.monotonic() - started > self.config.lease / 2:
                rest = [d.id for d in deliveries[position + 1 :]]
                if rest:
                    release(rest, worker=self.name)
                return

    # --- the loop ------------------------------------------------------------------------------
    def run(self, *, should_stop: Callable[[], bool] = lambda: False) -> None:
        """Run until :meth:`shutdown` (or a signal, see :func:`run_worker`)."""
        listener = None
        if connection.vendor == "postgresql":
            from zaakwerk.notificaties.delivery.wakeup import Listener

            listener = Listener(self.wake, self.stop)
            listener.start()
        pool = ThreadPoolExecutor(max_workers=self.config.threads, thread_name_prefix="zaakwerk-deliver")
        logger.info("worker %s started (%s threads)", self.name, self.config.threads)
        try:
            while not self.stop.is_set() and not should_stop():
                self.wake.clear()
                busy = self._step(pool)
                if not busy:
                    self.wake.wait(self.config.poll)
        finally:
            self.stop.set()
            pool.shutdown(wait=True)
            connection.close()
            logger.info("worker %s stopped", self.name)

    def _step(self, pool: ThreadPoolExecutor) -> bool:
        """Publish and dispatch once; True when there may be more work right away."""
        try:
            published = self.publish()
            with self._lock:
                free = self.config.threads - sum(self._in_flight.values())
            # Each free thread takes a lane of up to `lane` deliveries to one abonnement.
            claims = self.claim(free * self.config.lane, cap=self.config.lane) if free > 0 else []
        except Exception:  # the database went away: wait a poll interval and try again
            logger.exception("worker step failed")
            close_old_connections()
            connection.close()
            return False
        lanes = self._lanes(claims)
        for lane in lanes:
            abonnement_id = lane[0].abonnement_id
            with self._lock:
                self._in_flight[abonnement_id] += 1
            future = pool.submit(self._lane_in_thread, lane)
            future.add_done_callback(self._done(abonnement_id))
        return published > 0 or (free > 0 and len(lanes) >= free)

    def _lane_in_thread(self, lane: list[Claim]) -> None:
        try:
            self._send_lane(lane)
        except Exception:
            logger.exception("delivering to abonnement %s failed unexpectedly", lane[0].abonnement_id)
            connection.close()

    def _done(self, abonnement_id: int) -> Callable[[Future[None]], None]:
        def done(_: Future[None]) -> None:
            with self._lock:
                self._in_flight[abonnement_id] -= 1
                if self._in_flight[abonnement_id] <= 0:
                    del self._in_flight[abonnement_id]
            self.wake.set()

        return done

    def shutdown(self) -> None:
        self.stop.set()
        self.wake.set()


def relax_commit_durability() -> None:
    """PostgreSQL: the worker's commits do not wait for the WAL flush (``synchronous_commit=off``).

    Safe here because everything a worker writes can be lost without losing a notification: a
    lost "delivered" mark means a repeat (at least once), a lost claim a later claim, and a lost
    publish loses the notificatie and the outbox mark together (one transaction), so the row is
    published again. The changes themselves are committed by the registers, durably. Must run
    before the process opens its first database connection.
    """
    if connection.vendor != "postgresql":
        return
    options = connection.settings_dict.setdefault("OPTIONS", {})
    options["options"] = f"{options.get('options', '')} -c synchronous_commit=off".strip()


def run_worker(*, exit_with_parent: bool = False) -> int:
    """``zaakwerk worker``: run until SIGTERM/SIGINT (or, embedded, until the server is gone)."""
    relax_commit_durability()
    worker = Worker()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        logger.info("worker %s: signal %s, finishing deliveries under way", worker.name, signum)
        worker.shutdown()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    parent = os.getppid()
    worker.run(should_stop=(lambda: os.getppid() != parent) if exit_with_parent else (lambda: False))
    return 0
