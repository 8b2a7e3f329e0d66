from django.contrib import admin

from councils.models import Council, Membership, Region, SignInEvent
from sli.lib.admin import ScopedModelAdmin


class CouncilInline(admin.TabularInline):
    model = Council
    fields = ["name", "slug", "kind"]
    extra = 0
    show_change_link = True


@admin.register(Region)
class RegionAdmin(ScopedModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CouncilInline]


@admin.register(Council)
class CouncilAdmin(ScopedModelAdmin):
    list_display = ["name", "kind", "region"]
    list_filter = ["region", "kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    list_select_related = ["region"]


@admin.register(Membership)
class MembershipAdmin(ScopedModelAdmin):
    list_display = ["user", "role", "council", "review", "region"]
    list_filter = ["role", "region", "council__region"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "council__name"]
    list_select_related = ["user", "council", "review", "region"]
    autocomplete_fields = ["user", "council"]
    raw_id_fields = ["review"]


@admin.register(SignInEvent)
class SignInEventAdmin(ScopedModelAdmin):
    """The sign-in audit, read-only: what happened is not changed afterwards."""

    list_display = ["at", "username", "method", "outcome", "reason", "ip_address"]
    list_filter = ["method", "outcome"]
    search_fields = ["username", "user__username", "user__email"]
    list_select_related = ["user"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
