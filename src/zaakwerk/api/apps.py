from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "zaakwerk.api"
    label = "zaakwerk_api"
    verbose_name = "ZGW API machinery"
