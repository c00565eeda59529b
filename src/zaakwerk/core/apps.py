from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "zaakwerk.core"
    label = "core"
    verbose_name = "Zaakwerk core"

    def ready(self) -> None:
        from zaakwerk.core import remote_auth

        remote_auth.configured()  # a malformed ZGW_REMOTE_CREDENTIALS stops the process at start-up
