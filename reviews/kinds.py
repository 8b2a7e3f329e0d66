"""What a kind of source adds to the review pages.

A kind of review with pages of its own (the CQC's local authority assessment) is one package
under ``reviews/`` and one entry in ``SOURCE_KINDS`` (``reviews/models/review.py``): the
review pages ask the review's ``source_kind`` instead of branching on the kind.
"""


class SourceKind:
    """A review with nothing of its own: a peer challenge's letter and findings."""

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

    def accuracy_task(self, review, today):
        """The host council's task while the draft is at its factual accuracy check: (name,
        hint, link)."""
        return (
            f"Check the draft letter of “{review.title}” for factual accuracy",
            "Comment on anything that is wrong before the letter is issued",
            review.get_absolute_url(),
        )


PLAIN = SourceKind()
