from django.contrib import admin

from reviews.cqc import admin as cqc_admin  # noqa: F401 (registers the CQC framework's models)
from reviews.models import Finding, FocusArea, Judgement, Review, ScopeQuestion, TeamMember
from sli.lib.admin import ScopedModelAdmin


class TeamMemberInline(admin.TabularInline):
    model = TeamMember
    extra = 0


class JudgementInline(admin.TabularInline):
    model = Judgement
    extra = 0


class ScopeQuestionInline(admin.TabularInline):
    model = ScopeQuestion
    extra = 0


@admin.register(Review)
class ReviewAdmin(ScopedModelAdmin):
    list_display = ["title", "host_council", "kind", "status", "visit_start", "letter_date"]
    list_filter = ["kind", "status", "host_council__region"]
    search_fields = ["title", "host_council__name"]
    date_hierarchy = "visit_start"
    list_select_related = ["host_council"]
    autocomplete_fields = ["host_council"]
    filter_horizontal = ["focus_areas"]
    inlines = [TeamMemberInline, JudgementInline, ScopeQuestionInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "host_council",
                    "kind",
                    "title",
                    "status",
                    "visit_start",
                    "visit_end",
                    "letter_date",
                    "focus_areas",
                    "capacity_to_improve",
                ]
            },
        ),
        (
            "Feedback letter",
            {
                "classes": ["collapse"],
                "fields": Review.LETTER_FIELDS,
            },
        ),
    ]


@admin.register(Finding)
class FindingAdmin(ScopedModelAdmin):
    list_display = ["__str__", "kind", "review", "scope_question", "order"]
    list_filter = ["kind", "review__host_council"]
    search_fields = ["text", "review__title"]
    list_select_related = ["review", "scope_question"]
    raw_id_fields = ["review", "scope_question"]


@admin.register(TeamMember)
class TeamMemberAdmin(ScopedModelAdmin):
    list_display = ["name", "role", "organisation", "review"]
    list_filter = ["role"]
    search_fields = ["name", "organisation"]
    list_select_related = ["review"]
    raw_id_fields = ["review"]


@admin.register(ScopeQuestion)
class ScopeQuestionAdmin(ScopedModelAdmin):
    list_display = ["number", "text", "review"]
    search_fields = ["text", "review__title"]
    list_select_related = ["review"]
    raw_id_fields = ["review"]


@admin.register(FocusArea)
class FocusAreaAdmin(ScopedModelAdmin):
    list_display = ["number", "name", "code"]
