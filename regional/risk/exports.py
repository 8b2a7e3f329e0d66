"""A council's risk assessment as a workbook the regional board can file and share: the level
of concern and its reasons, the CQC assessment cited (as cited), the triggers' ratings, the
discussion and the support offered."""

from io import BytesIO

from openpyxl import Workbook

from sli.lib.xlsx import text_cell


def assessment_workbook(assessment, *, citation, ratings, offers):
    """The bytes of an .xlsx of ``assessment``: ``ratings`` is [(trigger, rating or None)],
    ``offers`` its support offered; every text a text cell."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Risk assessment")
    sheet.column_dimensions["A"].width = 45
    sheet.column_dimensions["B"].width = 60
    sheet.column_dimensions["C"].width = 60

    def row(*values):
        sheet.append([text_cell(sheet, v) if isinstance(v, str) else v for v in values])

    row(str(assessment))
    row("Status", assessment.get_status_display())
    row("Overall level of concern", assessment.get_overall_concern_display() or "Not set")
    row("Reasons", assessment.reasons or "Not given")
    if citation:
        row("CQC assessment cited", citation.summary)
        row("Cited on", f"{citation.cited_at:%-d %B %Y}")
        for _number, name, _score, words, cited in citation.statement_rows:
            row(f"{name}{' (cited)' if cited else ''}", words)
    else:
        row("CQC assessment cited", "None")
    row(
        "Discussed with the council on",
        f"{assessment.discussed_on:%-d %B %Y}" if assessment.discussed_on else "Not recorded",
    )
    row("What was discussed", assessment.discussion_notes or "Not recorded")
    row()
    row("Trigger", "Rating", "Evidence")
    for trigger, rating in ratings:
        row(
            trigger.text,
            rating.get_rating_display() if rating else "Not rated",
            rating.evidence if rating else "",
        )
    row()
    row("Support offered", "Given by", "Status")
    for offer in offers:
        row(
            offer.support_type.name,
            offer.provider.name if offer.provider else "No council",
            offer.get_status_display(),
        )
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
