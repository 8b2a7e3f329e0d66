from django.contrib import admin

from sli.api.models import ApiToken
from sli.lib.admin import ScopedModelAdmin


@admin.register(ApiToken)
class ApiTokenAdmin(ScopedModelAdmin):
    """Administrators see who holds which token and may revoke (delete) one; tokens are made
    by their holders on the account page, and only there is a token ever shown."""

    list_display = ["name", "user", "start", "created_at", "last_used_at"]
    search_fields = ["name", "user__username"]
    fields = ["user", "name", "start", "created_at", "last_used_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
