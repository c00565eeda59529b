from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BeheerConfig(AppConfig):
    name = "zaakwerk.beheer"
    label = "beheer"
    verbose_name = "Beheer"

    def ready(self) -> None:
        from zaakwerk.web import navigation

        navigation.register(
            navigation.Menu(
                app="beheer",
                label=_("Menu beheer"),
                items=(
                    navigation.NavItem(_("Catalogi"), "beheer:home"),
                    navigation.NavItem(_("Importeren"), "beheer:import"),
                    navigation.NavItem(_("Wijzigingen"), "beheer:wijzigingen"),
                ),
            )
        )
