from django.apps import AppConfig


class ZakenConfig(AppConfig):
    name = "zaakwerk.zaken"
    label = "zaken"
    verbose_name = "Zaken"
