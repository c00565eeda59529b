from django.apps import AppConfig


class ReferentielijstenConfig(AppConfig):
    name = "zaakwerk.referentielijsten"
    label = "referentielijsten"
    verbose_name = "Referentielijsten"
