from django.contrib import admin

from zaakwerk.werkplek.models import RoleGrant


@admin.register(RoleGrant)
class RoleGrantAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("group", "role", "zaaktype_identificatie")
    list_filter = ("role",)
    search_fields = ("group__name", "zaaktype_identificatie")
