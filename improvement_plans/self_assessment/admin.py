"""Self-assessments in the admin: for looking up, and correcting a draft. A submitted one is
read-only here too (its models refuse the change)."""

from django.contrib import admin

from improvement_plans.self_assessment.models import (
    CqcSelfAssessment,
    SelfRating,
    SelfRatingChallenge,
)
from sli.lib.admin import ScopedModelAdmin


class SelfRatingInline(admin.StackedInline):
    model = SelfRating
    fields = ["statement", "score", "narrative", "strengths", "improvements", "completed"]
    raw_id_fields = ["statement"]
    extra = 0
    can_delete = False

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and obj.is_submitted)


@admin.register(CqcSelfAssessment)
class CqcSelfAssessmentAdmin(ScopedModelAdmin):
    list_display = ["council", "assessed_on", "submitted_at"]
    list_filter = ["council__region"]
    list_select_related = ["council"]
    raw_id_fields = ["council", "created_by", "submitted_by"]
    inlines = [SelfRatingInline]

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and obj.is_submitted)


@admin.register(SelfRatingChallenge)
class SelfRatingChallengeAdmin(ScopedModelAdmin):
    list_display = ["rating", "score_challenged", "proposed_score", "outcome"]
    raw_id_fields = ["rating", "raised_by", "answered_by"]
