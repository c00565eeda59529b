from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RapportagesConfig(AppConfig):
    name = "zaakwerk.rapportages"
    label = "rapportages"
    verbose_name = "Rapportages"

    def ready(self) -> None:
        from zaakwerk.web import navigation

        navigation.register(
            navigation.Menu(
                app="rapportages",
                label=_("Menu rapportages"),
                items=(navigation.NavItem(_("Dashboard"), "rapportages:dashboard"),),
            )
        )
