"""The delivery settings as one value, so tests and benchmarks can run a worker with their own."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class DeliveryConfig:
    threads: int = 8
    per_abonnement: int = 2
    lane: int = 20  # deliveries one thread sends to one abonnement per claim
    timeout: float = 5.0
    max_attempts: int = 12
    backoff: float = 2.0  # seconds before the first retry
    backoff_max: float = 3600.0
    lease: float = 60.0
    poll: float = 1.0
    circuit_failures: int = 5
    circuit_cooldown: float = 60.0

    @classmethod
    def from_settings(cls) -> DeliveryConfig:
        return cls(
            threads=max(1, settings.DELIVERY_THREADS),
            per_abonnement=max(1, settings.DELIVERY_PER_ABONNEMENT),
            lane=max(1, settings.DELIVERY_LANE),
            timeout=float(settings.DELIVERY_TIMEOUT),
            max_attempts=max(1, settings.DELIVERY_MAX_ATTEMPTS),
            backoff=settings.DELIVERY_BACKOFF_MS / 1000,
            backoff_max=float(settings.DELIVERY_BACKOFF_MAX_SECONDS),
            lease=float(max(settings.DELIVERY_LEASE_SECONDS, 2 * settings.DELIVERY_TIMEOUT)),
            poll=max(settings.DELIVERY_POLL_MS, 10) / 1000,
            circuit_failures=max(1, settings.CIRCUIT_FAILURES),
            circuit_cooldown=float(settings.CIRCUIT_COOLDOWN_SECONDS),
        )
