"""Admin of the Notificaties register: kanalen, abonnementen, deliveries and dead letters.

Functional admins see what was delivered to whom, why a delivery fails, and can send again:
selected deliveries, dead letters, or everything an abonnement should have had since a moment.
An abonnement's ``auth`` (a secret of the subscriber) is never shown in full. Everything a
subscriber controls (callback URL, its error answers) is rendered escaped, as admin always does
with plain strings; nothing here marks such text safe.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, ClassVar

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.utils import timezone

from zaakwerk.notificaties.delivery.resend import requeue, resend, resend_deliveries
from zaakwerk.notificaties.models import (
    Abonnement,
    AbonnementKanaal,
    DeadLetter,
    Delivery,
    DeliveryState,
    Kanaal,
)
from zaakwerk.notificaties.services.abonnementen import masked_auth


@admin.register(Kanaal)
class KanaalAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("naam", "filters_shown", "documentatie_link")
    search_fields = ("naam",)
    readonly_fields = ("uuid",)

    @admin.display(description="filters / filters")
    def filters_shown(self, kanaal: Kanaal) -> str:
        return ", ".join(str(f) for f in kanaal.filters)


class AbonnementKanaalInline(admin.TabularInline):  # type: ignore[type-arg]
    model = AbonnementKanaal
    extra = 0
    fields = ("kanaal", "filters")
    readonly_fields = ("kanaal", "filters")
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ResendForm(forms.Form):
    since = forms.DateTimeField(
        label="Sinds / Since",
        help_text="Alle notificaties die sindsdien zijn ontvangen, opnieuw versturen. / "
        "Every notification received since then is sent again.",
    )


RESEND_PAGE = """{% extends "admin/base_site.html" %}
{% block content %}
<h1>Opnieuw versturen / Re-send</h1>
<ul>{% for a in abonnementen %}<li>{{ a.callback_url }}</li>{% endfor %}</ul>
<form method="post">{% csrf_token %}
{{ form.as_p }}
{% for a in abonnementen %}<input type="hidden" name="_selected_action" value="{{ a.pk }}">{% endfor %}
<input type="hidden" name="action" value="resend_since">
<input type="hidden" name="apply" value="1">
<input type="submit" value="Opnieuw versturen / Re-send">
</form>
{% endblock %}
"""


@admin.register(Abonnement)
class AbonnementAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("callback_url", "auth_masked", "cloudevents", "client_id", "created_at")
    list_filter = ("cloudevents", "kanalen__kanaal")
    search_fields = ("callback_url", "client_id")
    fields = ("uuid", "callback_url", "auth_masked", "cloudevents", "client_id", "created_at", "updated_at")
    readonly_fields = ("uuid", "callback_url", "auth_masked", "client_id", "created_at", "updated_at")
    inlines = (AbonnementKanaalInline,)
    actions = ("resend_since",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # abonnementen are made through the Notificaties API, with its checks

    @admin.display(description="autorisatie / auth")
    def auth_masked(self, abonnement: Abonnement) -> str:
        return masked_auth(abonnement.auth)  # the same mask as the API (ADR 0014)

    @admin.action(description="Opnieuw versturen sinds … / Re-send since …", permissions=["change"])
    def resend_since(self, request: HttpRequest, queryset: QuerySet[Abonnement]) -> HttpResponse | None:
        form = ResendForm(request.POST if "apply" in request.POST else None)
        if "apply" in request.POST and form.is_valid():
            since: datetime = form.cleaned_data["since"]
            count = sum(resend(a, since=since) for a in queryset)
            self.message_user(
                request, f"{count} notificatie(s) opnieuw in de wachtrij / queued again", messages.SUCCESS
            )
            return None
        if not form.is_bound:
            form = ResendForm(initial={"since": timezone.localtime() - timedelta(days=1)})
        template = engines["django"].from_string(RESEND_PAGE)
        context = {**self.admin_site.each_context(request), "form": form, "abonnementen": list(queryset)}
        return HttpResponse(template.render(context, request))


class DeliveryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = (
        "id",
        "state",
        "kanaal",
        "resource_actie",
        "hoofd_object",
        "callback_url",
        "attempts",
        "last_status",
        "error_shown",
        "next_attempt_at",
        "delivered_at",
    )
    list_filter: ClassVar[tuple[str, ...]] = ("state", "notificatie__kanaal", "abonnement")
    list_select_related = ("notificatie", "abonnement")
    search_fields = ("hoofd_object",)
    actions = ("send_again",)
    readonly_fields = (
        "notificatie",
        "abonnement",
        "hoofd_object",
        "state",
        "attempts",
        "next_attempt_at",
        "claimed_until",
        "claimed_by",
        "last_status",
        "last_error",
        "created_at",
        "delivered_at",
        "message",
    )
    exclude = ()

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="kanaal / channel", ordering="notificatie__kanaal")
    def kanaal(self, delivery: Delivery) -> str:
        return delivery.notificatie.kanaal

    @admin.display(description="resource, actie / resource, action")
    def resource_actie(self, delivery: Delivery) -> str:
        return f"{delivery.notificatie.resource} {delivery.notificatie.actie}"

    @admin.display(description="callback / callback")
    def callback_url(self, delivery: Delivery) -> str:
        return delivery.abonnement.callback_url

    @admin.display(description="laatste fout / last error")
    def error_shown(self, delivery: Delivery) -> str:
        return delivery.last_error[:120]

    @admin.display(description="bericht / message")
    def message(self, delivery: Delivery) -> str:
        import orjson

        return orjson.dumps(delivery.notificatie.message, option=orjson.OPT_INDENT_2).decode()

    @admin.action(description="Opnieuw versturen / Re-send", permissions=["change"])
    def send_again(self, request: HttpRequest, queryset: QuerySet[Delivery]) -> None:
        count = resend_deliveries(queryset)
        self.message_user(request, f"{count} aflevering(en) opnieuw verstuurd / re-sent", messages.SUCCESS)


admin.site.register(Delivery, DeliveryAdmin)


@admin.register(DeadLetter)
class DeadLetterAdmin(DeliveryAdmin):
    list_filter = ("notificatie__kanaal", "abonnement")
    actions = ("requeue_dead",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Delivery]:
        return super().get_queryset(request).filter(state=DeliveryState.dead)

    @admin.action(description="Opnieuw in de wachtrij / Re-queue", permissions=["change"])
    def requeue_dead(self, request: HttpRequest, queryset: QuerySet[Delivery]) -> None:
        count = requeue(queryset)
        self.message_user(
            request, f"{count} dode brief/brieven opnieuw in de wachtrij / re-queued", messages.SUCCESS
        )
