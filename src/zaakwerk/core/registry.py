"""Local implementations of a register's interface to another register, by API name.

A register never imports another register (DESIGN.md rule 1): it declares the interface it needs
and a :class:`Registry` for the implementations in this process, which the entry point installs
(``@local_documenten.register("documenten")``). What is installed for an API stays until it is
replaced; a replacement can always be undone, restoring exactly what was there before it, so a
stand-in (a fake in a test, a temporary implementation) never removes the real one:

- :meth:`Registry.replaced` installs an implementation for the duration of a ``with`` block;
- :meth:`Registry.unregister` undoes the latest :meth:`Registry.register` for an API.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

T = TypeVar("T")
Factory = Callable[[], T]


class Registry(Generic[T]):
    """Local implementations by API name (the first URL segment after the public URL).

    Per API it keeps the installed factories in order; the last one is in use, the ones before
    it are what undoing a replacement brings back.
    """

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._stacks: dict[str, list[Factory[T]]] = {}

    def register(self, api: str) -> Callable[[Factory[T]], Factory[T]]:
        """Decorator: install ``factory`` (usually the class) as the implementation for ``api``.

        Installing the factory that is already in use changes nothing, so connecting the
        registers of a deployment twice is harmless.
        """

        def decorate(factory: Factory[T]) -> Factory[T]:
            stack = self._stacks.setdefault(api, [])
            if not stack or stack[-1] is not factory:
                stack.append(factory)
            return factory

        return decorate

    def unregister(self, api: str) -> None:
        """Undo the latest :meth:`register` for ``api``: what it replaced is in use again."""
        stack = self._stacks.get(api)
        if stack:
            stack.pop()

    @contextmanager
    def replaced(self, api: str, factory: Factory[T]) -> Iterator[None]:
        """Use ``factory`` for ``api`` inside the block; afterwards exactly what was there before."""
        before = list(self._stacks.get(api, []))
        self._stacks.setdefault(api, []).append(factory)
        try:
            yield
        finally:
            self._stacks[api] = before

    def get(self, api: str) -> T | None:
        """A new instance of the implementation in use for ``api``; None when none is installed."""
        stack = self._stacks.get(api)
        return stack[-1]() if stack else None
