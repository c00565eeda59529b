"""A page with every shared component, only for the tests: the product has no such page.

Served at ``/galerij/`` by ``tests.browser.gallery`` as URLconf (``@pytest.mark.urls``).
"""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import URLPattern, URLResolver, path

from zaakwerk.urls import urlpatterns as project_urlpatterns

TEMPLATE = Path(__file__).with_name("gallery.html")


class ExampleForm(forms.Form):
    omschrijving = forms.CharField(label="Omschrijving", max_length=20, help_text="Hoogstens 20 tekens.")
    toelichting = forms.CharField(label="Toelichting", widget=forms.Textarea, required=False)
    kanaal = forms.ChoiceField(
        label="Kanaal", choices=[("", "Kies een kanaal"), ("balie", "Balie"), ("email", "E-mail")]
    )
    spoed = forms.BooleanField(label="Met spoed", required=False)


def gallery(request: HttpRequest) -> HttpResponse:
    form = ExampleForm({"omschrijving": "x" * 30, "toelichting": "", "kanaal": "", "spoed": ""})
    form.is_valid()
    page = Paginator(range(1, 121), 10).get_page(request.GET.get("pagina"))
    rows = [[f"Regel {number}", number * number] for number in page.object_list]
    template = engines["django"].from_string(TEMPLATE.read_text())
    context = {"form": form, "page": page, "columns": ["Regel", "Kwadraat"], "rows": rows}
    return HttpResponse(template.render(context, request))


urlpatterns: list[URLPattern | URLResolver] = [*project_urlpatterns, path("galerij/", gallery)]
