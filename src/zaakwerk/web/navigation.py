"""Each application's main navigation, declared once by the application itself.

An application registers its menu in its ``AppConfig.ready``; its base template renders it with
``{% main_navigation "<app>" %}``. Only pages that exist go in a menu.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str


@dataclass(frozen=True)
class Menu:
    app: str
    label: str | Promise
    items: tuple[NavItem, ...]


@dataclass(frozen=True)
class Link:
    label: str | Promise
    url: str
    current: bool


MENUS: dict[str, Menu] = {}


def register(menu: Menu) -> None:
    MENUS[menu.app] = menu


def links(request: HttpRequest, app: str) -> list[Link]:
    """The app's menu, the item of the page being shown marked current."""
    match = request.resolver_match
    shown = match.view_name if match else ""
    return [
        Link(label=item.label, url=reverse(item.url_name), current=item.url_name == shown)
        for item in MENUS[app].items
    ]
