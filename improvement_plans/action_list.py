"""The list of every action a person may see (the "Actions" page), and its downloads."""

from django.conf import settings
from django.db.models import Max, OuterRef, Prefetch, Subquery
from django.http import HttpRequest

from improvement_plans.exports import actions_to_workbook, workbook_bytes
from improvement_plans.filters import ActionFilter
from improvement_plans.models import Action, ProgressUpdate
from improvement_plans.tables import ActionTable
from recommendations.models import Recommendation
from sli.lib.exports import EXPORT_FORMATS, XLSX_TYPE, export_file

# ?export= on the list: the list's own columns (xlsx, csv), or the councils' plan layout.
PLAN_LAYOUT = "plan-layout"
DOWNLOADS = (*EXPORT_FORMATS, PLAN_LAYOUT)


def recommendation_labels(recommendations):
    return Prefetch("recommendations", queryset=recommendations.select_related("parent", "review"))


def listed_actions(user):
    """Every action the user may see, with what the list shows, in a fixed number of queries:
    plan, council and owner joined, recommendations prefetched, flags and the date of the
    latest update computed in the database."""
    latest_update = (
        ProgressUpdate.objects.filter(action=OuterRef("pk"))
        .order_by()
        .values("action")
        .annotate(latest=Max("date"))
        .values("latest")
    )
    return (
        Action.objects.visible_to(user)
        .select_related("plan__council", "owner_user")
        .prefetch_related(recommendation_labels(Recommendation.objects.visible_to(user)))
        .with_flags()
        .annotate(latest_update_date=Subquery(latest_update))
        .order_by("plan__council__name", "plan__title", "plan_id", "number")
    )


def action_filters(request):
    """The list's filters as ``request`` sets them: its query, and its user's scope (which
    also gives the filters their choices)."""
    return ActionFilter(request.GET, queryset=listed_actions(request.user), request=request)


def is_large(actions):
    """Whether downloading these actions takes long enough to prepare in the background."""
    return actions.count() > settings.EXPORT_IN_BACKGROUND_ROWS


def action_list_download(actions, query, *, user):
    """The filtered ``actions`` as the download ``query["export"]`` asks for, sorted by
    ``query["sort"]`` like the page: (content, content type, file name)."""
    export_format = query.get("export")
    if export_format == PLAN_LAYOUT:
        # The councils' own layout (area, recommendation, how, evidence, milestones …).
        workbook = actions_to_workbook(actions, "Actions", Recommendation.objects.visible_to(user))
        return workbook_bytes(workbook), XLSX_TYPE, "actions-plan-layout.xlsx"
    if export_format not in EXPORT_FORMATS:
        raise ValueError(f"No download of the action list called {export_format!r}")
    table = ActionTable(actions)
    if sort := query.getlist("sort"):
        table.order_by = sort
    return export_file(table, export_format, filename="actions", title="Actions")


def prepared_action_list(query, *, user):
    """The download of the action list, filtered by ``query`` (the page's query string, a
    QueryDict) as ``user`` sees it now; for a file prepared in the background."""
    request = HttpRequest()
    request.user, request.GET = user, query
    filters = action_filters(request)
    if not filters.is_valid():
        raise ValueError(f"The list's filters are not valid: {filters.errors.as_text()}")
    return action_list_download(filters.qs, query, user=user)
