"""The factual accuracy comments as a workbook the council sends the CQC."""

from io import BytesIO

from openpyxl import Workbook

from sli.lib.xlsx import text_cell

COLUMNS = (
    ("Number", 10),
    ("Kind (A, B or C)", 12),
    ("Page and paragraph", 20),
    ("What the draft report says", 60),
    ("Proposed correction", 60),
    ("Evidence reference", 40),
    ("Date of the evidence", 16),
)


def corrections_workbook(review, corrections):
    """The bytes of an .xlsx with one row per correction, every text a text cell."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Factual accuracy")
    for letter, (_, width) in zip("ABCDEFG", COLUMNS, strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.append([text_cell(sheet, f"Factual accuracy comments: {review.title}")])
    sheet.append([text_cell(sheet, heading) for heading, _ in COLUMNS])
    for number, correction in enumerate(corrections, start=1):
        sheet.append(
            [
                number,
                text_cell(sheet, correction.kind),
                text_cell(sheet, correction.where),
                text_cell(sheet, correction.report_text),
                text_cell(sheet, correction.proposed_correction),
                text_cell(sheet, correction.evidence_reference),
                text_cell(sheet, f"{correction.evidence_date:%-d %B %Y}")
                if correction.evidence_date
                else None,
            ]
        )
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
