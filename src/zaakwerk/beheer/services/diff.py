"""What changed between two versions of a zaaktype, field by field and sub-type by sub-type.

Sub-types are matched by what identifies them across versions (a statustype by omschrijving, an
eigenschap by naam, a document relation by informatieobjecttype and richting); URLs that differ
only because they point at another version's own objects are not changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from zaakwerk.beheer.services.catalogus import SUBTYPES, Bundle, Json, document_name
from zaakwerk.beheer.services.versions import SUBTYPE_DERIVED

#: fields that differ between any two versions without saying anything about their content
IGNORED = {
    "url",
    "zaaktype",
    "catalogus",
    "statustypen",
    "resultaattypen",
    "eigenschappen",
    "roltypen",
    "informatieobjecttypen",
    "zaakobjecttypen",
    "besluittypen",
    "deelzaaktypen",
    "_expand",
    "statustype",
    "checklistitemStatustype",
    # derived from the sub-types, which are compared one by one
    "resultaattypeOmschrijving",
    "informatieobjecttypeOmschrijving",
}

KEYS: dict[str, Callable[[Json], str]] = {
    "statustypen": lambda item: str(item.get("omschrijving") or ""),
    "roltypen": lambda item: str(item.get("omschrijving") or ""),
    "resultaattypen": lambda item: str(item.get("omschrijving") or ""),
    "eigenschappen": lambda item: str(item.get("naam") or ""),
    "informatieobjecttypen": lambda item: f"{item.get('informatieobjecttype')} ({item.get('richting')})",
}


def _named(bundle: Bundle, name: str) -> list[Json]:
    """The sub-types, a document relation with its informatieobjecttype's name instead of a URL."""
    items = bundle.subtypes(name)
    if name != "informatieobjecttypen":
        return items
    return [{**item, "informatieobjecttype": document_name(item, bundle.documenten)} for item in items]


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


@dataclass
class SubtypeChanges:
    name: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, list[FieldChange]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass
class Diff:
    zaaktype: list[FieldChange]
    subtypes: list[SubtypeChanges]

    @property
    def empty(self) -> bool:
        return not self.zaaktype and all(part.empty for part in self.subtypes)


def _statustype_names(bundle: Bundle) -> dict[str, str]:
    return {str(item["url"]): str(item.get("omschrijving") or "") for item in bundle.statustypen}


def _comparable(item: Json, statustypen: dict[str, str], derived: Iterable[str] = ()) -> Json:
    """The fields that say something about the content; ``derived`` are left out as well (a
    sub-type's validity is its zaaktype's)."""
    left_out = IGNORED | set(derived)
    found = {key: value for key, value in item.items() if key not in left_out}
    if item.get("statustype"):
        found["statustype (omschrijving)"] = statustypen.get(str(item["statustype"]), item["statustype"])
    return found


def _same(old: Any, new: Any) -> bool:
    """Equal; lists of names compare as sets (the API does not promise their order)."""
    if isinstance(old, list) and isinstance(new, list) and all(isinstance(v, str) for v in old + new):
        return sorted(old) == sorted(new)
    return bool(old == new)


def fields(old: Json, new: Json) -> list[FieldChange]:
    names = sorted(set(old) | set(new))
    return [
        FieldChange(name, old.get(name), new.get(name))
        for name in names
        if not _same(old.get(name), new.get(name))
    ]


def diff(old: Bundle, new: Bundle) -> Diff:
    old_names, new_names = _statustype_names(old), _statustype_names(new)
    result = Diff(fields(_comparable(old.zaaktype, {}), _comparable(new.zaaktype, {})), [])
    for name in SUBTYPES:
        key = KEYS[name]
        before = {key(item): _comparable(item, old_names, SUBTYPE_DERIVED) for item in _named(old, name)}
        after = {key(item): _comparable(item, new_names, SUBTYPE_DERIVED) for item in _named(new, name)}
        part = SubtypeChanges(name)
        part.added = sorted(set(after) - set(before))
        part.removed = sorted(set(before) - set(after))
        for label in sorted(set(before) & set(after)):
            changes = fields(before[label], after[label])
            if changes:
                part.changed[label] = changes
        result.subtypes.append(part)
    return result
