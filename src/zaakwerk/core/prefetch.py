"""No request to another API while a database transaction is open (docs/adr/0037).

A write validates the references in its body (a zaaktype, a roltype, a document elsewhere) by
fetching them. Fetched inside the write's transaction, a slow or hostile server would hold that
transaction, and the row locks it took, for as long as it likes. So while a request is handled
(:class:`FetchBeforeTransactionMiddleware`), a remote URL is only ever fetched outside any
transaction:

1. The view runs. A reference it resolves outside a transaction is fetched there and then, and
   kept for the rest of the request (:class:`Scope`).
2. A reference it resolves *inside* a transaction that was not fetched before raises
   :class:`FetchFirst`: the transaction rolls back (nothing was written, every lock is released),
   and the middleware fetches what was missing, outside any transaction.
3. The view runs again, now finding every reference it needs already fetched. A write therefore
   commits with references fetched before its transaction opened, each within its own deadline.

Writes are single transactions (STYLE.md, "every write is one transaction"), so a view stopped by
:class:`FetchFirst` has written nothing and running it again is safe. A service that knows the
references it will need may ask for them at once (:func:`need`) to save a round.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase

Fetched = tuple[dict[str, Any] | None, int]
Fetcher = Callable[[str], Fetched]

# More rounds than any real body needs (each round fetches every URL that was missing).
MAX_ROUNDS = 20


class FetchFirst(BaseException):
    """A remote reference is needed inside a transaction and was not fetched before it.

    A BaseException, like GeneratorExit: a handler for errors (``except Exception``) must not
    swallow it, since the transaction it leaves has to roll back.
    """


@dataclass
class Scope:
    """The references of one request: fetched ones, and those still to fetch."""

    fetched: dict[str, Fetched] = field(default_factory=dict)
    missing: dict[str, Fetcher] = field(default_factory=dict)

    def fetch_missing(self) -> None:
        for url, fetcher in list(self.missing.items()):
            if url not in self.fetched:
                self.fetched[url] = fetcher(url)
        self.missing.clear()


_scope: ContextVar[Scope | None] = ContextVar("zaakwerk_reference_scope", default=None)


def in_transaction() -> bool:
    """Whether a transaction of the code is open (the test suite's own wrapping one is not counted)."""
    connection = transaction.get_connection()
    return any(not getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def get(url: str, fetcher: Fetcher) -> Fetched:
    """``fetcher(url)``, outside any transaction: kept for the request; inside one: FetchFirst."""
    scope = _scope.get()
    if scope is None:  # not handling a request (a command, a worker): fetch where we are
        return fetcher(url)
    if url in scope.fetched:
        return scope.fetched[url]
    if in_transaction():
        scope.missing[url] = fetcher
        raise FetchFirst(url)
    scope.fetched[url] = fetcher(url)
    return scope.fetched[url]


def need(urls: Iterable[str], fetcher: Fetcher) -> None:
    """Announce references a service will resolve: fetched now, or all together before a rerun."""
    scope = _scope.get()
    if scope is None:
        return
    wanted = [url for url in dict.fromkeys(urls) if url not in scope.fetched]
    if not wanted:
        return
    if in_transaction():
        scope.missing.update(dict.fromkeys(wanted, fetcher))
        raise FetchFirst(wanted[0])
    for url in wanted:
        scope.fetched[url] = fetcher(url)


class FetchBeforeTransactionMiddleware:
    """Runs each view until it no longer needs a reference inside a transaction (see above)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., HttpResponseBase], args: Any, kwargs: Any
    ) -> HttpResponseBase | None:
        if _scope.get() is not None:
            return None  # a request made in-process while answering another: that one's scope
        scope = Scope()
        token = _scope.set(scope)
        try:
            for _ in range(MAX_ROUNDS):
                try:
                    return view(request, *args, **kwargs)
                except FetchFirst:
                    scope.fetch_missing()
            # a body that keeps naming new references: refused (the API layer gives it the
            # standard's error body)
            return HttpResponse(status=400, content_type="text/plain")
        finally:
            _scope.reset(token)
