"""A recommendation's page and the list of recommendations: each shows how far the plans'
actions have put the recommendations into effect, so they live at the project level."""

from django.db.models import F, Prefetch
from django.db.models.functions import Coalesce
from django.shortcuts import render
from django.template.defaultfilters import pluralize

from councils.access import visible_or_404, with_permissions
from improvement_plans.implementation import with_implementation_state
from improvement_plans.models import Action
from recommendations.filters import RecommendationFilter
from recommendations.models import Amendment, ProgressAssessment, Recommendation
from recommendations.tables import RecommendationTable
from recommendations.views import RECOMMENDATION_PAGE
from reviews.models import QualityStatement
from sli.lib.exports import EXPORT_FORMATS, export_response
from sli.lib.history import history_entries
from sli.lib.tables import configure


def recommendation_detail(request, pk):
    user = request.user
    recommendation = visible_or_404(
        with_permissions(
            with_implementation_state(RECOMMENDATION_PAGE).prefetch_related(
                Prefetch(
                    "assessments",
                    queryset=ProgressAssessment.objects.select_related("assessed_by"),
                ),
                Prefetch("amendments", queryset=Amendment.objects.select_related("made_by")),
                Prefetch(
                    "quality_statements",
                    queryset=QualityStatement.objects.select_related("theme").order_by("number"),
                ),
            ),
            user,
            can_amend="amendable_by",
            can_respond="respondable_by",
            can_assess="assessable_by",
        ),
        user,
        pk=pk,
    )
    sub_items = with_implementation_state(
        Recommendation.objects.visible_to(user)
        .filter(parent=recommendation)
        .select_related("parent")
    )
    actions = (
        Action.objects.visible_to(user)
        .addressing(recommendation)
        .distinct()
        .select_related("plan", "area")
        .with_flags()
        .order_by("plan", "number")
    )
    context = {
        "recommendation": recommendation,
        "sub_items": sub_items,
        "actions": actions,
        "amendments": recommendation.amendments.all(),
        "assessments": recommendation.assessments.all(),
        "can_respond": recommendation.can_respond,
        "can_assess": recommendation.can_assess,
        "can_amend": recommendation.can_amend,
        "history": history_entries(
            (Recommendation.history.filter(id=recommendation.pk), "the recommendation")
        ),
    }
    return render(request, "recommendations/recommendation_detail.html", context)


def listed_recommendations(user):
    """Every recommendation the user may read, with its implementation state computed in the
    database, in the users' numbering within each council's reviews."""
    return with_implementation_state(
        Recommendation.objects.visible_to(user)
        .select_related("review__host_council", "parent")
        .prefetch_related("quality_statements")
    ).order_by(
        "review__host_council__name",
        "-review__visit_start",
        "review_id",
        Coalesce("parent__number", "number"),
        F("parent_id").asc(nulls_first=True),
        "number",
    )


def recommendation_list(request):
    filters = RecommendationFilter(
        request.GET, queryset=listed_recommendations(request.user), request=request
    )
    table = RecommendationTable(filters.qs if filters.is_valid() else filters.queryset.none())
    export_format = request.GET.get("export")
    if export_format in EXPORT_FORMATS:
        configure(table, request, paginate=False)
        return export_response(
            table, export_format, filename="recommendations", title="Recommendations"
        )
    configure(table, request)
    count = table.paginator.count
    table.caption = f"{count} recommendation{pluralize(count)}"
    return render(
        request, "recommendations/recommendation_list.html", {"filter": filters, "table": table}
    )
