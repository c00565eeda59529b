from django.apps import AppConfig


class LoketConfig(AppConfig):
    name = "zaakwerk.loket"
    label = "loket"
    verbose_name = "Loket"
