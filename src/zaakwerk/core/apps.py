from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "zaakwerk.core"
    label = "core"
    verbose_name = "Zaakwerk core"
