"""What a published letter's and a published plan's open data hold: the same items as their
public pages (``Recommendation.objects.public()``, ``Action.objects.public()``), so nothing
exempt, and no one's name but the council's."""

from django.db.models import Prefetch
from django.utils import timezone

from improvement_plans.models import Action, ImprovementArea
from recommendations.models import Recommendation
from reviews.models import Finding
from sli.lib.opendata import Column, Dataset

COUNCIL_COLUMNS = (
    Column("council", "The council's name.", "text", "Walsall Council"),
    Column(
        "council_slug", "The council's short name in addresses; never changes.", "text", "walsall"
    ),
)
LETTER_COLUMNS = (
    *COUNCIL_COLUMNS,
    Column("review_id", "The review's number on this site.", "integer", "12"),
    Column("review_title", "The review's title.", "text", "Adult social care peer challenge"),
    Column("review_kind", "What kind of review wrote the letter.", "text", "Peer challenge"),
    Column("letter_date", "The date of the letter (YYYY-MM-DD).", "date", "2015-11-27"),
    Column(
        "item_type",
        "strength, area for consideration, area for improvement or recommendation.",
        "text",
        "recommendation",
    ),
    Column(
        "scope_question",
        "The number of the key line of enquiry the item answers; empty for none.",
        "integer",
        "2",
    ),
    Column(
        "number",
        "A recommendation's number as people use it (sub-items as “16(ii)”); empty for findings.",
        "text",
        "3(ii)",
    ),
    Column("text", "The text of the item, as in the letter.", "text", "Review the carers' offer."),
)
PLAN_COLUMNS = (
    *COUNCIL_COLUMNS,
    Column("plan_id", "The plan's number on this site.", "integer", "7"),
    Column("plan_title", "The plan's title.", "text", "Adult social care improvement plan"),
    Column("version_date", "The date of this version of the plan.", "date", "2016-03-01"),
    Column("improvement_area", "The improvement area's number; empty for none.", "integer", "3"),
    Column(
        "improvement_area_title",
        "The area's title; empty when it may quote an exempt or unpublished recommendation.",
        "text",
        "Safeguarding",
    ),
    Column(
        "answers",
        "The published recommendations the action answers, by number, separated by “; ”.",
        "text",
        "1; 4(i)",
    ),
    Column("action_number", "The action's number in the plan.", "integer", "34"),
    Column("action_title", "What will be done.", "text", "Publish a carers' strategy"),
    Column("expected_evidence", "What will show the improvement.", "text", "Strategy published"),
    Column("measure", "The measure and its target, in words.", "text", "70% Reviews on time"),
    Column("start_date", "When the action starts.", "date", "2016-04-01"),
    Column("due_date", "When it is due now.", "date", "2016-09-30"),
    Column("original_due_date", "The due date first agreed.", "date", "2016-06-30"),
    Column(
        "status",
        "Not started, On track, At risk, Off track, Completed or Cancelled.",
        "text",
        "On track",
    ),
    Column(
        "council_rag",
        "The council's own red, amber or green rating; empty if none.",
        "text",
        "Amber",
    ),
    Column(
        "rag_by_dates",
        "Red, amber or green from percent complete against the time elapsed.",
        "text",
        "Red",
    ),
    Column("percent_complete", "How far done, 0 to 100.", "integer", "40"),
    Column("overdue", "Past its due date and not completed or cancelled.", "boolean", "true"),
)
ATTRIBUTION = "Contains public sector information licensed under the Open Government Licence v3.0."


def letter_dataset(review, source_url):
    council = review.host_council
    start = [council.name, council.slug, review.pk, review.title, review.get_kind_display()]
    start.append(review.letter_date)
    rows = []
    findings = (
        Finding.objects.filter(review=review)
        .select_related("scope_question")
        .order_by("scope_question__number", "kind", "pk")
    )
    for finding in findings:
        question = finding.scope_question.number if finding.scope_question else None
        kind = finding.get_kind_display().lower()
        rows.append([*start, kind, question, "", finding.text])
    recommendations = (
        Recommendation.objects.public()
        .filter(review=review)
        .select_related("parent", "scope_question")
    )
    for recommendation in recommendations:
        question = recommendation.scope_question.number if recommendation.scope_question else None
        rows.append([*start, "recommendation", question, recommendation.label, recommendation.text])
    return Dataset(
        title=f"{review.title}: {council.name}, published letter",
        source_url=source_url,
        attribution=f"{council.name}. {ATTRIBUTION}",
        columns=LETTER_COLUMNS,
        rows=rows,
    )


def plan_dataset(plan, source_url, today=None):
    today = today or timezone.localdate()
    council = plan.council
    public_recommendations = Prefetch(
        "recommendations", queryset=Recommendation.objects.public().select_related("parent")
    )
    areas = {
        area.pk: area for area in ImprovementArea.objects.filter(plan=plan).with_public_references()
    }
    actions = (
        Action.objects.public()
        .filter(plan=plan)
        .with_flags(today)
        .prefetch_related(public_recommendations)
        .order_by("area__number", "number")
    )
    rows = []
    for action in actions:
        area = areas.get(action.area_id)
        rows.append(
            [
                council.name,
                council.slug,
                plan.pk,
                plan.title,
                plan.version_date,
                area.number if area else None,
                area.title if area and area.is_title_public else "",
                "; ".join(r.label for r in action.recommendations.all()),
                action.number,
                action.title,
                action.expected_evidence,
                action.measure,
                action.start_date,
                action.due_date,
                action.original_due_date,
                action.get_status_display(),
                action.get_rag_display() if action.rag else "",
                action.derived_rag(today).capitalize(),
                action.percent_complete,
                action.is_overdue_flag,
            ]
        )
    return Dataset(
        title=f"{plan.title}: {council.name}, published improvement plan",
        source_url=source_url,
        attribution=f"{council.name}. {ATTRIBUTION}",
        columns=PLAN_COLUMNS,
        rows=rows,
    )
