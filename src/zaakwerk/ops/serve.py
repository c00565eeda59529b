"""``zaakwerk serve``: the production web server (granian, WSGI) with the admin's static files.

Granian's main process handles SIGTERM and SIGINT: it stops accepting connections, lets the
workers finish the requests in flight and exits. Static files are collected into
``STATIC_ROOT`` at start and served by granian itself, so no Django code runs for them.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from zaakwerk.conf.env import config

DEFAULT_HOST = config(
    "ZAAKWERK_HOST",
    "127.0.0.1",
    help="Address `zaakwerk serve` binds to. Use `0.0.0.0` in a container or behind a reverse proxy "
    "on another host.",
    group="Server",
)
DEFAULT_PORT = config("ZAAKWERK_PORT", 8000, help="Port `zaakwerk serve` listens on.", group="Server")
DEFAULT_WORKERS = config(
    "ZAAKWERK_WORKERS",
    1,
    help="Worker processes of `zaakwerk serve`. Roughly one per CPU core; processes are stateless, "
    "so more servers can run behind a load balancer.",
    group="Server",
)
THREADS = config(
    "ZAAKWERK_THREADS",
    4,
    help="Threads per worker process, each handling one request at a time with its own database "
    "connection. Keep workers × threads below the database's connection limit.",
    group="Server",
)
ACCESS_LOG = config("ZAAKWERK_ACCESS_LOG", False, help="Log every request (access log).", group="Server")
SHUTDOWN_TIMEOUT = config(
    "ZAAKWERK_SHUTDOWN_TIMEOUT",
    30,
    help="Seconds a worker may take to finish its requests after SIGTERM before it is killed.",
    group="Server",
)

WSGI_APPLICATION = "zaakwerk.wsgi:application"


@dataclass(frozen=True)
class ServerOptions:
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    workers: int = DEFAULT_WORKERS
    threads: int = THREADS


def collect_static() -> Path:
    """Copy the admin's CSS/JS into ``STATIC_ROOT`` (quietly) and return that folder."""
    from django.conf import settings
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    return Path(settings.STATIC_ROOT)


def serve(options: ServerOptions) -> None:
    """Run until SIGTERM/SIGINT (with the embedded notification worker when configured)."""
    from zaakwerk.notificaties.delivery.embedded import embedded_worker

    static_root = collect_static()
    print(f"Serving on http://{options.host}:{options.port} ({options.workers} worker(s)); stop with Ctrl+C.")
    with embedded_worker():
        _granian(options, static_root)


def _granian(options: ServerOptions, static_root: Path) -> None:
    from django.conf import settings
    from granian import Granian
    from granian.constants import Interfaces

    Granian(
        WSGI_APPLICATION,
        address=options.host,
        port=options.port,
        interface=Interfaces.WSGI,
        websockets=False,
        workers=options.workers,
        blocking_threads=options.threads,
        backpressure=options.threads,
        log_access=ACCESS_LOG,
        workers_kill_timeout=SHUTDOWN_TIMEOUT,
        static_path_route=[settings.STATIC_URL.rstrip("/")],
        static_path_mount=[static_root],
    ).serve()


def run(options: ServerOptions) -> int:
    if options.workers < 1 or options.threads < 1:
        print("error: --workers and --threads must be at least 1", file=sys.stderr)
        return 2
    if not 0 < options.port < 65536:
        print("error: --port must be between 1 and 65535", file=sys.stderr)
        return 2
    serve(options)
    return 0
