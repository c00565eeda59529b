"""Admin for API clients and applicaties.

Every change goes through the same service functions as the API (rules ac-001..ac-003, audit
line, notification, cache invalidation); the forms ask the services' rule functions for their
errors, so the admin and the API never disagree. A client's secret can be set, never read.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.forms.models import BaseInlineFormSet
from django.http import HttpRequest

from zaakwerk.autorisaties.clients import delete_client, save_client
from zaakwerk.autorisaties.models import ApiClient, Applicatie, Autorisatie, ClientId
from zaakwerk.autorisaties.services import (
    API_NAMES,
    ApplicatieData,
    AutorisatieData,
    autorisatie_errors,
    client_id_errors,
    create_applicatie,
    delete_applicatie,
    is_absolute_url,
    update_applicatie,
)
from zaakwerk.core.actor import Actor
from zaakwerk.core.errors import NON_FIELD

MODEL_NAMES = {api: model for model, api in API_NAMES.items()}


def admin_actor(request: HttpRequest) -> Actor:
    user = request.user
    return Actor(
        client_id="zaakwerk-admin",
        applicatie_weergave="Zaakwerk beheer",
        gebruikers_id=str(user.get_username()),
        gebruikers_weergave=(user.get_full_name() if hasattr(user, "get_full_name") else "")
        or user.get_username(),
    )


# --- API clients ---------------------------------------------------------------------------------


class ApiClientForm(forms.ModelForm):  # type: ignore[type-arg]
    new_secret = forms.CharField(
        label="Nieuw secret",
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
        help_text="Het secret waarmee de client zijn JWT's ondertekent (HS256). Het wordt versleuteld "
        "opgeslagen en nooit getoond; laat leeg om het huidige secret te houden.",
    )

    class Meta:
        model = ApiClient
        fields = ["client_id"]

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        if self.instance.pk is None and not cleaned.get("new_secret"):
            self.add_error("new_secret", "Een nieuwe client heeft een secret nodig.")
        return cleaned


@admin.register(ApiClient)
class ApiClientAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    form = ApiClientForm
    list_display = ["client_id", "applicatie", "created_at", "updated_at"]
    search_fields = ["client_id"]
    readonly_fields = ["created_at", "updated_at"]

    def get_readonly_fields(self, request: HttpRequest, obj: ApiClient | None = None) -> list[str]:
        # Renaming would silently detach the client from its applicatie; add a new one instead.
        return [*self.readonly_fields, "client_id"] if obj is not None else list(self.readonly_fields)

    @admin.display(description="applicatie")
    def applicatie(self, obj: ApiClient) -> str:
        link = ClientId.objects.select_related("applicatie").filter(client_id=obj.client_id).first()
        return link.applicatie.label if link else "-"

    def save_model(self, request: HttpRequest, obj: ApiClient, form: forms.ModelForm, change: bool) -> None:  # type: ignore[type-arg]
        save_client(obj, form.cleaned_data.get("new_secret") or None)

    def delete_model(self, request: HttpRequest, obj: ApiClient) -> None:
        delete_client(obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[ApiClient]) -> None:
        for client in queryset:
            delete_client(client)


# --- applicaties ---------------------------------------------------------------------------------


def _live_forms(formset: BaseInlineFormSet) -> list[forms.ModelForm]:  # type: ignore[type-arg]
    """The inline forms that will exist after saving: not deleted, not untouched extra rows."""
    live = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if not data or data.get("DELETE"):
            continue
        if form.instance.pk is None and not form.has_changed():
            continue
        live.append(form)
    return live


class ClientIdFormSet(BaseInlineFormSet):  # type: ignore[type-arg]
    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        client_ids = [form.cleaned_data["client_id"] for form in _live_forms(self)]
        for error in client_id_errors(client_ids, applicatie=self.instance):
            raise forms.ValidationError(error.reason, code=error.code)

    def client_ids(self) -> list[str]:
        return [form.cleaned_data["client_id"] for form in _live_forms(self)]


class ScopesField(forms.CharField):
    """Scopes as text, separated by commas or spaces."""

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return ", ".join(str(scope) for scope in value)
        return value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value) or ""
        return [scope for scope in text.replace(",", " ").split() if scope]


def _type_url(value: str) -> None:
    if value and not is_absolute_url(value):
        raise forms.ValidationError("Voer een geldige URL in.", code="invalid")


def _type_field(label: str) -> forms.CharField:
    # The same check as the API (any absolute http(s) URL, also hosts without a domain).
    return forms.CharField(label=label, required=False, max_length=1000, validators=[_type_url])


class AutorisatieForm(forms.ModelForm):  # type: ignore[type-arg]
    scopes = ScopesField(help_text="Bijvoorbeeld: zaken.lezen, zaken.aanmaken")
    zaaktype = _type_field("zaaktype")
    informatieobjecttype = _type_field("informatieobjecttype")
    besluittype = _type_field("besluittype")

    class Meta:
        model = Autorisatie
        fields = [
            "component",
            "scopes",
            "zaaktype",
            "informatieobjecttype",
            "besluittype",
            "max_vertrouwelijkheidaanduiding",
        ]


def _autorisatie_data(form: forms.ModelForm) -> AutorisatieData:  # type: ignore[type-arg]
    data = form.cleaned_data
    return AutorisatieData(
        component=data["component"],
        scopes=list(data["scopes"]),
        zaaktype=data.get("zaaktype") or "",
        informatieobjecttype=data.get("informatieobjecttype") or "",
        besluittype=data.get("besluittype") or "",
        max_vertrouwelijkheidaanduiding=data.get("max_vertrouwelijkheidaanduiding") or "",
    )


class AutorisatieFormSet(BaseInlineFormSet):  # type: ignore[type-arg]
    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        live = _live_forms(self)
        # The parent form has already put its values on the instance (Django validates the
        # main form before the inlines).
        errors = autorisatie_errors(
            bool(self.instance.heeft_alle_autorisaties), [_autorisatie_data(form) for form in live]
        )
        general = []
        for error in errors:
            parts = error.name.split(".")
            if error.name == NON_FIELD or len(parts) != 3:
                general.append(forms.ValidationError(error.reason, code=error.code))
            else:
                live[int(parts[1])].add_error(
                    MODEL_NAMES[parts[2]], forms.ValidationError(error.reason, code=error.code)
                )
        if general:
            raise forms.ValidationError(general)

    def autorisaties(self) -> list[AutorisatieData]:
        return [_autorisatie_data(form) for form in _live_forms(self)]


class ClientIdInline(admin.TabularInline):  # type: ignore[type-arg]
    model = ClientId
    formset = ClientIdFormSet
    fields = ["client_id"]
    extra = 1


class AutorisatieInline(admin.StackedInline):  # type: ignore[type-arg]
    model = Autorisatie
    form = AutorisatieForm
    formset = AutorisatieFormSet
    extra = 1


@admin.register(Applicatie)
class ApplicatieAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["label", "client_id_list", "heeft_alle_autorisaties", "alleen_is_gereed_voor_publicatie"]
    list_filter = ["heeft_alle_autorisaties", "alleen_is_gereed_voor_publicatie"]
    search_fields = ["label", "client_ids__client_id"]
    fields = ["label", "heeft_alle_autorisaties", "alleen_is_gereed_voor_publicatie"]
    inlines = [ClientIdInline, AutorisatieInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Applicatie]:
        return super().get_queryset(request).prefetch_related("client_ids")

    @admin.display(description="client ID's")
    def client_id_list(self, obj: Applicatie) -> str:
        # plain text: the admin escapes it
        return ", ".join(c.client_id for c in obj.client_ids.all())

    def save_model(self, request: HttpRequest, obj: Applicatie, form: forms.ModelForm, change: bool) -> None:  # type: ignore[type-arg]
        """Saved together with its inlines in :meth:`save_related`, through the service."""

    def save_related(
        self,
        request: HttpRequest,
        form: forms.ModelForm,  # type: ignore[type-arg]
        formsets: list[BaseInlineFormSet],  # type: ignore[type-arg]
        change: bool,
    ) -> None:
        obj: Applicatie = form.instance
        client_ids: list[str] = []
        autorisaties: list[AutorisatieData] = []
        for formset in formsets:
            if isinstance(formset, ClientIdFormSet):
                client_ids = formset.client_ids()
            elif isinstance(formset, AutorisatieFormSet):
                autorisaties = formset.autorisaties()
            # what the admin's change message reads after a formset's save()
            formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        data = ApplicatieData(
            client_ids=client_ids,
            label=obj.label,
            heeft_alle_autorisaties=obj.heeft_alle_autorisaties,
            alleen_is_gereed_voor_publicatie=obj.alleen_is_gereed_voor_publicatie,
            autorisaties=autorisaties,
        )
        actor = admin_actor(request)
        if change:
            update_applicatie(
                obj,
                {
                    "client_ids": data.client_ids,
                    "label": data.label,
                    "heeft_alle_autorisaties": data.heeft_alle_autorisaties,
                    "alleen_is_gereed_voor_publicatie": data.alleen_is_gereed_voor_publicatie,
                    "autorisaties": data.autorisaties,
                },
                actor,
            )
        else:
            saved = create_applicatie(data, actor)
            # the admin goes on with this object (log entry, redirect)
            obj.pk, obj.uuid = saved.pk, saved.uuid

    def delete_model(self, request: HttpRequest, obj: Applicatie) -> None:
        delete_applicatie(obj, admin_actor(request))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Applicatie]) -> None:
        actor = admin_actor(request)
        for applicatie in queryset:
            delete_applicatie(applicatie, actor)
