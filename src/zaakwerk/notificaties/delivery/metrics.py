"""What operators watch: backlog, dead letters, failures and circuits per abonnement, latency.

Served as JSON at ``/healthz/notificaties`` and as Prometheus text at ``/metrics`` to logged-in
staff or to a caller with ``Authorization: Bearer <ZAAKWERK_METRICS_TOKEN>`` (ADR 0016).
"""

from __future__ import annotations

import hmac
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone

from zaakwerk.core.models import OutboxMessage
from zaakwerk.notificaties.delivery.circuit import Circuit, state_of
from zaakwerk.notificaties.models import Delivery, DeliveryState, SubscriberCircuit

LATENCY_SAMPLE = 1000


def percentile(values: list[float], fraction: float) -> float | None:
    """Nearest-rank percentile of ``values`` (None when empty)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, round(fraction * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


def latencies(sample: int = LATENCY_SAMPLE) -> list[float]:
    """Seconds from commit to delivery of the last ``sample`` delivered deliveries.

    The change's time (``aanmaakdatum``, set in the committing transaction) for outbox messages;
    the moment of receipt for messages posted to the API (their aanmaakdatum is the client's).
    """
    rows = (
        Delivery.objects.filter(state=DeliveryState.delivered, delivered_at__isnull=False)
        .order_by("-delivered_at")
        .values_list(
            "delivered_at", "notificatie__aanmaakdatum", "notificatie__received_at", "notificatie__source"
        )[:sample]
    )
    result = []
    for delivered_at, aanmaakdatum, received_at, source in rows:
        start: datetime = aanmaakdatum if source == "outbox" else received_at
        if delivered_at is None:
            continue
        result.append(max(0.0, (delivered_at - start).total_seconds()))
    return result


def snapshot(now: datetime | None = None) -> dict[str, Any]:
    now = now or timezone.now()
    pending = Q(state=DeliveryState.pending)
    totals = Delivery.objects.aggregate(
        pending=Count("id", filter=pending),
        due=Count("id", filter=pending & Q(next_attempt_at__lte=now)),
        dead=Count("id", filter=Q(state=DeliveryState.dead)),
    )
    per_abonnement = (
        # delivered rows are most of the table and never part of the backlog
        Delivery.objects.exclude(state=DeliveryState.delivered)
        .values("abonnement_id", "abonnement__uuid")
        .annotate(
            pending=Count("id", filter=pending),
            failing=Count("id", filter=pending & Q(attempts__gt=0)),
            dead=Count("id", filter=Q(state=DeliveryState.dead)),
        )
        .order_by("abonnement_id")
    )
    circuits = {
        c.abonnement_id: c for c in SubscriberCircuit.objects.select_related("abonnement").order_by("id")
    }
    abonnementen: dict[str, dict[str, Any]] = {}
    for row in per_abonnement:
        abonnementen[str(row["abonnement__uuid"])] = {
            "pending": row["pending"],
            "failing": row["failing"],
            "dead": row["dead"],
            "circuit": "closed",
            "consecutiveFailures": 0,
        }
    for c in circuits.values():
        state = state_of(
            Circuit(c.consecutive_failures, c.open_until), now=now, threshold=settings.CIRCUIT_FAILURES
        )
        entry = abonnementen.setdefault(
            str(c.abonnement.uuid), {"pending": 0, "failing": 0, "dead": 0, "circuit": "closed"}
        )
        entry["circuit"] = str(state)
        entry["consecutiveFailures"] = c.consecutive_failures
    lat = latencies()
    return {
        "outbox": {"unpublished": OutboxMessage.objects.filter(published_at__isnull=True).count()},
        "deliveries": totals,
        "abonnementen": abonnementen,
        "latency": {
            "sample": len(lat),
            "p50": percentile(lat, 0.50),
            "p95": percentile(lat, 0.95),
        },
        "circuitsOpen": sum(1 for a in abonnementen.values() if a["circuit"] == "open"),
    }


def _allowed(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    if user is not None and user.is_active and user.is_staff:
        return True
    token = settings.METRICS_TOKEN
    given = request.headers.get("Authorization", "")
    return bool(token) and hmac.compare_digest(given.encode(), f"Bearer {token}".encode())


def _denied() -> JsonResponse:
    return JsonResponse({"detail": "Alleen voor beheerders / staff or metrics token only"}, status=403)


def health_view(request: HttpRequest) -> HttpResponse:
    if not _allowed(request):
        return _denied()
    return JsonResponse(snapshot())


def prometheus_text(data: dict[str, Any]) -> str:
    lines = [
        "# TYPE zaakwerk_outbox_unpublished gauge",
        f"zaakwerk_outbox_unpublished {data['outbox']['unpublished']}",
        "# TYPE zaakwerk_deliveries gauge",
    ]
    for key in ("pending", "due", "dead"):
        lines.append(f'zaakwerk_deliveries{{state="{key}"}} {data["deliveries"][key]}')
    lines.append("# TYPE zaakwerk_abonnement_pending gauge")
    for uuid, entry in data["abonnementen"].items():
        lines.append(f'zaakwerk_abonnement_pending{{abonnement="{uuid}"}} {entry["pending"]}')
    lines.append("# TYPE zaakwerk_abonnement_dead gauge")
    for uuid, entry in data["abonnementen"].items():
        lines.append(f'zaakwerk_abonnement_dead{{abonnement="{uuid}"}} {entry["dead"]}')
    lines.append("# TYPE zaakwerk_abonnement_circuit_open gauge")
    for uuid, entry in data["abonnementen"].items():
        is_open = 1 if entry["circuit"] == "open" else 0
        lines.append(f'zaakwerk_abonnement_circuit_open{{abonnement="{uuid}"}} {is_open}')
    lines.append("# TYPE zaakwerk_delivery_latency_seconds gauge")
    for name, quantile in (("p50", "0.5"), ("p95", "0.95")):
        value = data["latency"][name]
        if value is not None:
            lines.append(f'zaakwerk_delivery_latency_seconds{{quantile="{quantile}"}} {value:.6f}')
    return "\n".join(lines) + "\n"


def metrics_view(request: HttpRequest) -> HttpResponse:
    if not _allowed(request):
        return _denied()
    return HttpResponse(prometheus_text(snapshot()), content_type="text/plain; version=0.0.4")


__all__ = ["health_view", "metrics_view", "percentile", "snapshot"]
