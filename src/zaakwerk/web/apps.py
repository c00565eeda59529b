from django.apps import AppConfig
from django.core import checks


class WebConfig(AppConfig):
    name = "zaakwerk.web"
    label = "zaakwerk_web"
    verbose_name = "Zaakwerk web layer"

    def ready(self) -> None:
        checks.register(check_assets, checks.Tags.staticfiles)


def check_assets(**kwargs: object) -> list[checks.CheckMessage]:
    """Warn when the front-end files are missing: pages would be served without their styles."""
    from zaakwerk.web import assets

    if assets.is_current():
        return []
    return [
        checks.Warning(
            "The web applications' front-end files are missing or stale.",
            hint="Run `python -m zaakwerk.web.assets` (needs Node.js 20 and npm).",
            id="zaakwerk_web.W001",
        )
    ]
