"""What a kind of source adds to the review pages.

A kind of review with pages of its own (the CQC's local authority assessment) is one package
under ``reviews/`` and one entry in ``SOURCE_KINDS`` (``reviews/models/review.py``): the
review pages ask the review's ``source_kind`` instead of branching on the kind.
"""


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

    def __init__(self, **words):
        for name, value in words.items():
            if not hasattr(type(self), name):
                raise TypeError(f"A kind of source has no word “{name}”")
            setattr(self, name, value)

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

    @property
    def document_title(self):
        return self.document[:1].upper() + self.document[1:]

    def accuracy_task(self, review, today):
        return (
            f"Check the draft {self.document} of “{review.title}” for factual accuracy",
            f"Comment on anything that is wrong before the {self.document} is {self.issued_word}",
            review.get_absolute_url(),
        )


PLAIN = SourceKind()
