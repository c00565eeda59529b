from django.apps import AppConfig


class WiringConfig(AppConfig):
    """Installed last: its ready() runs when every other app is ready (docs/adr/0040)."""

    name = "zaakwerk.wiring"
    label = "wiring"
    verbose_name = "Zaakwerk composition root"

    def ready(self) -> None:
        from zaakwerk.wiring.root import connect

        connect()
