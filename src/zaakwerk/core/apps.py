from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "zaakwerk.core"
    label = "core"
    verbose_name = "Zaakwerk core"

    def ready(self) -> None:
        from zaakwerk.client import auth, policy

        # a malformed ZGW_REMOTE_CREDENTIALS or ZAAKWERK_OUTGOING_PRIVATE_NETWORKS stops the process
        # at start-up rather than failing on the first outgoing request
        auth.configured()
        policy.validate_settings()
