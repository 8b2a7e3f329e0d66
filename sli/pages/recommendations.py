"""A recommendation's page and the list of recommendations: each shows how far the plans'
actions have put the recommendations into effect, so they live at the project level."""

from collections import defaultdict

from django.conf import settings
from django.contrib import messages
from django.db.models import F, Prefetch
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.shortcuts import redirect, render
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.views.decorators.http import require_POST

from councils.access import require_some, visible_or_404, with_permissions
from improvement_plans.forms import LinkActionForm
from improvement_plans.implementation import with_implementation_state
from improvement_plans.models import Action, PreparedFile
from improvement_plans.prepared.files import makes_list, prepare_list
from improvement_plans.services import link_recommendation
from recommendations.filters import RecommendationFilter
from recommendations.models import Amendment, ProgressAssessment, Recommendation
from recommendations.tables import RecommendationTable
from recommendations.views import RECOMMENDATION_PAGE
from reviews.models import QualityStatement
from sli.lib.exports import EXPORT_FORMATS, download_response, export_file
from sli.lib.history import history_entries
from sli.lib.similarity import alike_pairs
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
    linkable = Action.objects.editable_by(user).filter(
        plan__council=recommendation.review.host_council_id
    )
    context = {
        "recommendation": recommendation,
        "already_addressed_by": [a for a in actions if a.already_addressed(recommendation)],
        # With no action yet, the council's editors are offered the work already in hand
        # whose wording is alike, to link instead of duplicating it.
        "offered_actions": [] if actions else linkable.current().alike(recommendation.text),
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


def recommendation_filters(request):
    """The list's filters as the request asks, over the recommendations its user may read."""
    return RecommendationFilter(
        request.GET, queryset=listed_recommendations(request.user), request=request
    )


def recommendation_list_download(request, filters):
    """The filtered list as the download ``?export=`` asks for, in the page's sort: (content,
    content type, file name)."""
    table = configure(RecommendationTable(filters.qs), request, paginate=False)
    return export_file(
        table, request.GET["export"], filename="recommendations", title="Recommendations"
    )


def prepared_recommendation_list(query, *, user):
    """The download of the list filtered by ``query`` (the page's query string, a QueryDict)
    as ``user`` sees it now; for a file prepared in the background."""
    request = HttpRequest()
    request.user, request.GET = user, query
    filters = recommendation_filters(request)
    if not filters.is_valid():
        raise ValueError(f"The list's filters are not valid: {filters.errors.as_text()}")
    return recommendation_list_download(request, filters)


def let_the_worker_make_long_downloads():
    """Called once a process starts (sli's AppConfig.ready()), the worker's too."""
    makes_list(PreparedFile.Kind.RECOMMENDATION_LIST, prepared_recommendation_list)


def recommendation_list(request):
    filters = recommendation_filters(request)
    export_format = request.GET.get("export")
    if export_format in EXPORT_FORMATS and filters.is_valid():
        # Each row's implementation state is worked out as it is written: a region's
        # recommendations take seconds, so a long list is prepared by the task worker.
        if filters.qs.count() > settings.EXPORT_IN_BACKGROUND_ROWS:
            prepared = prepare_list(
                PreparedFile.Kind.RECOMMENDATION_LIST,
                by=request.user,
                query=request.GET.urlencode(),
            )
            return redirect(prepared)
        return download_response(*recommendation_list_download(request, filters))
    table = RecommendationTable(filters.qs if filters.is_valid() else filters.queryset.none())
    configure(table, request)
    count = table.paginator.count
    table.caption = f"{count} recommendation{pluralize(count)}"
    return render(
        request, "recommendations/recommendation_list.html", {"filter": filters, "table": table}
    )


@require_POST
def link_action(request, pk):
    """Link the recommendation to an action of its council's plan that already addresses it."""
    user = request.user
    recommendation = visible_or_404(
        Recommendation.objects.select_related("review", "parent"), user, pk=pk
    )
    linkable = Action.objects.editable_by(user).filter(
        plan__council=recommendation.review.host_council_id
    )
    require_some(linkable, "Only the council's editors link its actions to recommendations.")
    form = LinkActionForm(request.POST, actions=linkable.select_related("plan"))
    back = (
        reverse("recommendations:duplicates")
        if request.POST.get("from") == "duplicates"
        else recommendation.get_absolute_url()
    )
    if not form.is_valid():
        messages.error(request, form.errors["action"][0])
        return redirect(back)
    action = form.cleaned_data["action"]
    if link_recommendation(recommendation=recommendation, action=action, by=user):
        messages.success(
            request,
            f"Recommendation {recommendation.label} is linked to Action {action.number}, "
            "which already addresses it.",
        )
    else:
        messages.info(
            request,
            f"Action {action.number} already answers recommendation {recommendation.label}.",
        )
    return redirect(back)


# Beyond this many recommendations of one council, the pairs are not worked out on a page.
DUPLICATES_PER_COUNCIL = 2000


def duplicates(request):
    """Likely duplicates: pairs of recommendations from different sources of one council whose
    wording is alike, side by side, with a way to link both to the same action."""
    user = request.user
    visible_actions = Action.objects.visible_to(user).select_related("plan").order_by("number")
    recommendations = (
        Recommendation.objects.visible_to(user)
        .select_related("review__host_council", "parent")
        .prefetch_related(Prefetch("actions", queryset=visible_actions))
        .order_by("review__host_council__name", "review_id", "pk")
    )
    by_council = defaultdict(list)
    for recommendation in recommendations:
        by_council[recommendation.review.host_council].append(recommendation)
    linking = set(
        Action.objects.editable_by(user).values_list("plan__council", flat=True).distinct()
    )
    councils = [
        {
            "council": council,
            "can_link": council.pk in linking,
            "pairs": [
                {"score": score, "sides": sides(first, second)}
                for score, first, second in alike_pairs(
                    items[:DUPLICATES_PER_COUNCIL],
                    wording=lambda r: r.text,
                    group=lambda r: r.review_id,
                )
            ],
        }
        for council, items in by_council.items()
    ]
    context = {"councils": [c for c in councils if c["pairs"]]}
    return render(request, "recommendations/duplicates.html", context)


def sides(first, second):
    """Each recommendation of a pair with the actions of the other it could be linked to."""
    return [
        {
            "recommendation": this,
            "actions": list(this.actions.all()),
            "could_link": [a for a in other.actions.all() if a not in this.actions.all()],
        }
        for this, other in ((first, second), (second, first))
    ]
