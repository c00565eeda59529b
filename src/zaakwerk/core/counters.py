"""Kept counts compared with what they count (``zaakwerk counts verify``).

A register keeps counts (of zaken, of documents) in the transaction of every change, so lists
need no ``COUNT(*)``; each register's ``counts`` module reads both sides and reports here where
they differ. The counters' upsert is :func:`zaakwerk.core.sql.add_to_counter`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

K = TypeVar("K", bound=Any)


@dataclass(frozen=True)
class Difference:
    """One kept count that does not match: what it counts, the kept and the counted number."""

    what: str
    kept: int
    counted: int


def differences(
    kept: Mapping[K, int], counted: Mapping[K, int], label: Callable[[K], str]
) -> list[Difference]:
    """Every key whose kept and counted numbers differ, in key order, named by ``label``; a
    missing key counts 0."""
    return [
        Difference(label(key), kept.get(key, 0), counted.get(key, 0))
        for key in sorted(kept.keys() | counted.keys())
        if kept.get(key, 0) != counted.get(key, 0)
    ]
