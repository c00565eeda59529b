"""``{% loket_navigation %}`` and ``{% loket_visitor %}``: the loket's menu and who is logged in."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import gettext_lazy as _

from zaakwerk.loket import identity, navigation

register = template.Library()


@register.inclusion_tag("zaakwerk_web/components/main_navigation.html", takes_context=True)
def loket_navigation(context: template.Context) -> dict[str, Any]:
    return {"links": navigation.links(context["request"]), "label": _("Menu loket")}


@register.inclusion_tag("loket/components/bezoeker.html", takes_context=True)
def loket_visitor(context: template.Context) -> dict[str, Any]:
    return {"visitor": identity.current(context["request"]), "csrf_token": context.get("csrf_token")}


@register.inclusion_tag("loket/components/ontwikkel_login.html")
def loket_dev_banner() -> dict[str, Any]:
    from django.conf import settings

    return {"dev_login": bool(settings.LOKET_DEV_LOGIN)}
