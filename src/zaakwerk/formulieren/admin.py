"""The forms in Django's admin: definitions are saved through the services, so a published
version is never changed and every saved definition passed the schema (editing screens for
beheerders belong to beheer)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from zaakwerk.formulieren.models import Formulier, Inzending, Versie
from zaakwerk.formulieren.services import definities


class VersieForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Versie
        fields = ["formulier", "definitie"]

    def clean_definitie(self) -> Any:
        data = self.cleaned_data["definitie"]
        try:
            definities.check(data)
        except definities.DefinitionInvalid as exc:
            raise forms.ValidationError(exc.problems) from exc
        return data


class VersieInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Versie
    fields = ["nummer", "staat", "gepubliceerd"]
    readonly_fields = ["nummer", "staat", "gepubliceerd"]
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Formulier)
class FormulierAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["slug", "zaaktype_identificatie", "catalogus"]
    search_fields = ["slug", "zaaktype_identificatie"]
    inlines = [VersieInline]


@admin.register(Versie)
class VersieAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    form = VersieForm
    list_display = ["formulier", "nummer", "staat", "gepubliceerd"]
    list_filter = ["staat"]
    actions = ["publiceren"]

    def get_readonly_fields(self, request: HttpRequest, obj: Versie | None = None) -> list[str]:
        if obj is not None and obj.staat != Versie.Staat.CONCEPT:
            return ["formulier", "definitie", "nummer", "staat", "gepubliceerd"]
        return ["nummer", "staat", "gepubliceerd"]

    def save_model(self, request: HttpRequest, obj: Versie, form: Any, change: bool) -> None:
        """A change or a new version is the form's concept (services.definities.save_concept)."""
        saved = definities.save_concept(obj.formulier, obj.definitie)
        obj.pk, obj.nummer, obj.staat = saved.pk, saved.nummer, saved.staat

    @admin.action(description=_("Publiceren"))
    def publiceren(self, request: HttpRequest, queryset: QuerySet[Versie]) -> None:
        for versie in queryset:
            try:
                definities.publish(versie)
            except definities.DefinitionInvalid as exc:
                self.message_user(request, f"{versie}: {exc}", level=messages.ERROR)


@admin.register(Inzending)
class InzendingAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["referentie", "versie", "staat", "zaak_identificatie", "pogingen", "aangemaakt"]
    list_filter = ["staat"]
    search_fields = ["referentie", "zaak_identificatie"]
    # the visitor's answers are personal data: shown, never edited here
    readonly_fields = [field.name for field in Inzending._meta.get_fields() if field.concrete]
    exclude = ["waarden"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
