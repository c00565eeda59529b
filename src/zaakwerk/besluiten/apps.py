from django.apps import AppConfig


class BesluitenConfig(AppConfig):
    name = "zaakwerk.besluiten"
    label = "besluiten"
    verbose_name = "Besluiten"
