"""The access rule on types and vertrouwelijkheid (RULES.md 1.7), written once.

A caller's autorisaties for a component name types (zaaktypen, informatieobjecttypen,
besluittypen), each with a maximum vertrouwelijkheidaanduiding: an object is visible when its
type is among them and its vertrouwelijkheid is at most that maximum (besluiten have none, so
only the type counts). The rule has one SQL form, :func:`rule_sql`, used by every list, count and
kept-count statement (through :class:`Within` in querysets), and one form for an object in
memory, :func:`within`.

Used in memory also where an object arrives as JSON (``expand``, :func:`may_show`): the caller's
autorisaties for the object's kind decide, by type and vertrouwelijkheidaanduiding, exactly as a
direct read would.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db.models import BooleanField, Expression, F
from django.db.models.sql.compiler import SQLCompiler

from zaakwerk.core.vertrouwelijkheid import RANK

#: (component, scope) → per type URL the highest readable rank; None: no restriction.
TypesWithScope = Callable[[str, str], dict[str, int] | None]


def within(allowed: dict[str, int] | None, type_url: Any, aanduiding: Any) -> bool:
    """The type-and-vertrouwelijkheid rule for one object; ``aanduiding`` None: the kind has none."""
    if allowed is None:
        return True
    if not isinstance(type_url, str) or type_url not in allowed:
        return False
    if aanduiding is None:
        return True  # besluiten have no vertrouwelijkheidaanduiding
    return isinstance(aanduiding, str) and RANK.get(aanduiding, len(RANK)) <= allowed[type_url]


def rule_sql(allowed: Mapping[str, int], type_sql: str, rank_sql: str | None) -> tuple[str, list[Any]]:
    """The rule as an SQL condition on the columns ``type_sql`` and ``rank_sql`` (None: on the
    type only), with its parameters.

    One term per distinct maximum, not per type: ``(type IN (…) AND rank <= max) OR …``, so the
    statement stays short however many types a caller is authorised for. Types and terms are
    sorted: the same autorisaties give the same text. No type allowed: a condition no row meets.
    """
    if not allowed:
        return "1 = 0", []
    if rank_sql is None:
        return f"{type_sql} IN ({', '.join(['%s'] * len(allowed))})", sorted(allowed)
    by_maximum: dict[int, list[str]] = {}
    for type_url, maximum in sorted(allowed.items()):
        by_maximum.setdefault(maximum, []).append(type_url)
    terms: list[str] = []
    params: list[Any] = []
    for maximum, types in sorted(by_maximum.items()):
        terms.append(f"({type_sql} IN ({', '.join(['%s'] * len(types))}) AND {rank_sql} <= %s)")
        params += [*types, maximum]
    return (terms[0] if len(terms) == 1 else f"({' OR '.join(terms)})"), params


class Within(Expression):
    """:func:`rule_sql` as a queryset condition: ``rows.filter(Within(allowed, "zaaktype",
    "vertrouwelijkheid_rank"))``. The fields are resolved as the ORM resolves any field (joins,
    subquery aliases), so the condition fits every queryset of a model with those fields."""

    conditional = True

    def __init__(self, allowed: Mapping[str, int], type_field: str, rank_field: str | None = None) -> None:
        super().__init__(output_field=BooleanField())
        self.allowed = dict(allowed)
        self.fields: list[Any] = [F(type_field)] + ([F(rank_field)] if rank_field else [])

    def get_source_expressions(self) -> list[Any]:
        return self.fields

    def set_source_expressions(self, exprs: Any) -> None:
        self.fields = list(exprs)

    def as_sql(self, compiler: SQLCompiler, connection: Any, **extra: Any) -> tuple[str, list[Any]]:
        if not self.allowed:
            raise EmptyResultSet  # no type allowed: no row, and no query at all
        # plain columns: SQL without parameters, so each may appear in every term
        columns = [compiler.compile(field)[0] for field in self.fields]
        return rule_sql(self.allowed, columns[0], columns[1] if len(columns) > 1 else None)


def within_types(
    allowed: dict[str, int] | None, type_field: str, rank_field: str | None = None
) -> Within | None:
    """The rule for querysets of ``allowed`` (``Caller.types_with_scope``); None: no restriction."""
    return None if allowed is None else Within(allowed, type_field, rank_field)


def may_show(types_with_scope: TypesWithScope, body: dict[str, Any]) -> bool:
    """Informatieobjecten, besluiten and zaken, recognised by the fields their kind always has;
    anything else (catalogue objects, reference lists) is shown to every reader."""
    if {"informatieobjecttype", "bronorganisatie", "vertrouwelijkheidaanduiding"} <= body.keys():
        allowed = types_with_scope("drc", "documenten.lezen")
        return within(allowed, body["informatieobjecttype"], body["vertrouwelijkheidaanduiding"])
    if {"besluittype", "verantwoordelijkeOrganisatie"} <= body.keys():
        return within(types_with_scope("brc", "besluiten.lezen"), body["besluittype"], None)
    if {"zaaktype", "bronorganisatie", "identificatie", "vertrouwelijkheidaanduiding"} <= body.keys():
        allowed = types_with_scope("zrc", "zaken.lezen")
        return within(allowed, body["zaaktype"], body["vertrouwelijkheidaanduiding"])
    return True
