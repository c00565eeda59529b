"""Helpers for the typed inputs of service functions (docs/adr/0050)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, TypeVar, cast

Values = TypeVar("Values", bound=Mapping[str, Any])


def only(values: Values, names: Collection[str]) -> Values:
    """A copy of ``values`` with only the keys in ``names``: the fields a PATCH sent.

    For a ``TypedDict`` whose keys are all optional (``total=False``) the copy is of the same type:
    leaving keys out is what such a type allows.
    """
    return cast(Values, {key: value for key, value in values.items() if key in names})
