"""``zaakwerk serve``: the production web server (granian, WSGI) with the admin's static files.

Granian's main process handles SIGTERM and SIGINT: it stops accepting connections, lets the
workers finish the requests in flight and exits. Static files are collected into
``STATIC_ROOT`` at start and served by granian itself, so no Django code runs for them.

Each worker runs the application in ``threads`` threads and keeps up to ``connections`` client
connections open; requests on those connections wait for a free thread. Granian holds one
permit of its ``backpressure`` limit per open connection (kept-alive ones too), so that limit
must be far above the thread count, or idle kept-alive connections take every permit and new
connections are never accepted (ADR 0027).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from zaakwerk.conf.env import config
from zaakwerk.ops.ports import listen_problem, local_url

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
CONNECTIONS = config(
    "ZAAKWERK_CONNECTIONS",
    512,
    help="Client connections one worker process keeps open at once, kept-alive ones included; their "
    "requests wait for a free thread. Further connections wait in the listen backlog until one "
    "closes. Keep it far above `ZAAKWERK_THREADS` and below the open-files limit (`ulimit -n`).",
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
    connections: int = CONNECTIONS


def collect_static() -> Path:
    """Copy the admin's CSS/JS into ``STATIC_ROOT`` (quietly) and return that folder."""
    from django.conf import settings
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    return Path(settings.STATIC_ROOT)


def serve(options: ServerOptions) -> None:
    """Run until SIGTERM/SIGINT (with the embedded notification worker when configured)."""
    from django.conf import settings

    from zaakwerk.notificaties.delivery.embedded import embedded_worker

    static_root = collect_static()
    print(
        f"Serving on {local_url(options.host, options.port)} ({options.workers} worker(s) × "
        f"{options.threads} thread(s)), public URL {settings.PUBLIC_URL}; stop with Ctrl+C.",
        flush=True,
    )
    with embedded_worker():
        _granian(options, static_root)


class ListenError(RuntimeError):
    """Granian could not bind: the port was taken between the check and the start."""


def _granian(options: ServerOptions, static_root: Path) -> None:
    from django.conf import settings
    from granian import Granian
    from granian.constants import Interfaces

    server = Granian(
        WSGI_APPLICATION,
        address=options.host,
        port=options.port,
        interface=Interfaces.WSGI,
        websockets=False,
        workers=options.workers,
        blocking_threads=options.threads,
        # a permit per open connection, not per request: see the module docstring
        backpressure=options.connections,
        log_access=ACCESS_LOG,
        workers_kill_timeout=SHUTDOWN_TIMEOUT,
        static_path_route=[settings.STATIC_URL.rstrip("/")],
        static_path_mount=[static_root],
    )
    try:
        server.serve()
    except OSError as exc:
        raise ListenError(f"cannot listen on {options.host}:{options.port}: {exc.strerror or exc}") from None


def options_problem(options: ServerOptions) -> str | None:
    """Why the server cannot start with these options, in one line; ``None`` when it can."""
    if options.workers < 1 or options.threads < 1:
        return "--workers and --threads must be at least 1"
    if options.connections < options.threads:
        return "ZAAKWERK_CONNECTIONS must be at least ZAAKWERK_THREADS"
    if not 0 < options.port < 65536:
        return "--port must be between 1 and 65535"
    return listen_problem(options.host, options.port)


def run(options: ServerOptions) -> int:
    problem = options_problem(options)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    try:
        serve(options)
    except ListenError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0
