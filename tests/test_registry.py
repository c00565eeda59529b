"""The one registry type (docs/adr/0041): what a process has not connected is refused, and a
stand-in in a test never removes what the composition root registered."""

from __future__ import annotations

import pytest

from zaakwerk.api import auth
from zaakwerk.catalogi import usage
from zaakwerk.core import references, registry
from zaakwerk.core.registry import AlreadyRegistered, NotConnected, Registry
from zaakwerk.documenten.services import objectinformatieobjecten
from zaakwerk.zaken import registers as zaken_registers


class Real:
    pass


class Fake:
    pass


def test_get_refuses_a_key_without_an_implementation_and_find_answers_none() -> None:
    # given
    checks: Registry[object] = Registry("test checks")
    real = Real()
    checks.register("zaaktypen")(real)
    # then
    assert checks.get("zaaktypen") is real
    assert checks.find("besluittypen") is None
    with pytest.raises(NotConnected, match=r"test checks: nothing is registered for 'besluittypen'"):
        checks.get("besluittypen")


def test_registering_again_is_harmless_but_a_second_implementation_is_refused() -> None:
    # given
    stores: Registry[object] = Registry("test stores")
    real = Real()
    stores.register("autorisaties")(real)
    # when the same one is registered again (connecting twice), nothing changes
    stores.register("autorisaties")(real)
    assert stores.get("autorisaties") is real
    # but another one for the same key would make the choice silent
    with pytest.raises(AlreadyRegistered):
        stores.register("autorisaties")(Fake())
    assert stores.get("autorisaties") is real


def test_replaced_restores_what_was_there_also_when_nested() -> None:
    registers: Registry[object] = Registry("test registers")
    real, fake, other = Real(), Fake(), Fake()
    registers.register("documenten")(real)
    with registers.replaced("documenten", fake):
        assert registers.get("documenten") is fake
        with registers.replaced("documenten", other):
            assert registers.get("documenten") is other
        assert registers.get("documenten") is fake
    assert registers.get("documenten") is real
    # a stand-in for a key that had nothing leaves nothing behind
    with registers.replaced("besluiten", fake):
        assert registers.get("besluiten") is fake
    assert registers.find("besluiten") is None


def test_required_keys_are_reported_until_registered() -> None:
    needs: Registry[object] = Registry("test needs", required=("zaken", "besluiten"))
    assert needs.missing() == ["zaken", "besluiten"]
    needs.register("zaken")(Real())
    assert needs.missing() == ["besluiten"]
    assert needs.describe() == "test needs: zaken"


def test_this_process_is_connected_with_everything_each_registry_requires() -> None:
    # the composition root ran when Django was set up, as in every process
    assert registry.is_connected()
    assert [r.name for r in registry.registries() if r.missing()] == []
    # among them the connections whose absence used to be a silent "allowed"
    assert [key for key, _ in usage.checks.items()] == ["besluittypen", "informatieobjecttypen", "zaaktypen"]
    assert objectinformatieobjecten.local_relations.find("zaken") is not None
    assert zaken_registers.local_documenten.find("documenten") is not None
    assert auth.credential_stores.find(auth.CREDENTIALS) is not None
    assert references.loaders.find(references.loader_key("catalogi", "zaaktypen")) is not None


def test_connecting_again_changes_nothing() -> None:
    from zaakwerk.wiring.root import connect

    before = {r.name: r.items() for r in registry.registries()}
    connect()
    assert {r.name: r.items() for r in registry.registries()} == before
