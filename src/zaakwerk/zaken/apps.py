from django.apps import AppConfig


class ZakenConfig(AppConfig):
    name = "zaakwerk.zaken"
    label = "zaken"
    verbose_name = "Zaken"

    def ready(self) -> None:
        from zaakwerk.zaken.loaders import register

        register()
