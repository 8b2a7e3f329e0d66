from django.contrib import admin

from recommendations.models import Recommendation
from reviews.admin import ReviewAdmin
from reviews.models import Review
from sli.lib.admin import ScopedModelAdmin


@admin.register(Recommendation)
class RecommendationAdmin(ScopedModelAdmin):
    list_display = ["__str__", "review", "focus_area", "response", "exempt"]
    list_filter = ["response", "exempt", "focus_area", "quality_statements", "review__kind"]
    search_fields = ["text", "review__title", "review__host_council__name"]
    list_select_related = ["review", "parent", "focus_area"]
    raw_id_fields = ["review", "parent", "scope_question"]
    filter_horizontal = ["quality_statements"]


class RecommendationInline(admin.TabularInline):
    model = Recommendation
    fields = ["number", "parent", "text", "scope_question", "focus_area", "response", "exempt"]
    extra = 0
    show_change_link = True


# A review's admin form lists its recommendations: this app, above reviews, adds them to the
# review's admin rather than the reviews app importing recommendations.
admin.site.unregister(Review)


@admin.register(Review)
class ReviewWithRecommendationsAdmin(ReviewAdmin):
    inlines = [*ReviewAdmin.inlines, RecommendationInline]
