"""The shared template components and page rendering, as markup (the browser tests run them)."""

from __future__ import annotations

import re

import pytest
from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.urls import path
from django_htmx.middleware import HtmxMiddleware
from pytest_django import Settings

from zaakwerk.web.rendering import render_page


class Form(forms.Form):
    naam = forms.CharField(label="Naam", help_text="Zoals in het register.", max_length=3)
    opmerking = forms.CharField(label="Opmerking", required=False, widget=forms.Textarea)


def render(text: str, request: HttpRequest | None = None, **context: object) -> str:
    request = request or RequestFactory().get("/")
    return Template("{% load zaakwerk_web %}" + text).render(Context({"request": request, **context}))


def test_a_field_with_an_error_is_linked_to_its_description_and_message() -> None:
    form = Form({"naam": "te lang"})
    html = render("{% form_field form.naam %}", form=form)
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_naam-description id_naam-error"' in html
    assert 'id="id_naam-error"' in html and "utrecht-form-field--invalid" in html
    assert "utrecht-textbox utrecht-textbox--html-input utrecht-textbox--invalid" in html
    assert "niet verplicht" not in html


def test_an_optional_field_says_so_and_a_textarea_is_one() -> None:
    html = render("{% form_field form.opmerking %}", form=Form())
    assert "(niet verplicht)" in html
    assert "utrecht-textarea utrecht-textarea--html-textarea" in html
    assert "aria-invalid" not in html and "aria-describedby" not in html


def test_the_error_summary_links_each_message_to_its_field() -> None:
    html = render("{% form_errors form %}", form=Form({"naam": ""}))
    assert 'role="alert"' in html
    assert re.search(r'<a class="utrecht-link" href="#id_naam">Naam: [^<]+</a>', html)
    assert render("{% form_errors form %}", form=Form({"naam": "abc"})).strip() == ""


@pytest.mark.parametrize(
    ("number", "shown"),
    [
        (1, ["1", "2", "3", "…", "20"]),
        (10, ["1", "…", "8", "9", "10", "11", "12", "…", "20"]),
        (20, ["1", "…", "18", "19", "20"]),
    ],
)
def test_pagination_shows_first_last_and_the_neighbours(number: int, shown: list[str]) -> None:
    page = Paginator(range(200), 10).page(number)
    html = render("{% pagination page %}", page=page)
    numbers = re.findall(r"utrecht-pagination__page-link[^>]*>(\d+)</a>|zw-pagination__gap[^>]*>(…)", html)
    assert [digits or gap for digits, gap in numbers] == shown
    assert html.count('aria-current="page"') == 1
    assert ('rel="prev"' in html) == (number > 1)
    assert ('rel="next"' in html) == (number < 20)


def test_pagination_keeps_the_other_parameters_and_adds_htmx_only_with_a_target() -> None:
    request = RequestFactory().get("/", {"zaaktype": "bouw", "pagina": "2"})
    page = Paginator(range(30), 10).page(2)
    plain = render("{% pagination page %}", request, page=page)
    assert 'href="?zaaktype=bouw&amp;pagina=3"' in plain
    assert "hx-get" not in plain
    enhanced = render('{% pagination page target="#lijst" %}', request, page=page)
    assert 'hx-get="?zaaktype=bouw&amp;pagina=3"' in enhanced
    assert 'hx-target="#lijst"' in enhanced


TEMPLATE = (
    "{% load partials %}<html><body><h1>Hele pagina</h1>\n{% partialdef lijst inline %}"
    '<ul id="lijst">{% for item in items %}<li>{{ item }}</li>{% endfor %}</ul>'
    "{% endpartialdef %}\n</body></html>"
)


def view(request: HttpRequest) -> HttpResponse:
    return render_page(request, "pagina.html", {"items": ["a", "b"]}, fragment="lijst")


urlpatterns = [path("pagina/", view)]


@pytest.fixture
def locmem_template(settings: Settings) -> None:
    settings.ROOT_URLCONF = __name__
    settings.TEMPLATES = [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {
                "loaders": [
                    (
                        "template_partials.loader.Loader",
                        [("django.template.loaders.locmem.Loader", {"pagina.html": TEMPLATE})],
                    )
                ],
                "builtins": [],
            },
        }
    ]


@pytest.mark.usefixtures("locmem_template")
def test_an_htmx_request_gets_only_the_fragment(client: Client) -> None:
    whole = client.get("/pagina/")
    assert "Hele pagina" in whole.text and '<ul id="lijst">' in whole.text
    fragment = client.get("/pagina/", HTTP_HX_REQUEST="true")
    assert fragment.text.strip() == '<ul id="lijst"><li>a</li><li>b</li></ul>'
    assert "HX-Request" in fragment["Vary"]
    # a boosted request (a whole-page navigation through htmx) gets the whole page
    boosted = client.get("/pagina/", HTTP_HX_REQUEST="true", HTTP_HX_BOOSTED="true")
    assert "Hele pagina" in boosted.text


def test_htmx_middleware_is_installed(settings: Settings) -> None:
    assert f"{HtmxMiddleware.__module__}.{HtmxMiddleware.__name__}" in settings.MIDDLEWARE
