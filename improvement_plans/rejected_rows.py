"""The rows an import left out, given back as a workbook to correct and import again.

Each sheet that had rows with problems comes back under its own name, with its headings as
the council wrote them and its rejected rows as they were read, and a first column saying why
each row was not imported. The import reads that column's heading as one to leave alone, so
the file, once corrected, imports as it is.
"""

from datetime import date, datetime
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from sli.lib.xlsx import text_cell

REASON_HEADER = "Why it was not imported"
DATE_FORMAT = "dd/mm/yyyy"
TOP = Alignment(vertical="top", wrap_text=True)


def rejected_rows_workbook(preview):
    """The .xlsx bytes of the preview's rows with problems, or None if it has none."""
    rejected = [planned for planned in preview.planned if planned.has_problems]
    if not rejected:
        return None
    workbook = Workbook(write_only=True)
    by_sheet = {}
    for planned in rejected:
        by_sheet.setdefault(planned.sheet, []).append(planned)
    for title, rows in by_sheet.items():
        _write_sheet(workbook, title, preview.headers.get(title, ()), rows)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def reason(outcome):
    """ "Row 7" and each of the row's problems on a line of its own, by column."""
    lines = [f"Row {outcome.row}"]
    for problem in outcome.problems:
        lines.append(f"{problem.column}: {problem.message}" if problem.column else problem.message)
    return "\n".join(lines)


def _write_sheet(workbook, title, headers, rows):
    sheet = workbook.create_sheet(title)
    width = max(_used_width(values) for values in [headers, *(p.cells for p in rows)])
    headers = (list(headers) + [None] * width)[:width]
    sheet.column_dimensions["A"].width = 60
    for index, header in enumerate(headers, start=2):
        sheet.column_dimensions[get_column_letter(index)].width = min(
            max(len(str(header or "")), 12), 45
        )
    sheet.freeze_panes = "B2"
    bold = Font(bold=True)
    sheet.append([_cell(sheet, value, font=bold) for value in [REASON_HEADER, *headers]])
    for planned in rows:
        cells = (list(planned.cells) + [None] * width)[:width]
        sheet.append([_cell(sheet, reason(planned.outcome)), *(_cell(sheet, v) for v in cells)])


def _used_width(values):
    """How many columns a row uses: the sheet is read 50 columns wide, mostly empty."""
    filled = [i for i, value in enumerate(values) if value is not None and value != ""]
    return filled[-1] + 1 if filled else 0


def _cell(sheet, value, font=None):
    """A write-only cell: text as text (never a formula), dates shown as dates."""
    if isinstance(value, str):
        cell = text_cell(sheet, value)
    else:
        cell = WriteOnlyCell(sheet, value=value)
        if isinstance(value, datetime | date):
            cell.number_format = DATE_FORMAT
    cell.alignment = TOP
    if font is not None:
        cell.font = font
    return cell
