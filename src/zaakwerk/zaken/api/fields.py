"""``fields`` on ``POST /zaken/_zoek`` (Zaken API 1.6+, zrc-029): choose the fields of the answer.

``["url", "identificatie", {"zaaktype": ["omschrijving", {"catalogus": ["domein"]}]}]`` keeps
the zaak's ``url`` and ``identificatie`` and embeds its zaaktype under ``_expand`` with only
``omschrijving`` and an embedded ``catalogus`` with only ``domein``. ``"*"`` keeps every field of
that level. The rules (docs/adr/0017-fields-on-zoek.md):

- names select fields of their level; a level that lists no names (only nested selections) keeps
  all its fields, as ``expand`` does;
- a nested selection of a reference (or a list of them) embeds the referenced objects under
  ``_expand``, fetched through the same expander as ``expand`` (:mod:`zaakwerk.zaken.api.expansion`):
  what the caller may not read is never fetched, and is a 404 as for ``expand`` (zrc-028);
- a nested selection of a gegevensgroep (``processobject``, ``opschorting``, ``kenmerken``…)
  selects its sub-fields in place;
- a name that is not a field: 400 ``fields``. The zaak's own fields are known beforehand; an
  embedded resource's fields are those the embedded objects carry (a name none of them has).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from zaakwerk.api import expand as machinery
from zaakwerk.api.errors import ApiValidationError
from zaakwerk.core.errors import FieldError

Data = dict[str, Any]
PARAM = "fields"
ALL = "*"
MAX_DEPTH = 10

# The properties of ``Zaak`` in Zaken API 1.7.0 (tests check this against the official schema).
ZAAK_FIELDS = frozenset(
    {
        "url",
        "uuid",
        "identificatie",
        "bronorganisatie",
        "omschrijving",
        "toelichting",
        "zaaktype",
        "registratiedatum",
        "verantwoordelijkeOrganisatie",
        "startdatum",
        "einddatum",
        "einddatumGepland",
        "uiterlijkeEinddatumAfdoening",
        "publicatiedatum",
        "communicatiekanaal",
        "productenOfDiensten",
        "vertrouwelijkheidaanduiding",
        "betalingsindicatie",
        "betalingsindicatieWeergave",
        "laatsteBetaaldatum",
        "zaakgeometrie",
        "verlenging",
        "opschorting",
        "selectielijstklasse",
        "hoofdzaak",
        "deelzaken",
        "relevanteAndereZaken",
        "eigenschappen",
        "rollen",
        "status",
        "zaakinformatieobjecten",
        "zaakobjecten",
        "kenmerken",
        "archiefnominatie",
        "archiefstatus",
        "archiefactiedatum",
        "resultaat",
        "opdrachtgevendeOrganisatie",
        "processobjectaard",
        "startdatumBewaartermijn",
        "processobject",
    }
)

# The zaak's gegevensgroepen: selected in place even when empty; every other field is a reference.
ZAAK_GROUPS = frozenset({"kenmerken", "opschorting", "verlenging", "processobject", "zaakgeometrie"})


def _invalid(reason: str) -> ApiValidationError:
    return ApiValidationError([FieldError(PARAM, "invalid", reason)])


@dataclass
class Selection:
    """One level of a ``fields`` value: the names it keeps and the nested selections."""

    path: str = ""
    names: set[str] = field(default_factory=set)
    everything: bool = False
    nested: dict[str, Selection] = field(default_factory=dict)
    # every field name seen on the objects this level was applied to (for unknown names)
    seen: set[str] = field(default_factory=set)
    applied: bool = False

    @property
    def keeps_all(self) -> bool:
        return self.everything or not self.names

    def walk(self) -> Iterator[Selection]:
        yield self
        for child in self.nested.values():
            yield from child.walk()

    def where(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name


def parse(value: object) -> Selection:
    """The selection of a ``fields`` value; 400 ``fields`` for anything but names and objects."""
    if not isinstance(value, list):
        raise _invalid("'fields' moet een lijst van veldnamen en objecten zijn.")
    selection = Selection()
    _parse_into(selection, value, 1)
    return selection


def _parse_into(selection: Selection, entries: list[Any], depth: int) -> None:
    if depth > MAX_DEPTH:
        raise _invalid(f"'fields' mag niet dieper dan {MAX_DEPTH} niveaus genest zijn.")
    for entry in entries:
        if entry == ALL:
            selection.everything = True
        elif isinstance(entry, str) and entry:
            selection.names.add(entry)
        elif isinstance(entry, dict) and entry:
            for name, sub in entry.items():
                if not name or not isinstance(sub, list):
                    raise _invalid(
                        f"'{selection.where(str(name))}': een geneste selectie is een lijst van veldnamen."
                    )
                child = selection.nested.setdefault(name, Selection(path=selection.where(name)))
                _parse_into(child, sub, depth + 1)
        else:
            raise _invalid(f"Ongeldig element in 'fields': {entry!r}.")


def check_zaak_fields(selection: Selection) -> None:
    """400 for a name at the top level that is not a field of a zaak (known before any query)."""
    unknown = sorted((selection.names | set(selection.nested)) - ZAAK_FIELDS)
    if unknown:
        raise _invalid(f"Onbekende velden van een zaak: {', '.join(unknown)}.")


def _is_url(value: object) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://"))


def _reference(value: object) -> str | None:
    """The URL an entry of a list refers to: a URL, or an object that carries one."""
    if _is_url(value):
        return str(value)
    if isinstance(value, dict) and _is_url(value.get("url")):
        return str(value["url"])
    return None


class Selector:
    """Applies a selection to representations; one per request (the expander caches fetches)."""

    def __init__(self, expander: machinery.Expander) -> None:
        self._expander = expander

    def apply(self, items: list[Data], selection: Selection) -> None:
        for item in items:
            self._apply(item, selection)
        for level in selection.walk():
            self._check_names(level, top=level is selection)

    @staticmethod
    def _check_names(level: Selection, *, top: bool) -> None:
        if top or not level.applied:
            return  # the top level is checked beforehand; nothing embedded: nothing to check against
        unknown = sorted((level.names | set(level.nested)) - level.seen)
        if unknown:
            raise _invalid(f"Onbekende velden in '{level.path}': {', '.join(unknown)}.")

    def _apply(self, item: Data, selection: Selection) -> None:
        selection.applied = True
        selection.seen.update(item)
        embedded: Data = {}
        in_place: set[str] = set()
        for name, sub in selection.nested.items():
            if name not in item:
                continue  # an unknown name is reported once every object has been seen
            value = item[name]
            if isinstance(value, dict):
                # a gegevensgroep: its sub-fields are selected where it is
                self._apply(value, sub)
                in_place.add(name)
            elif (
                isinstance(value, list)
                and not (selection.path == "" and name in ZAAK_GROUPS)
                and all(_reference(entry) for entry in value)
            ):
                objects = [self._expander.embed(item, name, str(_reference(entry))) for entry in value]
                for obj in objects:
                    self._apply(obj, sub)
                embedded[name] = objects
            elif isinstance(value, list):
                # objects without a URL (kenmerken), or no objects at all
                for entry in value:
                    if not isinstance(entry, dict):
                        raise _invalid(f"'{sub.path}' verwijst niet naar objecten.")
                    self._apply(entry, sub)
                in_place.add(name)
            elif _is_url(value):
                obj = self._expander.embed(item, name, value)
                self._apply(obj, sub)
                embedded[name] = obj
            elif value in (None, ""):
                embedded[name] = {}  # an empty reference expands to the empty object, as expand does
            else:
                raise _invalid(f"'{sub.path}' is geen verwijzing of gegevensgroep.")
        if not selection.keeps_all:
            keep = selection.names | in_place
            for key in [key for key in item if key not in keep]:
                del item[key]
        if embedded:
            item["_expand"] = embedded


def apply(expander: machinery.Expander, items: list[Data], selection: Selection) -> None:
    """Reduce ``items`` (zaken) to ``selection``, embedding through ``expander``."""
    Selector(expander).apply(items, selection)
