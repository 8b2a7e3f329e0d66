import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from sli.lib.tables import DateColumn, Table

NUMERIC = {
    "th": {"class": "govuk-table__header govuk-table__header--numeric"},
    "td": {"class": "govuk-table__cell govuk-table__cell--numeric"},
}


def _tag(colour, words):
    return format_html('<strong class="govuk-tag govuk-tag--{}">{}</strong>', colour, words)


class RegionCouncilsTable(Table):
    """The councils of a region that have a review or a plan, as
    ``sli.pages.dashboards.CouncilRow``s: those needing attention first, each reason in words,
    every column sortable."""

    council = tables.Column("Council", accessor="council__name")
    attention = tables.Column(
        "Needs attention", accessor="attention_order", empty_values=(), order_by="attention_order"
    )
    open_recommendations = tables.Column("Open recommendations", attrs=NUMERIC)
    overdue_actions = tables.Column("Overdue actions", attrs=NUMERIC)
    last_update = DateColumn("Last progress update", default="None")
    next_progress_review = DateColumn("Next progress review", default="Not planned")

    caption = "Councils with a review or a plan"
    empty_text = "No council of the region has an issued review or a plan yet."

    class Meta(Table.Meta):
        order_by = "attention"

    def render_council(self, record):
        return format_html(
            '<a class="govuk-link" href="{}">{}</a>',
            record.council.get_absolute_url(),
            record.council.name,
        )

    def render_attention(self, record):
        actions = f"{reverse('improvement_plans:actions')}?council={record.council.pk}"
        reasons = []
        if record.overdue_actions:
            reasons.append(
                (f"{actions}&overdue=yes", _tag("red", f"{record.overdue_actions} overdue"))
            )
        if record.contradicted:
            reasons.append(
                (
                    f"{actions}&needs=rag_contradicted",
                    _tag("orange", f"{record.contradicted} rated green against the dates"),
                )
            )
        if record.is_stale:
            reasons.append(("", _tag("yellow", "Plan not updated for 3 months")))
        if record.progress_review_soon:
            reasons.append(("", _tag("blue", "Progress review soon")))
        if not reasons:
            return "Nothing to flag"
        return format_html(
            '<span class="sli-reasons">{}</span>',
            format_html_join(
                " ",
                "{}",
                (
                    (
                        format_html('<a class="govuk-link" href="{}">{}</a>', url, tag)
                        if url
                        else tag,
                    )
                    for url, tag in reasons
                ),
            ),
        )

    def render_overdue_actions(self, record, value):
        if not value:
            return "0"
        return format_html(
            '<a class="govuk-link" href="{}?council={}&amp;overdue=yes">{}</a>',
            reverse("improvement_plans:actions"),
            record.council.pk,
            value,
        )
