from django.apps import AppConfig


class CatalogiConfig(AppConfig):
    name = "zaakwerk.catalogi"
    label = "catalogi"
    verbose_name = "Catalogi"
