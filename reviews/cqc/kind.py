"""The CQC's local authority assessment as a kind of review (see ``reviews.kinds``)."""

from django.urls import reverse

from reviews.kinds import SourceKind


class CqcAssessmentKind(SourceKind):
    panel_template = "reviews/cqc/includes/review_panel.html"
    related = ("cqc_assessment",)
    # The CQC writes the report: whoever enters it has no team, scope or letter to prepare.
    has_team_tasks = False
    # The CQC publishes the report: nobody here issues or publishes a letter.
    has_letter = False
    document_row_template = "reviews/cqc/includes/report_row.html"
    publication_template = ""
    findings_template = "reviews/cqc/includes/review_areas.html"
    confidential_until = "the CQC publishes its report"
    recommendations_by_statement = True
    status_names = {"issued": "Report published"}

    def accuracy_task(self, review, today):
        assessment = getattr(review, "cqc_assessment", None)
        due = assessment.accuracy_comments_due if assessment else None
        if due is None:
            hint = "Enter the date of the CQC's e-mail to see when your comments are due"
        else:
            days = assessment.accuracy_days_left(today)
            when = f"in {days} working day{'' if days == 1 else 's'}" if days else "today"
            hint = f"Factual accuracy comments due {when} (by {due:%-d %B %Y})"
        return (
            f"Send the CQC your factual accuracy comments on the draft report of “{review.title}”",
            hint,
            reverse("reviews:cqc:corrections", args=[review.pk]),
        )
