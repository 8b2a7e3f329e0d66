from django.contrib import admin

from recommendations.models import Recommendation
from sli.admin import ScopedModelAdmin


@admin.register(Recommendation)
class RecommendationAdmin(ScopedModelAdmin):
    list_display = ["__str__", "review", "focus_area", "response", "exempt"]
    list_filter = ["response", "exempt", "focus_area", "review__kind"]
    search_fields = ["text", "review__title", "review__host_council__name"]
    list_select_related = ["review", "parent", "focus_area"]
    raw_id_fields = ["review", "parent", "scope_question"]
