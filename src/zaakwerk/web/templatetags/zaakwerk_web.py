"""Template components of the web applications, in NL Design System markup.

``{% form_field form.x %}``, ``{% form_errors form %}``, ``{% pagination page %}``,
``{% main_navigation "werkplek" %}``, ``{% language_switcher %}``; the templates live in
``zaakwerk_web/components/``.
"""

from __future__ import annotations

from typing import Any

from django import forms, template
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.paginator import Page
from django.http import HttpRequest, QueryDict
from django.utils.translation import get_language

from zaakwerk.web import navigation

register = template.Library()

# NL Design System classes per kind of widget; every other input is a textbox
_CONTROL_CLASSES = {
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "select": "utrecht-select utrecht-select--html-select",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom",
    "input": "utrecht-textbox utrecht-textbox--html-input",
}


def _kind(widget: forms.Widget) -> str:
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    return "input"


@register.inclusion_tag("zaakwerk_web/components/form_field.html")
def form_field(field: forms.BoundField) -> dict[str, Any]:
    """Label, description, error message and control of one field, linked for screen readers."""
    kind = _kind(field.field.widget)
    control_id = field.id_for_label
    description_id = f"{control_id}-description" if field.help_text else ""
    error_id = f"{control_id}-error" if field.errors else ""
    classes = _CONTROL_CLASSES[kind]
    attrs: dict[str, str | bool] = {}
    if field.errors:
        attrs["aria-invalid"] = "true"
        classes += f" utrecht-{'textbox' if kind == 'input' else kind}--invalid"
    described_by = " ".join(part for part in (description_id, error_id) if part)
    if described_by:
        attrs["aria-describedby"] = described_by
    attrs["class"] = f"{field.field.widget.attrs.get('class', '')} {classes}".strip()
    return {
        "field": field,
        "kind": kind,
        "control": field.as_widget(attrs=attrs),
        "description_id": description_id,
        "error_id": error_id,
    }


@register.inclusion_tag("zaakwerk_web/components/form_errors.html")
def form_errors(form: forms.BaseForm) -> dict[str, Any]:
    """The form's errors above it: general ones, then one link per field to that field."""
    fields = [
        {"id": form[name].id_for_label, "label": form[name].label, "messages": errors}
        for name, errors in form.errors.items()
        if name != NON_FIELD_ERRORS and name in form.fields
    ]
    return {"non_field_errors": form.non_field_errors(), "fields": fields}


def _page_url(query: QueryDict, parameter: str, number: int) -> str:
    changed = query.copy()
    changed[parameter] = str(number)
    return f"?{changed.urlencode()}"


def _window(page: Page[Any], around: int = 2) -> list[int | None]:
    """Page numbers to show: first, last and those around the current one; None is a gap."""
    last = page.paginator.num_pages
    wanted = sorted(
        {1, last, *range(page.number - around, page.number + around + 1)} & set(range(1, last + 1))
    )
    shown: list[int | None] = []
    previous = 0
    for number in wanted:
        if previous and number - previous > 1:
            shown.append(None)
        shown.append(number)
        previous = number
    return shown


@register.inclusion_tag("zaakwerk_web/components/pagination.html", takes_context=True)
def pagination(
    context: template.Context, page: Page[Any], target: str = "", parameter: str = "pagina"
) -> dict[str, Any]:
    """Previous, numbered and next links that keep the other query parameters.

    With ``target`` (a CSS selector) htmx replaces only that element and updates the address;
    the links work as plain links without JavaScript.
    """
    request: HttpRequest = context["request"]
    query = request.GET
    numbers = _window(page)
    return {
        "page": page,
        "target": target,
        "previous": _page_url(query, parameter, page.previous_page_number()) if page.has_previous() else "",
        "next": _page_url(query, parameter, page.next_page_number()) if page.has_next() else "",
        "pages": [
            {"number": n, "url": _page_url(query, parameter, n), "current": n == page.number} if n else None
            for n in numbers
        ],
    }


@register.inclusion_tag("zaakwerk_web/components/main_navigation.html", takes_context=True)
def main_navigation(context: template.Context, app: str) -> dict[str, Any]:
    return {"links": navigation.links(context["request"], app), "label": navigation.MENUS[app].label}


@register.inclusion_tag("zaakwerk_web/components/language_switcher.html", takes_context=True)
def language_switcher(context: template.Context) -> dict[str, Any]:
    """A button per other language; the choice is stored in the language cookie."""
    request: HttpRequest = context["request"]
    current = get_language()
    return {
        "csrf_token": context.get("csrf_token"),
        "next": request.get_full_path(),
        "languages": [{"code": code, "name": name} for code, name in settings.LANGUAGES if code != current],
    }
