"""The expand machinery, independent of any register: paths, nesting, errors."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from zaakwerk.api import expand
from zaakwerk.api.errors import ApiError
from zaakwerk.api.expandable import EMBEDDED
from zaakwerk.api.versions import APIS

OBJECTS: dict[str, dict[str, Any]] = {
    "http://x/a/1": {"url": "http://x/a/1", "naam": "een", "kinderen": ["http://x/b/1", "http://x/b/2"]},
    "http://x/b/1": {"url": "http://x/b/1", "naam": "b1", "ouder": "http://x/a/1"},
    "http://x/b/2": {"url": "http://x/b/2", "naam": "b2", "ouder": None},
}


def expander() -> expand.Expander:
    return expand.Expander(fetch=OBJECTS.get, names=lambda item: None)  # any field: no spec here


def test_parse_builds_a_tree() -> None:
    assert expand.parse("a.b,a.c, d") == {"a": {"b": {}, "c": {}}, "d": {}}
    assert expand.parse(None) == {}
    with pytest.raises(ApiError):
        expand.parse("a..b")


def test_nested_expand_keeps_urls_and_embeds_objects() -> None:
    item: dict[str, Any] = {"url": "http://x/root", "hoofd": "http://x/a/1"}
    expander().expand([item], expand.parse("hoofd.kinderen.ouder"))
    assert item["hoofd"] == "http://x/a/1"
    hoofd = item["_expand"]["hoofd"]
    assert hoofd["naam"] == "een"
    kinderen = hoofd["_expand"]["kinderen"]
    assert [k["naam"] for k in kinderen] == ["b1", "b2"]
    assert kinderen[0]["_expand"]["ouder"]["naam"] == "een"
    assert kinderen[1]["_expand"]["ouder"] == {}


def test_unknown_attribute_is_404() -> None:
    with pytest.raises(ApiError) as info:
        expander().expand([{"url": "http://x/root"}], expand.parse("bestaatniet"))
    assert info.value.status == 404


def test_unfetchable_object_is_404() -> None:
    with pytest.raises(ApiError) as info:
        expander().expand([{"url": "u", "hoofd": "http://x/missing"}], expand.parse("hoofd"))
    assert info.value.status == 404


def test_a_list_of_objects_with_urls_expands_to_the_objects() -> None:
    # relevanteAndereZaken: [{"url": …, "aardRelatie": …}]
    item: dict[str, Any] = {"url": "http://x/root", "relevant": [{"url": "http://x/b/1", "aard": "vervolg"}]}
    expander().expand([item], expand.parse("relevant.ouder"))
    relevant = item["_expand"]["relevant"]
    assert [r["naam"] for r in relevant] == ["b1"]
    assert relevant[0]["_expand"]["ouder"]["naam"] == "een"


def test_the_expandable_names_are_those_of_the_specs_embedded_schemas() -> None:
    """docs/adr/0039: a resource expands exactly the properties of its ``…Embedded`` schema."""
    schemas: dict[str, Any] = {}
    for info in APIS.values():
        schemas |= yaml.load(info.spec_path.read_bytes(), Loader=yaml.CSafeLoader)["components"]["schemas"]
    embedded = {name for name in schemas if name.endswith("Embedded")}
    assert {schema for schema, _ in EMBEDDED.values()} == embedded
    for schema, names in EMBEDDED.values():
        assert names == set(schemas[schema]["properties"]), schema
