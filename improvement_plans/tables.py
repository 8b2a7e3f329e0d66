import django_tables2 as tables
from django.db.models import F
from django.utils.html import format_html, format_html_join

from sli.lib.tables import DateColumn, Table

STATUS_TAG_COLOURS = {
    "completed": "green",
    "off_track": "red",
    "at_risk": "orange",
    "on_track": "blue",
}
RAG_TAG_COLOURS = {"red": "red", "amber": "orange", "green": "green"}


def owner_of(action):
    if action.owner_name:
        return action.owner_name
    if action.owner_user_id:
        return action.owner_user.get_full_name() or action.owner_user.get_username()
    return ""


class ActionTable(Table):
    """Needs actions with the plan, its council and the owner selected, the recommendations
    prefetched with their parents, and ``is_overdue_flag`` and ``latest_update_date``
    annotated (``improvement_plans.views.listed_actions``)."""

    council = tables.Column("Council", accessor="plan__council__name")
    plan = tables.Column("Plan", accessor="plan__title")
    action = tables.Column("Action", accessor="number", order_by=("number", "title"))
    recommendations = tables.Column("Recommendations", empty_values=(), orderable=False)
    owner = tables.Column("Owner", accessor="owner_name", empty_values=())
    due_date = DateColumn("Due date", order_by=("due_date", "pk"))
    status = tables.Column("Status", order_by=("status", "pk"))
    rag = tables.Column("RAG", empty_values=(), order_by=("rag", "pk"))
    overdue = tables.Column(
        "Overdue", accessor="is_overdue_flag", order_by=("is_overdue_flag", "pk")
    )
    latest_update = DateColumn(
        "Latest update",
        accessor="latest_update_date",
        default="None yet",
        order_by=("latest_update_date", "pk"),
    )

    caption = "Actions"
    empty_text = "No actions match these filters."

    class Meta(Table.Meta):
        pass

    def order_latest_update(self, queryset, is_descending):
        """Never updated counts as oldest, on SQLite and PostgreSQL alike."""
        latest = F("latest_update_date")
        latest = latest.desc(nulls_last=True) if is_descending else latest.asc(nulls_first=True)
        return queryset.order_by(latest, "-pk" if is_descending else "pk"), True

    def render_plan(self, record):
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>', record.plan.get_absolute_url(), record.plan
        )

    def value_plan(self, record):
        return record.plan.title

    def render_action(self, record):
        return format_html(
            '<a class="govuk-link" href="{}">Action {}</a><br><span class="govuk-body-s">{}</span>',
            record.get_absolute_url(),
            record.number,
            record.title,
        )

    def value_action(self, record):
        return f"Action {record.number}: {record.title}"

    def render_recommendations(self, record):
        recommendations = record.recommendations.all()
        if not recommendations:
            return "None"
        return format_html_join(
            ", ",
            '<a class="govuk-link" href="{}" aria-label="Recommendation {}">{}</a>',
            ((r.get_absolute_url(), r.label, r.label) for r in recommendations),
        )

    def value_recommendations(self, record):
        return ", ".join(r.label for r in record.recommendations.all())

    def render_owner(self, record):
        return owner_of(record) or "Not set"

    def value_owner(self, record):
        return owner_of(record)

    def render_status(self, record):
        colour = STATUS_TAG_COLOURS.get(record.status, "grey")
        return format_html(
            '<strong class="govuk-tag govuk-tag--{}">{}</strong>',
            colour,
            record.get_status_display(),
        )

    def value_status(self, record):
        return record.get_status_display()

    def render_rag(self, record):
        if not record.rag:
            return "Not rated"
        return format_html(
            '<strong class="govuk-tag govuk-tag--{}">{}</strong>',
            RAG_TAG_COLOURS[record.rag],
            record.get_rag_display(),
        )

    def value_rag(self, record):
        return record.get_rag_display()

    def render_overdue(self, value):
        return format_html('<strong class="sli-flag">{}</strong>', "Overdue") if value else "No"

    def value_overdue(self, value):
        return "Overdue" if value else "No"
