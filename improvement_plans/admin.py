from django.contrib import admin

from improvement_plans.models import (
    Action,
    Evidence,
    EvidenceItem,
    ImprovementArea,
    ImprovementPlan,
    Milestone,
    ProgressUpdate,
    ReminderSent,
)
from improvement_plans.self_assessment import admin as self_assessment_admin  # noqa: F401 (registers)
from sli.lib.admin import ScopedModelAdmin


class ImprovementAreaInline(admin.TabularInline):
    model = ImprovementArea
    fields = ["number", "title"]
    extra = 0
    show_change_link = True


@admin.register(ImprovementPlan)
class ImprovementPlanAdmin(ScopedModelAdmin):
    list_display = ["title", "council", "status", "version_date"]
    list_filter = ["status", "council__region"]
    search_fields = ["title", "council__name"]
    list_select_related = ["council"]
    autocomplete_fields = ["council"]
    filter_horizontal = ["reviews"]
    inlines = [ImprovementAreaInline]


@admin.register(ImprovementArea)
class ImprovementAreaAdmin(ScopedModelAdmin):
    list_display = ["__str__", "title", "plan"]
    search_fields = ["title", "plan__title"]
    list_select_related = ["plan"]
    raw_id_fields = ["plan", "recommendations"]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Action)
class ActionAdmin(ScopedModelAdmin):
    list_display = ["number", "title", "plan", "owner_name", "due_date", "status", "rag"]
    list_display_links = ["number", "title"]
    list_filter = ["status", "rag", "plan__council"]
    search_fields = ["title", "how", "owner_name", "plan__title"]
    date_hierarchy = "due_date"
    list_select_related = ["plan"]
    raw_id_fields = ["plan", "area", "owner_user", "recommendations"]
    inlines = [MilestoneInline]


class EvidenceInline(admin.TabularInline):
    model = Evidence
    formfield_overrides = ScopedModelAdmin.formfield_overrides
    extra = 0


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(ScopedModelAdmin):
    list_display = ["__str__", "status", "rag", "percent_complete", "author"]
    list_filter = ["status", "rag"]
    search_fields = ["narrative", "action__title"]
    list_select_related = ["action", "author"]
    raw_id_fields = ["action", "author"]
    inlines = [EvidenceInline]

    def has_change_permission(self, request, obj=None):
        # Updates are append-only: a correction is a new update.
        return obj is None and super().has_change_permission(request, obj)


@admin.register(Milestone)
class MilestoneAdmin(ScopedModelAdmin):
    list_display = ["text", "action", "due_date", "done_on"]
    list_select_related = ["action"]
    raw_id_fields = ["action"]


@admin.register(Evidence)
class EvidenceAdmin(ScopedModelAdmin):
    list_display = ["description", "update", "file", "link"]
    raw_id_fields = ["update"]


@admin.register(EvidenceItem)
class EvidenceItemAdmin(ScopedModelAdmin):
    list_display = ["__str__", "council", "evidence_date"]
    list_filter = ["council__region", "categories"]
    search_fields = ["title", "council__name"]
    list_select_related = ["council"]
    autocomplete_fields = ["council"]
    filter_horizontal = ["quality_statements", "categories"]
    raw_id_fields = ["added_by"]


@admin.register(ReminderSent)
class ReminderSentAdmin(admin.ModelAdmin):
    """What became of each day's reminders: read here, written only by send_reminders."""

    list_display = ["user", "sent_on", "status", "attempts", "reference", "error"]
    list_filter = ["status", "sent_on"]
    search_fields = ["user__username", "user__email", "reference"]
    list_select_related = ["user"]
    date_hierarchy = "sent_on"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
