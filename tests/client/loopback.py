"""Small HTTP servers on loopback, each with a behaviour (an answer, a drip, a redirect), that record
what reached them: the other side of the tests of outgoing requests.

Each server runs in a thread on a free port; a behaviour is a function of the request handler.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import orjson

Behaviour = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Server:
    url: str
    hits: list[str] = field(default_factory=list)


def answer(status: int, body: object = None, *, headers: dict[str, str] | None = None) -> Behaviour:
    """Answer with ``status`` and ``body`` as JSON."""

    def behave(handler: BaseHTTPRequestHandler) -> None:
        content = orjson.dumps(body) if body is not None else b""
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(content)))
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(content)

    return behave


def drip(*, every: float, bytes_total: int) -> Behaviour:
    """A status line and headers, then a body of ``bytes_total`` bytes, one byte per ``every`` seconds."""

    def behave(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(bytes_total))
        handler.end_headers()
        try:
            for _ in range(bytes_total):
                handler.wfile.write(b" ")
                handler.wfile.flush()
                time.sleep(every)
        except OSError:
            pass  # the client hung up: what the tests want

    return behave


def chunked(size: int) -> Behaviour:
    """A body of ``size`` bytes without Content-Length (the connection closes at the end)."""

    def behave(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Connection", "close")
        handler.end_headers()
        try:
            for _ in range(size // 65536 + 1):
                handler.wfile.write(b" " * 65536)
        except OSError:
            pass

    return behave


def redirect(location: str) -> Behaviour:
    def behave(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return behave


def in_turn(*behaviours: Behaviour) -> Behaviour:
    """The first request gets the first behaviour, the next the second, …; the last one repeats."""
    count = [0]

    def behave(handler: BaseHTTPRequestHandler) -> None:
        index = min(count[0], len(behaviours) - 1)
        count[0] += 1
        behaviours[index](handler)

    return behave


@contextmanager
def serving(behaviour: Behaviour, routes: Mapping[str, Behaviour] | None = None) -> Iterator[Server]:
    """A server that treats a request for a path in ``routes`` with that behaviour, any other with
    ``behaviour``."""
    server_state = Server(url="")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def _handle(self) -> None:
            server_state.hits.append(f"{self.command} {self.path}")
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            (routes or {}).get(self.path.split("?")[0], behaviour)(self)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    server_state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server_state
    finally:
        httpd.shutdown()
        httpd.server_close()
