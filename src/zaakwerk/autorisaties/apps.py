from django.apps import AppConfig


class AutorisatiesConfig(AppConfig):
    name = "zaakwerk.autorisaties"
    label = "autorisaties"
    verbose_name = "Autorisaties"

    def ready(self) -> None:
        from zaakwerk.api.auth import install_credential_store
        from zaakwerk.autorisaties.credentials import DatabaseCredentialStore

        install_credential_store(DatabaseCredentialStore())
