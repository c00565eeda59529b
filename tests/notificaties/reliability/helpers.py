"""Building blocks of the delivery tests: abonnementen, outbox rows, recording subscribers."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import orjson
from django.db import transaction

from zaakwerk.core.actor import Actor
from zaakwerk.core.changes import Change, record_change
from zaakwerk.notificaties.models import Abonnement, AbonnementKanaal, Kanaal

ZAKEN = "http://testserver/zaken/api/v1"
PORTS = range(8630, 8660)


def zaak_url(number: int) -> str:
    return f"{ZAKEN}/zaken/00000000-0000-0000-0000-{number:012d}"


def abonnement(
    callback_url: str,
    *,
    kanaal: str = "zaken",
    filters: dict[str, str] | None = None,
    auth: str = "Bearer secret-of-the-subscriber",
    cloudevents: bool = False,
) -> Abonnement:
    created = Abonnement.objects.create(callback_url=callback_url, auth=auth, cloudevents=cloudevents)
    k, _ = Kanaal.objects.get_or_create(
        naam=kanaal, defaults={"filters": ["bronorganisatie", "zaaktype", "vertrouwelijkheidaanduiding"]}
    )
    AbonnementKanaal.objects.create(abonnement=created, kanaal=k, filters=filters or {})
    return created


def status_url(seq: int) -> str:
    return f"{ZAKEN}/statussen/00000000-0000-0000-0001-{seq:012d}"


def change(
    number: int, *, actie: str = "update", resource: str = "zaak", seq: int | None = None, **kenmerken: str
) -> Change:
    """A change of zaak ``number`` as a register records it; with ``seq``: its status number ``seq``."""
    url = zaak_url(number)
    return Change(
        bron="zrc",
        kanaal="zaken",
        resource=resource if seq is None else "status",
        resource_url=url if seq is None else status_url(seq),
        actie=actie,
        hoofd_object=url,
        kenmerken={"bronorganisatie": "517439943", "vertrouwelijkheidaanduiding": "openbaar", **kenmerken},
    )


def commit_change(number: int, **kwargs: Any) -> None:
    """Record a change the way every register service does: in its own transaction."""
    with transaction.atomic():
        record_change(change(number, **kwargs), Actor.system())


@dataclass
class Recorder:
    """What a subscriber got: requests in arrival order, answered by ``answer``."""

    answer: Callable[[httpx.Request], int] = lambda request: 204
    requests: list[httpx.Request] = field(default_factory=list)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(self.answer(request), text="nope" if self.answer(request) >= 300 else "")

    def bodies(self) -> list[Any]:
        return [orjson.loads(r.content) for r in self.requests]


def mock_client(recorders: dict[str, Recorder]) -> httpx.Client:
    """An httpx client whose requests go to the recorder of their host (no network)."""

    def route(request: httpx.Request) -> httpx.Response:
        return recorders[request.url.host].handle(request)

    return httpx.Client(transport=httpx.MockTransport(route))


# --- real loopback subscribers (reliability tests and the benchmark) -------------------------


@dataclass
class Subscriber:
    """A subscriber's webhook on 127.0.0.1 that records (receipt time, body) per POST.

    ``status`` is what it answers; ``delay`` how long it takes; ``down`` closes the connection
    without an answer, as a crashed subscriber does.
    """

    status: int = 204
    delay: float = 0.0
    down: bool = False
    received: list[tuple[float, Any]] = field(default_factory=list)
    authorizations: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    url: str = ""

    def bodies(self) -> list[Any]:
        with self.lock:
            return [body for _, body in self.received]


def _handler(subscriber: Subscriber) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if subscriber.down:
                self.close_connection = True
                self.connection.close()
                return
            if subscriber.delay:
                time.sleep(subscriber.delay)
            with subscriber.lock:
                subscriber.authorizations.append(self.headers.get("Authorization", ""))
            if 200 <= subscriber.status < 300:
                with subscriber.lock:
                    subscriber.received.append((time.time(), orjson.loads(raw)))
            self.send_response(subscriber.status)
            self.send_header("Content-Length", "0")
            self.end_headers()

    return Handler


@contextmanager
def running_subscriber(**options: Any) -> Iterator[Subscriber]:
    """A :class:`Subscriber` on the first free port of :data:`PORTS`."""
    subscriber = Subscriber(**options)
    server = None
    for port in PORTS:
        try:
            server = ThreadingHTTPServer(("127.0.0.1", port), _handler(subscriber))
            break
        except OSError:
            continue
    if server is None:
        raise RuntimeError("no free port for a loopback subscriber")
    server.daemon_threads = True
    subscriber.url = f"http://127.0.0.1:{server.server_address[1]}/callback"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield subscriber
    finally:
        server.shutdown()
        server.server_close()
