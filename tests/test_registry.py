"""The registry of local register implementations: a stand-in never removes the real one."""

from __future__ import annotations

from zaakwerk.core.registry import Registry


class Real:
    pass


class Fake:
    pass


class OtherFake:
    pass


def test_replaced_restores_what_was_there_also_when_nested() -> None:
    registry: Registry[object] = Registry("test")
    registry.register("documenten")(Real)
    with registry.replaced("documenten", Fake):
        assert isinstance(registry.get("documenten"), Fake)
        with registry.replaced("documenten", OtherFake):
            assert isinstance(registry.get("documenten"), OtherFake)
        assert isinstance(registry.get("documenten"), Fake)
    assert isinstance(registry.get("documenten"), Real)


def test_unregister_brings_back_the_previous_one_and_double_register_is_harmless() -> None:
    registry: Registry[object] = Registry("test")
    assert registry.get("besluiten") is None
    registry.register("besluiten")(Real)
    registry.register("besluiten")(Real)  # connecting twice
    registry.register("besluiten")(Fake)
    registry.unregister("besluiten")
    assert isinstance(registry.get("besluiten"), Real)
    registry.unregister("besluiten")
    assert registry.get("besluiten") is None
