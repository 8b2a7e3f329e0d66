"""What a kind of source adds to the review pages.

A kind of review with pages of its own (the CQC's local authority assessment) is one package
under ``reviews/`` and one entry in ``SOURCE_KINDS`` (``reviews/models/review.py``): the
review pages ask the review's ``source_kind`` instead of branching on the kind.
"""

from django.utils import timezone


class SourceKind:
    """A review with nothing of its own: a peer challenge's letter and findings.

    An entry may change any of the words below by name (``SourceKind(hint=…)``).
    """

    # What the "new review" form says under the kind's name.
    hint = ""
    # The document the source writes, who writes it and to whom its recommendations go.
    document = "letter"
    written_by = ""
    addressed_to = ""
    # The heading over the source's recommendations on the review's page.
    recommendations_heading = "Recommendations"

    # Included on the review's page (with ``review`` in its context), if any.
    panel_template = ""
    # Included on the review's page: the summary list's row about the letter (or report), what
    # the page says about publishing it (if anything), and the findings.
    document_row_template = "reviews/includes/letter_row.html"
    publication_template = "reviews/includes/letter_publication.html"
    findings_template = "reviews/includes/review_findings.html"
    # Until when the findings and recommendations are confidential, as the page says it.
    confidential_until = "the letter is issued"
    # Whether the review's team writes the letter: the review's page then links to its team,
    # scope questions, letter paragraphs and findings, and to comments on the draft letter.
    has_letter = True
    # The review's stages as the kind names them, where not as ``Review.Status`` does.
    status_names = {}
    # Whether each recommendation answers a quality statement, shown in the recommendations.
    recommendations_by_statement = False
    # Whether the team's home page lists the review's stages (team, scope, findings, letter).
    has_team_tasks = True
    # select_related paths that the kind's methods read, so that a list costs no more queries.
    related = ()
    # The label of the date the source is known by on the review's details form (its
    # ``letter_date``), or "" where the letter's own form asks for it.
    date_label = ""
    # Fields of Review that only this kind asks for on the review's details form.
    extra_fields = ()

    def __init__(self, **words):
        for name, value in words.items():
            if not hasattr(type(self), name):
                raise TypeError(f"A kind of source has no word “{name}”")
            setattr(self, name, value)

    def detail_rows(self, review):
        """The rows the kind adds to the review's summary list: [(key, value)]."""
        return []

    def deadline_task(self, review, today):
        """The host council's task while a deadline of the source runs: (name, hint, link,
        status, tag colour), or None for a kind with no deadline."""
        return None

    def accuracy_task(self, review, today):
        """The host council's task while the draft is at its factual accuracy check: (name,
        hint, link)."""
        return (
            f"Check the draft letter of “{review.title}” for factual accuracy",
            "Comment on anything that is wrong before the letter is issued",
            review.get_absolute_url(),
        )


class DocumentKind(SourceKind):
    """A source that writes its own document, with no peer team and no letter to prepare: a
    safeguarding adults review, an internal audit, the Ombudsman's decision, a letter from the
    DHSC, a scrutiny review, the council's own self-assessment. Its words come from the entry
    (``DocumentKind(document="SAR report", …)``)."""

    has_letter = False
    has_team_tasks = False
    document_row_template = "reviews/includes/document_row.html"
    publication_template = ""
    # What the document is said to be once issued ("published", "agreed", "received").
    issued_word = "published"

    def __init__(self, **words):
        super().__init__(**words)
        if "confidential_until" not in words:
            self.confidential_until = f"the {self.document} is {self.issued_word}"
        if "status_names" not in words:
            self.status_names = {"issued": f"{self.document_title} {self.issued_word}"}
        if "date_label" not in words:
            self.date_label = f"Date the {self.document} was {self.issued_word}"

    @property
    def document_title(self):
        return self.document[:1].upper() + self.document[1:]

    def accuracy_task(self, review, today):
        return (
            f"Check the draft {self.document} of “{review.title}” for factual accuracy",
            f"Comment on anything that is wrong before the {self.document} is {self.issued_word}",
            review.get_absolute_url(),
        )


class AuditKind(DocumentKind):
    """An internal audit: its report carries an assurance opinion on the controls audited."""

    extra_fields = ("assurance_opinion",)

    def detail_rows(self, review):
        opinion = review.get_assurance_opinion_display() or "Not entered"
        return [("Assurance opinion", opinion)]


class OmbudsmanKind(DocumentKind):
    """The Ombudsman's decision: the council agreed to carry out its recommendations by a
    date, counted down on the council's home page."""

    extra_fields = ("comply_by",)
    # A deadline passed is still shown for this long, as overdue.
    overdue_shown_days = 28

    def countdown(self, review, today):
        """ "in 12 days" / "today" / "3 days ago" """
        days = (review.comply_by - today).days
        if days == 0:
            return "today"
        if days > 0:
            return f"in {days} day{'' if days == 1 else 's'}"
        return f"{-days} day{'' if days == -1 else 's'} ago"

    def detail_rows(self, review):
        if review.comply_by is None:
            return [("Comply by", "Not entered")]
        when = self.countdown(review, timezone.localdate())
        return [("Comply by", f"{review.comply_by:%-d %B %Y} ({when})")]

    def deadline_task(self, review, today):
        if review.comply_by is None:
            return None
        days = (review.comply_by - today).days
        if days < -self.overdue_shown_days:
            return None
        due = "was due" if days < 0 else "is due"
        return (
            f"Carry out what the Ombudsman's decision “{review.title}” asks",
            f"Compliance {due} {self.countdown(review, today)} (by {review.comply_by:%-d %B %Y})",
            review.get_absolute_url(),
            "Overdue" if days < 0 else "Deadline running",
            "red" if days < 0 else "yellow",
        )


PLAIN = SourceKind()
